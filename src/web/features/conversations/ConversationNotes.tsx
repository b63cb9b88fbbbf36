import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { Conversation } from "../../../contract/conversations.ts";
import { LongText } from "../../components/LongText.tsx";
import { notifyError } from "../../lib/errors.ts";
import { useChangeConversation } from "./api.ts";

/** The conversation's notes, editable by whoever may change the decision; saving reads them again. */
export function ConversationNotes({
  decisionId,
  conversation,
  canEdit,
}: {
  decisionId: string;
  conversation: Conversation;
  canEdit: boolean;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const change = useChangeConversation(decisionId, {
    onSuccess: () => {
      setDraft(null);
      notifications.show({ color: "teal", message: "Notes saved and read again." });
    },
    onError: (error) => notifyError(error, "Could not save the notes"),
  });
  if (draft !== null)
    return (
      <Paper withBorder p="md">
        <Stack gap="xs">
          <LongText
            label="Notes"
            description='Who said what ("Dana: …"), what you asked ("Asked why…"), and the next step ("Dana to send … by December 4th") are read like a transcript.'
            autosize
            minRows={4}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={() => setDraft(null)}>
              Cancel
            </Button>
            <Button
              size="xs"
              loading={change.isPending}
              onClick={() => change.mutate({ conversation, body: { notes: draft.trim() ? draft : null } })}
            >
              Save notes
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  if (!conversation.notes && !canEdit) return null;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c={conversation.notes ? undefined : "dimmed"} style={{ whiteSpace: "pre-wrap" }}>
          {conversation.notes ?? "No notes yet."}
        </Text>
        {canEdit && (
          <Button variant="subtle" size="xs" onClick={() => setDraft(conversation.notes ?? "")}>
            {conversation.notes ? "Edit notes" : "Add notes"}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
