import { Button, Group, Select, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { notifyError } from "../../lib/errors.ts";
import { type FileMapping, type SavedMapping, useSaveMapping } from "./api.ts";

const KINDS = [
  { value: "account", label: "Accounts (companies, organizations)" },
  { value: "contact", label: "Contacts (people)" },
  { value: "opportunity", label: "Opportunities (deals)" },
  { value: "contact_role", label: "Opportunity contact roles" },
];

export function MappingTools({
  file,
  kind,
  mapping,
  saved,
  onChange,
}: {
  file: string;
  kind: string | null;
  mapping: FileMapping;
  saved: SavedMapping[];
  onChange: (mapping: FileMapping) => void;
}) {
  const [name, setName] = useState("");
  const save = useSaveMapping({
    onSuccess: (m) => {
      notifications.show({ color: "teal", message: `Mapping “${m.name}” saved.` });
      setName("");
    },
    onError: (error) => notifyError(error, "Could not save the mapping"),
  });
  return (
    <Group gap="sm" mb="sm" align="end">
      <Select
        size="xs"
        w={260}
        label="The file holds"
        aria-label={`What ${file} holds`}
        data={KINDS}
        value={kind}
        placeholder="Choose…"
        onChange={(value) =>
          value && onChange({ kind: value as FileMapping["kind"], columns: {}, constants: {} })
        }
        allowDeselect={false}
      />
      {saved.length > 0 && (
        <Select
          size="xs"
          w={220}
          label="Use a saved mapping"
          placeholder="Choose…"
          data={saved.map((m) => ({ value: m.id, label: m.name }))}
          onChange={(id) => {
            const chosen = saved.find((m) => m.id === id);
            if (chosen) onChange({ kind: chosen.kind, columns: chosen.columns, constants: chosen.constants });
          }}
        />
      )}
      {kind && (
        <Group gap={4} align="end">
          <TextInput
            size="xs"
            w={200}
            label="Save this mapping as"
            placeholder="e.g. Partner deals sheet"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Button
            size="xs"
            variant="default"
            disabled={!name.trim()}
            loading={save.isPending}
            onClick={() =>
              save.mutate({
                name,
                kind: kind as SavedMapping["kind"],
                columns: Object.fromEntries(
                  Object.entries(mapping.columns ?? {}).filter(([, column]) => column),
                ),
                constants: mapping.constants ?? {},
              })
            }
          >
            Save
          </Button>
        </Group>
      )}
    </Group>
  );
}
