import { Alert, Button, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { nameOf } from "../lib/field-errors.ts";
import type { FieldConflict, VersionedEdit } from "../lib/versioned-edit.ts";

const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value)) return value.map(shown).join("; ");
  return Object.values(value as Record<string, unknown>)
    .filter((v) => v !== null && v !== undefined && v !== "")
    .map(shown)
    .join(" · ");
};

/** Fields someone changed while this edit was open: theirs beside mine, and the member chooses. */
export function ConflictNotice({
  edit,
}: {
  edit: Pick<VersionedEdit, "isPending" | "keepMine" | "takeTheirs"> & { conflict: FieldConflict[] | null };
}) {
  if (!edit.conflict) return null;
  return (
    <Alert color="orange" variant="light" title="Changed since you opened it" data-testid="conflict">
      <Stack gap="xs">
        {edit.conflict.map((c) => (
          <div key={c.field}>
            <Text size="sm" fw={600}>
              {nameOf(c.field)} — {c.message}
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
          <Button size="xs" onClick={edit.keepMine} loading={edit.isPending}>
            Keep mine
          </Button>
          <Button size="xs" variant="default" onClick={edit.takeTheirs}>
            Take theirs
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
