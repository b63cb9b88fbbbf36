import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { ConflictNotice } from "../../../components/ConflictNotice.tsx";
import type { DecisionUpdate } from "../api.ts";

/** One customer question on the canvas: what we know, and an edit form when the member may change it. */
export function Section(props: {
  title: string;
  question: string;
  canEdit: boolean;
  editing: boolean;
  onEdit: () => void;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p="lg" data-testid={props.testId} id={props.testId}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Title order={4}>{props.title}</Title>
          <Text size="sm" c="dimmed">
            {props.question}
          </Text>
        </div>
        {props.canEdit && !props.editing && (
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPencil size={14} />}
            onClick={props.onEdit}
            style={{ flexShrink: 0 }}
          >
            Edit
          </Button>
        )}
      </Group>
      <Stack gap="sm">{props.children}</Stack>
    </Paper>
  );
}

/** A section's save and cancel, and — when someone changed the same fields meanwhile — theirs beside ours. */
export function FormActions({ onCancel, update }: { onCancel: () => void; update: DecisionUpdate }) {
  return (
    <>
      <ConflictNotice edit={update} />
      <InvalidInput messages={update.invalid} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" size="xs" loading={update.isPending}>
          Save
        </Button>
      </Group>
    </>
  );
}

/** What the server refused in this form, in the member's words. */
export function InvalidInput({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid="invalid-input" title="Not saved">
      {messages.map((message) => (
        <Text key={message} size="sm">
          {message}
        </Text>
      ))}
    </Alert>
  );
}

/** A labelled value, or a gentle note that it is missing. */
export function Fact({ label, value, missing }: { label: string; value: ReactNode; missing: string }) {
  const empty = value === null || value === undefined || value === "";
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      {empty ? (
        <Text size="sm" c="orange.8" fs="italic">
          {missing}
        </Text>
      ) : (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {value}
        </Text>
      )}
    </div>
  );
}
