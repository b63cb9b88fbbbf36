import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { label } from "../../../lib/format.ts";
import type { DecisionUpdate, FieldConflict } from "../api.ts";

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
      {update.conflict && <ConflictNotice update={update} conflict={update.conflict} />}
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

const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value)) return value.map(shown).join("; ");
  return Object.values(value as Record<string, unknown>)
    .filter((v) => v !== null && v !== undefined && v !== "")
    .map(shown)
    .join(" · ");
};

export function ConflictNotice({ update, conflict }: { update: DecisionUpdate; conflict: FieldConflict[] }) {
  return (
    <Alert color="orange" variant="light" title="Changed since you opened it" data-testid="conflict">
      <Stack gap="xs">
        {conflict.map((c) => (
          <div key={c.field}>
            <Text size="sm" fw={600}>
              {label(c.field.replace(/[A-Z]/g, (l) => ` ${l.toLowerCase()}`))} — {c.message}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Text size="sm" data-testid="conflict-theirs">
                <b>Theirs:</b> {shown(c.theirs)}
              </Text>
              <Text size="sm" data-testid="conflict-mine">
                <b>Yours:</b> {shown(c.mine)}
              </Text>
            </SimpleGrid>
          </div>
        ))}
        <Group gap="xs">
          <Button size="xs" onClick={update.keepMine} loading={update.isPending}>
            Keep mine
          </Button>
          <Button size="xs" variant="default" onClick={update.takeTheirs}>
            Take theirs
          </Button>
        </Group>
      </Stack>
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
