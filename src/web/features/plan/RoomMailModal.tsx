import { Button, Group, Modal, Radio, Select, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import type { DecisionDetail } from "../../../contract/decisions.ts";
import { ApiError } from "../../lib/api.ts";
import { notifyError } from "../../lib/errors.ts";
import { useRoomMail } from "../email/api.ts";

/**
 * Mails one of the customer's people their own link to the room: as an invitation, to ask for a check-in, or,
 * once won, to ask whether the decision delivered.
 */
export function RoomMailModal({
  decision,
  opened,
  onClose,
}: {
  decision: DecisionDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useForm({
    initialValues: { stakeholderId: "", kind: "invitation", note: "" },
    validate: { stakeholderId: (v) => (v ? null : "Choose who it is for") },
  });
  const send = useRoomMail(decision.id, {
    onSuccess: (queued) => {
      notifications.show({ color: "teal", message: `On its way to ${queued.name} (${queued.to}).` });
      form.reset();
      onClose();
    },
    onError: (error) => {
      const field = error instanceof ApiError ? error.fieldMessage("stakeholderId") : undefined;
      if (field) form.setFieldError("stakeholderId", field);
      else notifyError(error, "Could not send the mail");
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Email the room to one of their people">
      <form
        onSubmit={form.onSubmit((v) =>
          send.mutate({
            stakeholderId: v.stakeholderId,
            kind: v.kind as "invitation" | "checkin_request" | "success_check",
            ...(v.note.trim() ? { note: v.note.trim() } : {}),
          }),
        )}
      >
        <Stack>
          <Select
            label="To"
            description="Each gets a link of their own: what comes through it is theirs."
            data={decision.involvements.map((i) => ({ value: i.stakeholderId, label: i.stakeholderName }))}
            {...form.getInputProps("stakeholderId")}
          />
          <Radio.Group label="What to ask" {...form.getInputProps("kind")}>
            <Stack gap="xs" mt="xs">
              <Radio value="invitation" label="See the plan and say where they stand" />
              <Radio value="checkin_request" label="Check in: how confident are they?" />
              {decision.outcome === "won" && (
                <Radio value="success_check" label="After the sale: did it deliver what they sought?" />
              )}
            </Stack>
          </Radio.Group>
          <Textarea label="A note from you (optional)" autosize minRows={2} {...form.getInputProps("note")} />
          <Group justify="flex-end">
            <Button type="submit" loading={send.isPending}>
              Send
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
