import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowBackUp, IconDownload, IconFileUpload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import type {
  importPreview,
  importRunDetail,
  importRunList,
  savedMapping,
  upload,
} from "../../../contract/imports.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ApiError, get, post } from "../../lib/api.ts";
import { notifyError } from "../../lib/errors.ts";
import { membersQuery } from "../members/api.ts";

type Preview = z.infer<typeof importPreview>;
type Upload = z.infer<typeof upload>;
type Run = z.infer<typeof importRunDetail>;
type FileMapping = { kind?: string; columns?: Record<string, string>; constants?: Record<string, string> };
type SavedMapping = z.infer<typeof savedMapping>;

const KINDS = [
  { value: "account", label: "Accounts (companies, organizations)" },
  { value: "contact", label: "Contacts (people)" },
  { value: "opportunity", label: "Opportunities (deals)" },
  { value: "contact_role", label: "Opportunity contact roles" },
];

async function uploadFile(file: File): Promise<Upload> {
  const response = await fetch(`/api/v1/imports/uploads?name=${encodeURIComponent(file.name)}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/octet-stream" },
    body: file,
  });
  const data = await response.json();
  if (!response.ok) throw new ApiError(response.status, data.error);
  return data;
}

/** Upload → detected format and mapping → dry run with row errors → import with progress → history with undo. */
export function ImportPage() {
  const [files, setFiles] = useState<File[]>([]);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [mappings, setMappings] = useState<Record<string, FileMapping>>({});
  const [owners, setOwners] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const queryClient = useQueryClient();

  const body = (items: Upload[]) => ({
    uploads: items.map((u) => ({ id: u.id, name: u.name })),
    mappings: Object.keys(mappings).length ? mappings : undefined,
    owners: Object.keys(owners).length ? owners : undefined,
  });

  const check = useMutation({
    mutationFn: async () => {
      const items = uploads.length ? uploads : await Promise.all(files.map(uploadFile));
      setUploads(items);
      return post<Preview>("/api/v1/imports/preview", body(items));
    },
    onMutate: () => setFileError(null),
    onSuccess: setPreview,
    onError: (error) => {
      if (error instanceof ApiError && error.body.code === "unusable_file") setFileError(error.message);
      else notifyError(error, "Could not check the files");
    },
  });

  const start = useMutation({
    mutationFn: () => post<{ id: string }>("/api/v1/imports", body(uploads)),
    onSuccess: ({ id }) => setRunId(id),
    onError: (error) => notifyError(error, "Could not start the import"),
  });

  const reset = () => {
    setFiles([]);
    setUploads([]);
    setMappings({});
    setOwners({});
    setPreview(null);
    setRunId(null);
    queryClient.invalidateQueries({ queryKey: ["imports"] });
  };

  return (
    <Stack maw={1200}>
      <PageHeader
        title="Import and export"
        description="Bring accounts, contacts and opportunities from Salesforce, HubSpot, Pipedrive or a spreadsheet. Importing the same file again updates what it imported before; an import can be undone as a whole."
      />
      <Paper withBorder p="lg">
        <Stack>
          <Text fw={600}>1. Choose files</Text>
          <Group align="end">
            <FileInput
              multiple
              label="CSV exports (or Salesforce data tree JSON)"
              placeholder="accounts.csv, opportunities.csv…"
              leftSection={<IconFileUpload size={16} />}
              value={files}
              onChange={(chosen) => {
                setFiles(chosen);
                setUploads([]);
                setPreview(null);
                setRunId(null);
              }}
              w={420}
              clearable
            />
            <Button onClick={() => check.mutate()} loading={check.isPending} disabled={!files.length}>
              {preview ? "Check again" : "Check files"}
            </Button>
          </Group>
          {fileError && (
            <Alert color="red" title="This file cannot be imported">
              {fileError}
            </Alert>
          )}
        </Stack>
      </Paper>
      {preview && !runId && (
        <PreviewPanel
          preview={preview}
          mappings={mappings}
          onMap={(file, field, column) =>
            setMappings((current) => {
              const detected = preview.files.find((f) => f.name === file);
              const base = current[file]?.columns ?? detected?.columns ?? {};
              return { ...current, [file]: { ...current[file], columns: { ...base, [field]: column } } };
            })
          }
          onMapping={(file, mapping) => setMappings((current) => ({ ...current, [file]: mapping }))}
          owners={owners}
          onOwner={(source, email) => setOwners((current) => ({ ...current, [source]: email }))}
        />
      )}
      {preview && !runId && (
        <Group>
          <Button
            size="md"
            onClick={() => start.mutate()}
            loading={start.isPending}
            disabled={preview.files.some((f) => f.needsMapping)}
          >
            Import {preview.counts.created + preview.counts.updated} rows
          </Button>
          <Text size="sm" c="dimmed">
            Rows with errors are left out and listed; everything else is written in batches.
          </Text>
        </Group>
      )}
      {runId && (
        <RunProgress
          id={runId}
          onDone={() => queryClient.invalidateQueries({ queryKey: ["imports"] })}
          onAgain={reset}
        />
      )}
      <History />
      <ExportPanel />
    </Stack>
  );
}

function PreviewPanel({
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
  const { data: saved } = useQuery({
    queryKey: ["import-mappings"],
    queryFn: () => get<{ items: SavedMapping[] }>("/api/v1/imports/mappings"),
  });
  const unknown = Object.entries(preview.unknownOwners).sort((a, b) => b[1] - a[1]);
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
                  kind: kind ?? undefined,
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
        {preview.issues.length > 0 && <IssuesTable issues={preview.issues} total={preview.issueCount} />}
      </Stack>
    </Paper>
  );
}

/** What the file holds, a saved mapping to apply, and saving this one under a name for the next export. */
function MappingTools({
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
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const save = useMutation({
    mutationFn: () =>
      post<SavedMapping>("/api/v1/imports/mappings", {
        name,
        kind,
        columns: Object.fromEntries(Object.entries(mapping.columns ?? {}).filter(([, column]) => column)),
        constants: mapping.constants ?? {},
      }),
    onSuccess: (m) => {
      notifications.show({ color: "teal", message: `Mapping “${m.name}” saved.` });
      setName("");
      queryClient.invalidateQueries({ queryKey: ["import-mappings"] });
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
        onChange={(value) => value && onChange({ kind: value, columns: {}, constants: {} })}
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
            onClick={() => save.mutate()}
          >
            Save
          </Button>
        </Group>
      )}
    </Group>
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

function RunProgress({ id, onDone, onAgain }: { id: string; onDone: () => void; onAgain: () => void }) {
  const { data: run } = useQuery({
    queryKey: ["imports", id],
    queryFn: () => get<Run>(`/api/v1/imports/${id}`),
    refetchInterval: (query) => (query.state.data?.status === "running" ? 500 : false),
  });
  const finished = run && run.status !== "running";
  if (finished && run.status === "done") queueMicrotask(onDone);
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Text fw={600}>3. Import</Text>
        <Progress
          value={finished ? 100 : Math.round((run?.progress ?? 0) * 100)}
          animated={!finished}
          aria-label="Import progress"
        />
        {run && (
          <Text role="status">
            {finished ? (run.status === "done" ? "Imported: " : `${run.status}: `) : "Importing… "}
            {run.counts.created} created, {run.counts.updated} updated, {run.counts.skipped} skipped,{" "}
            {run.counts.errors} errors
            {run.error ? ` — ${run.error}` : ""}
          </Text>
        )}
        {finished && (
          <Group>
            {run.counts.errors + run.counts.warnings > 0 && (
              <Anchor href={`/api/v1/imports/${id}/issues.csv`}>
                Download the row errors and warnings (CSV)
              </Anchor>
            )}
            <Button variant="default" onClick={onAgain}>
              Import more files
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function History() {
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: ["imports"],
    queryFn: () => get<z.infer<typeof importRunList>>("/api/v1/imports"),
  });
  const undo = useMutation({
    mutationFn: (id: string) => post<Run>(`/api/v1/imports/${id}/undo`),
    onSuccess: () => notifications.show({ color: "teal", message: "The import was undone." }),
    onError: (error) => notifyError(error, "Could not undo the import"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["imports"] }),
  });
  if (!data?.items.length) return null;
  return (
    <Paper withBorder p="lg">
      <Text fw={600} mb="sm">
        Import history
      </Text>
      <Table verticalSpacing="xs" aria-label="Import history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Files</Table.Th>
            <Table.Th>Result</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((run) => (
            <Table.Tr key={run.id}>
              <Table.Td>{new Date(run.createdAt).toLocaleString()}</Table.Td>
              <Table.Td>{run.files.map((f) => f.name).join(", ")}</Table.Td>
              <Table.Td>
                {run.counts.created} created, {run.counts.updated} updated, {run.counts.errors} errors
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={run.status === "done" ? "teal" : run.status === "undone" ? "gray" : "orange"}
                >
                  {run.status}
                </Badge>
                {run.status === "interrupted" && (
                  <Text size="xs" c="dimmed">
                    Import the same files again to resume
                  </Text>
                )}
                {run.error && (
                  <Text size="xs" c="red">
                    {run.error}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {(run.status === "done" || run.status === "interrupted") && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconArrowBackUp size={14} />}
                    loading={undo.isPending && undo.variables === run.id}
                    onClick={() => {
                      if (
                        window.confirm(
                          "Undo this import? What it created is deleted and what it changed is put back.",
                        )
                      )
                        undo.mutate(run.id);
                    }}
                  >
                    Undo
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

const EXPORTS = ["accounts", "stakeholders", "decisions", "concerns", "reviews"] as const;

function ExportPanel() {
  return (
    <Paper withBorder p="lg">
      <Text fw={600}>Export</Text>
      <Text size="sm" c="dimmed" mb="sm">
        Every kind as CSV (opens safely in a spreadsheet) or JSON. Exported CSV files import again as they
        are.
      </Text>
      <Group gap="xs">
        {EXPORTS.map((kind) => (
          <Group key={kind} gap={4}>
            <Button
              component="a"
              href={`/api/v1/export/${kind}?format=csv&bom=true`}
              size="xs"
              variant="light"
              leftSection={<IconDownload size={14} />}
            >
              {kind} CSV
            </Button>
            <Button component="a" href={`/api/v1/export/${kind}?format=json`} size="xs" variant="subtle">
              JSON
            </Button>
          </Group>
        ))}
      </Group>
    </Paper>
  );
}
