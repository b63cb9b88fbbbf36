import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import type { ReactNode } from "react";

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
    <Paper withBorder p="lg" data-testid={props.testId}>
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

export function FormActions({ onCancel, saving }: { onCancel: () => void; saving: boolean }) {
  return (
    <Group justify="flex-end" gap="xs">
      <Button variant="default" size="xs" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" size="xs" loading={saving}>
        Save
      </Button>
    </Group>
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
