import { Alert, Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useState } from "react";
import type { DecisionDetail } from "../../../contract/decisions.ts";
import { DAY_MS } from "../../../domain/time.ts";
import { OneTimeLink } from "../../components/OneTimeLink.tsx";
import { showErrorsOn } from "../../lib/errors.ts";
import { useCreateShareLink } from "./api.ts";

const GENERAL = "general";

/**
 * Creates a link to the buyer room, shown once. A stakeholder's own link makes what they do there theirs; a
 * general link works for anyone, and their answers are marked unverified.
 */
export function ShareLinkModal({
  decision,
  opened,
  onClose,
  stakeholderId,
}: {
  decision: DecisionDetail;
  opened: boolean;
  onClose: () => void;
  /** Whom the link is for when opened from their card. */
  stakeholderId?: string;
}) {
  const [created, setCreated] = useState<{ url: string; label: string } | null>(null);
  const in30 = new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10);
  const form = useForm({
    initialValues: { for: stakeholderId ?? GENERAL, label: "", expires: in30 },
    validate: {
      label: (v, values) => (values.for !== GENERAL || v.trim() ? null : "Say who it is for"),
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens for someone new
  useEffect(() => {
    if (opened) form.setValues({ for: stakeholderId ?? GENERAL, label: "" });
  }, [opened, stakeholderId]);
  const create = useCreateShareLink(decision.id, {
    onSuccess: (link) => {
      setCreated(link);
      form.reset();
    },
    onError: (e) => showErrorsOn(form, e, "Could not create the link"),
  });
  const done = () => {
    setCreated(null);
    onClose();
  };
  const general = form.values.for === GENERAL;
  return (
    <Modal opened={opened} onClose={done} title="Share the buyer room" size="lg">
      {created ? (
        <Stack>
          <Alert color="teal" variant="light" title={`Link for ${created.label}`}>
            Copy it now: for the customer's safety it is shown only once. Anyone with the link can open the
            room until it expires or you revoke it.
          </Alert>
          <OneTimeLink url={created.url} testId="share-url">
            <Button onClick={done}>Done</Button>
          </OneTimeLink>
        </Stack>
      ) : (
        <form
          onSubmit={form.onSubmit((v) =>
            create.mutate({
              ...(v.for === GENERAL ? { label: v.label } : { stakeholderId: v.for }),
              ...(v.for !== GENERAL && v.label.trim() ? { label: v.label } : {}),
              expiresAt: new Date(`${v.expires}T23:59:59Z`).toISOString(),
            }),
          )}
        >
          <Stack>
            <Select
              label="For"
              allowDeselect={false}
              data={[
                ...decision.involvements.map((p) => ({
                  value: p.stakeholderId,
                  label: `${p.stakeholderName} — their own link`,
                })),
                { value: GENERAL, label: "Anyone at the customer — a general link" },
              ]}
              description={
                general
                  ? "Whoever opens it types their name, so their check-ins and corrections show as unverified."
                  : "What they do in the room is attributed to them, and they are never asked their name."
              }
              {...form.getInputProps("for")}
            />
            <TextInput
              label={general ? "Who is it for?" : "Label (optional)"}
              placeholder={general ? "The evaluation team" : "Their name is used"}
              {...form.getInputProps("label")}
            />
            <TextInput type="date" label="Valid until" w={200} {...form.getInputProps("expires")} />
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                Create link
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
