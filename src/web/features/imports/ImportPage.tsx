import { Alert, Button, FileInput, Group, Paper, Stack, Text } from "@mantine/core";
import { IconFileUpload } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ApiError } from "../../lib/api.ts";
import { notifyError } from "../../lib/errors.ts";
import {
  type FileMapping,
  type Preview,
  previewImport,
  runsQuery,
  type Upload,
  uploadFile,
  useStartImport,
} from "./api.ts";
import { ExportPanel } from "./ExportPanel.tsx";
import { ImportHistory } from "./ImportHistory.tsx";
import { PreviewPanel } from "./PreviewPanel.tsx";
import { RunProgress } from "./RunProgress.tsx";

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
      return previewImport(body(items));
    },
    onMutate: () => setFileError(null),
    onSuccess: setPreview,
    onError: (error) => {
      if (error instanceof ApiError && error.body.code === "unusable_file") setFileError(error.message);
      else notifyError(error, "Could not check the files");
    },
  });

  // One import per click: a second click before the first answer (a double-click) must not start another.
  const starting = useRef(false);
  const start = useStartImport({
    onSuccess: ({ id }) => setRunId(id),
    onError: (error) => notifyError(error, "Could not start the import"),
    onSettled: () => {
      starting.current = false;
    },
  });

  const reset = () => {
    setFiles([]);
    setUploads([]);
    setMappings({});
    setOwners({});
    setPreview(null);
    setRunId(null);
    queryClient.invalidateQueries({ queryKey: runsQuery.queryKey });
  };

  return (
    <Stack maw={1200}>
      <PageHeader
        title="Import and export"
        description="Bring accounts, contacts and opportunities from Salesforce, HubSpot, Pipedrive, Zoho, Dynamics 365, Close, Copper or any spreadsheet. Importing the same file again updates what it imported before; an import can be undone as a whole."
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
              // A kind proposed from the values holds once the user maps by it.
              const kind =
                current[file]?.kind ??
                (detected && detected.kind !== "unknown"
                  ? (detected.kind as FileMapping["kind"])
                  : undefined);
              return {
                ...current,
                [file]: { ...current[file], kind, columns: { ...base, [field]: column } },
              };
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
            onClick={() => {
              if (starting.current) return;
              starting.current = true;
              start.mutate(body(uploads));
            }}
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
          onDone={() => queryClient.invalidateQueries({ queryKey: runsQuery.queryKey })}
          onAgain={reset}
        />
      )}
      <ImportHistory />
      <ExportPanel />
    </Stack>
  );
}
