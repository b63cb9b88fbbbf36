import { Alert, Button, Stack } from "@mantine/core";
import type { MemberLink } from "../../../contract/members.ts";
import { OneTimeLink } from "../../components/OneTimeLink.tsx";
import { dateTime } from "../../lib/format.ts";

/** The invitation or password-reset link an admin passes on, shown once, with what it does and until when. */
export function MemberLinkNotice({
  link,
  name,
  onDone,
}: {
  link: MemberLink;
  name: string;
  onDone: () => void;
}) {
  const invitation = link.purpose === "invitation";
  return (
    <Stack>
      <Alert
        color="teal"
        variant="light"
        title={invitation ? `Invitation for ${name}` : `Password reset for ${name}`}
      >
        {invitation
          ? "Send them this link: they open it, choose their own password and are in."
          : "Send them this link: they open it and choose a new password; their other sessions end."}{" "}
        It works once, until {dateTime(link.expiresAt)}, and is shown only now. A new link replaces it.
      </Alert>
      <OneTimeLink url={link.url} testId="member-link">
        <Button onClick={onDone}>Done</Button>
      </OneTimeLink>
    </Stack>
  );
}
