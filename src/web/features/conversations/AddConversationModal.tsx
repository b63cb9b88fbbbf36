import { Button, FileButton, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { Conversation } from "../../../contract/conversations.ts";
import { CHANNELS, TRANSCRIPT_LIMIT } from "../../../contract/conversations.ts";
import { LongText } from "../../components/LongText.tsx";
import { showErrorsOn } from "../../lib/errors.ts";
import { useAddConversation } from "./api.ts";

const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], string> = {
  call: "Phone call",
  video: "Video call",
  meeting: "Meeting in person",
  email: "Email thread",
  note: "Note",
};

const today = () => new Date().toISOString().slice(0, 10);

/** A conversation with the customer: when, how, and what was said — a transcript uploaded or pasted, or notes. */
export function AddConversationModal({
  decisionId,
  opened,
  onClose,
  onAdded,
}: {
  decisionId: string;
  opened: boolean;
  onClose: () => void;
  onAdded: (conversation: Conversation) => void;
}) {
  const [fileName, setFileName] = useState<string | null>(null);
  const form = useForm({
    initialValues: { happenedOn: today(), channel: "video", title: "", notes: "", transcript: "" },
    validate: {
      title: (v) => (v.trim() ? null : "Say what the conversation was, e.g. “Discovery with the CFO”"),
      transcript: (v) => (v.length > TRANSCRIPT_LIMIT ? "A transcript can be up to 5 MB of text" : null),
    },
  });
  const add = useAddConversation(decisionId, {
    onSuccess: (conversation) => {
      form.reset();
      setFileName(null);
      onAdded(conversation);
    },
    onError: (error) => showErrorsOn(form, error, "Could not add the conversation"),
  });
  const read = async (file: File | null) => {
    if (!file) return;
    if (file.size > TRANSCRIPT_LIMIT)
      return form.setFieldError("transcript", "A transcript can be up to 5 MB");
    setFileName(file.name);
    form.setFieldValue("transcript", await file.text());
    if (!form.values.title.trim()) form.setFieldValue("title", file.name.replace(/\.[^.]+$/, ""));
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Add a conversation" size="lg">
      <form
        onSubmit={form.onSubmit((v) =>
          add.mutate({
            happenedOn: v.happenedOn,
            channel: v.channel as Conversation["channel"],
            title: v.title,
            notes: v.notes || null,
            ...(v.transcript.trim() ? { transcript: v.transcript } : {}),
          }),
        )}
      >
        <Stack>
          <Group grow>
            <TextInput type="date" label="When" {...form.getInputProps("happenedOn")} />
            <Select
              label="How"
              data={CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }))}
              allowDeselect={false}
              {...form.getInputProps("channel")}
            />
          </Group>
          <TextInput
            label="What it was"
            placeholder="Discovery with the CFO"
            {...form.getInputProps("title")}
          />
          <div>
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={500}>
                Transcript
              </Text>
              <FileButton onChange={read} accept=".vtt,.srt,.txt,.json,text/plain,text/vtt,application/json">
                {(props) => (
                  <Button variant="light" size="xs" {...props}>
                    Upload a file
                  </Button>
                )}
              </FileButton>
            </Group>
            <LongText
              aria-label="Transcript"
              limit={TRANSCRIPT_LIMIT}
              minRows={4}
              maxRows={10}
              description={
                fileName
                  ? `From ${fileName}`
                  : "Zoom, Teams or Meet .vtt, .srt, Otter text, “Name: what they said” lines or JSON — or leave empty"
              }
              {...form.getInputProps("transcript")}
            />
          </div>
          <LongText label="Notes" minRows={2} {...form.getInputProps("notes")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add and read it
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
