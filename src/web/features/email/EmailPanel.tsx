import { Alert, Button, Group, Paper, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { notifyError } from "../../lib/errors.ts";
import { emailStatusQuery, useSendWeekly } from "./api.ts";

/** Whether Confidant can send mail, and if not, why; admins can send the week's mails now. */
export function EmailPanel({ admin }: { admin: boolean }) {
  const { data: status } = useQuery(emailStatusQuery);
  const weekly = useSendWeekly({
    onSuccess: ({ queued }) =>
      notifications.show({
        color: "teal",
        message: `This week's mails are on their way to ${queued} people.`,
      }),
    onError: (error) => notifyError(error, "Could not send the weekly mails"),
  });
  if (!status) return null;
  return (
    <Paper withBorder p="lg" data-testid="email-panel">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={600}>Email</Text>
          <Text size="sm" c="dimmed">
            Buyer-room invitations and check-in requests to the customer's people, a weekly digest to
            managers, and due review actions to sellers. Every mail has a link to stop them.
          </Text>
        </div>
        {admin && status.ok && (
          <Button variant="light" loading={weekly.isPending} onClick={() => weekly.mutate()}>
            Send this week's mails now
          </Button>
        )}
      </Group>
      {!status.enabled ? (
        <Alert mt="sm" color="gray" variant="light" title="Email is off">
          This server has no mail server set (SMTP_URL), so Confidant sends no mail. Links can still be copied
          and sent by hand.
        </Alert>
      ) : status.ok ? (
        <Text size="sm" mt="sm">
          On: mails go out from <b>{status.from}</b>.
        </Text>
      ) : (
        <Alert mt="sm" color="red" variant="light" title="Email is not working">
          {status.problem}
        </Alert>
      )}
    </Paper>
  );
}
