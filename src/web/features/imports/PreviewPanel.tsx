import { Alert, Badge, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { membersQuery } from "../members/api.ts";
import { type FileMapping, mappingsQuery, type Preview } from "./api.ts";
import { MappingTools } from "./MappingTools.tsx";

export function PreviewPanel({
  preview,
  mappings,
  onMap,
  onMapping,
  owners,
  onOwner,
}: {
  preview: Preview;
  mappings: Record<string, FileMapping>;
  onMap: (file: string, field: string, column: string) => void;
  onMapping: (file: string, mapping: FileMapping) => void;
  owners: Record<string, string>;
  onOwner: (source: string, email: string) => void;
}) {
  const { data: members } = useSuspenseQuery(membersQuery);
  const { data: saved } = useQuery(mappingsQuery);
  const unknown = Object.entries(preview.unknownOwners).sort((a, b) => b[1] - a[1]);
  const stages = Object.entries(preview.unknownStages).sort((a, b) => b[1] - a[1]);
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Text fw={600}>2. Check the mapping and the dry run</Text>
        {preview.files.map((file) => {
          const columns = mappings[file.name]?.columns ?? file.columns;
          const kind = mappings[file.name]?.kind ?? (file.kind === "unknown" ? null : file.kind);
          return (
            <Paper key={file.name} withBorder p="md" bg="gray.0">
              <Group gap="xs" mb="sm">
                <Text fw={600}>{file.name}</Text>
                <Badge variant="light">{file.format.replace("_", " ")}</Badge>
                <Badge variant="light" color="grape">
                  {file.kind.replace("_", " ")}
                </Badge>
                <Text size="xs" c="dimmed">
                  {file.encoding}, “{file.delimiter === "\t" ? "tab" : file.delimiter}” separated
                </Text>
              </Group>
              {file.proposed && !file.needsMapping && (
                <Alert color="blue" mb="sm" title="Mapped from what its columns hold">
                  No system's headers describe this file, but its values do. Check the fields marked
                  “proposed” below before you import.
                </Alert>
              )}
              {file.needsMapping && (
                <Alert color="orange" mb="sm" title="This file needs a mapping">
                  {file.needsMapping}. Choose what it holds and which column gives each field, then check
                  again.
                </Alert>
              )}
              <MappingTools
                file={file.name}
                kind={kind}
                mapping={{
                  kind: (kind ?? undefined) as FileMapping["kind"],
                  columns,
                  constants: mappings[file.name]?.constants ?? file.constants,
                }}
                saved={(saved?.items ?? []).filter((m) => !kind || m.kind === kind)}
                onChange={(mapping) => onMapping(file.name, mapping)}
              />
              <Table withTableBorder={false} verticalSpacing={4} aria-label={`Mapping of ${file.name}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={220}>Confidant field</Table.Th>
                    <Table.Th w={260}>Column in the file</Table.Th>
                    <Table.Th>Sample values</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {file.fields.map(({ field, label }) => {
                    const column = columns[field] ?? "";
                    const index = file.headers.indexOf(column);
                    return (
                      <Table.Tr key={field}>
                        <Table.Td>{label}</Table.Td>
                        <Table.Td>
                          <Select
                            size="xs"
                            aria-label={`${label} column`}
                            data={[
                              { value: "", label: "— not imported" },
                              ...file.headers.map((h) => ({ value: h, label: h })),
                            ]}
                            value={column}
                            onChange={(value) => onMap(file.name, field, value ?? "")}
                            allowDeselect={false}
                          />
                          <Proposed proposed={file.proposed?.[field]} column={column} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {index === -1
                              ? ""
                              : file.samples
                                  .map((row) => row[index] ?? "")
                                  .filter(Boolean)
                                  .slice(0, 3)
                                  .join(" · ")}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              {file.unmapped.length > 0 && (
                <Text size="xs" c="dimmed" mt="xs">
                  Not imported: {file.unmapped.join(", ")}
                </Text>
              )}
            </Paper>
          );
        })}
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Figure label="to create" value={preview.counts.created} />
          <Figure label="to update" value={preview.counts.updated} />
          <Figure label="skipped" value={preview.counts.skipped} />
          <Figure
            label="rows with errors"
            value={preview.counts.errors}
            color={preview.counts.errors ? "red" : undefined}
          />
          <Figure
            label="warnings"
            value={preview.counts.warnings}
            color={preview.counts.warnings ? "orange" : undefined}
          />
        </SimpleGrid>
        {unknown.length > 0 && (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              Owners who are not members yet
            </Text>
            <Text size="sm" c="dimmed">
              Their decisions go to you until you map them; choose a member, then check again.
            </Text>
            {unknown.slice(0, 30).map(([source, count]) => (
              <Group key={source} gap="sm">
                <Text size="sm" w={220}>
                  {source}{" "}
                  <Text span c="dimmed">
                    ({count})
                  </Text>
                </Text>
                <Select
                  size="xs"
                  w={260}
                  aria-label={`Member for ${source}`}
                  placeholder="Choose a member"
                  data={members.map((m) => ({ value: m.email, label: `${m.name} (${m.email})` }))}
                  value={owners[source] ?? null}
                  onChange={(value) => value && onOwner(source, value)}
                />
              </Group>
            ))}
          </Stack>
        )}
        {stages.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Stages not recognized
            </Text>
            <Text size="sm" c="dimmed">
              Imported as open and kept as the source stage:{" "}
              {stages.map(([stage, count]) => `${stage} (${count})`).join(", ")}. If one of them means won,
              lost or no decision, map a status column or give the stage a constant, then check again.
            </Text>
          </Stack>
        )}
        {preview.issues.length > 0 && <IssuesTable issues={preview.issues} total={preview.issueCount} />}
      </Stack>
    </Paper>
  );
}

/** How a column was proposed for a field from the file's values, while the field still takes that column. */
function Proposed({
  proposed,
  column,
}: {
  proposed: { column: string; confidence: number; why: string } | undefined;
  column: string;
}) {
  if (!proposed || proposed.column !== column || proposed.confidence >= 1) return null;
  return (
    <Text size="xs" c={proposed.confidence >= 0.8 ? "dimmed" : "orange.8"} mt={2}>
      Proposed, {Math.round(proposed.confidence * 100)}% sure: {proposed.why}
    </Text>
  );
}

function Figure({ label, value, color }: { label: string; value: number; color?: string | undefined }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xl" fw={700} c={color}>
        {value.toLocaleString("en")}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Paper>
  );
}

function IssuesTable({ issues, total }: { issues: Preview["issues"]; total: number }) {
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        Row errors and warnings{" "}
        {total > issues.length ? `(first ${issues.length} of ${total.toLocaleString("en")})` : ""}
      </Text>
      <Table.ScrollContainer minWidth={700} mah={320}>
        <Table striped verticalSpacing={4} aria-label="Row errors and warnings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>Row</Table.Th>
              <Table.Th>Column</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Why</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.map((issue) => (
              <Table.Tr key={`${issue.file}:${issue.row}:${issue.column}:${issue.message}`}>
                <Table.Td>{issue.file}</Table.Td>
                <Table.Td>{issue.row}</Table.Td>
                <Table.Td>{issue.column ?? "—"}</Table.Td>
                <Table.Td>{issue.value ?? ""}</Table.Td>
                <Table.Td>
                  <Badge size="xs" color={issue.severity === "error" ? "red" : "orange"} mr={6}>
                    {issue.severity}
                  </Badge>
                  {issue.message}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
