import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  createMappingBody,
  importBody,
  importPreview,
  importRunDetail,
  importRunList,
  savedMapping,
  upload,
} from "../../../contract/imports.ts";
import { ApiError, get, post } from "../../lib/api.ts";
import { useWrite, type WriteOptions } from "../../lib/write.ts";

export type Preview = z.infer<typeof importPreview>;
export type Upload = z.infer<typeof upload>;
export type Run = z.infer<typeof importRunDetail>;
export type SavedMapping = z.infer<typeof savedMapping>;
export type ImportBody = z.input<typeof importBody>;

/** Sends a file as it is (never whole into the page's memory as JSON); the server keeps it for the import. */
export async function uploadFile(file: File): Promise<Upload> {
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

/** The dry run: what importing the uploads would do, writing nothing. */
export const previewImport = (body: ImportBody) => post<Preview>("/api/v1/imports/preview", body);

export const runsQuery = queryOptions({
  queryKey: ["imports"],
  queryFn: () => get<z.infer<typeof importRunList>>("/api/v1/imports"),
});

/** One run, polled while it is running. */
export const runQuery = (id: string) =>
  queryOptions({
    queryKey: ["imports", id],
    queryFn: () => get<Run>(`/api/v1/imports/${id}`),
    refetchInterval: (query) => (query.state.data?.status === "running" ? 500 : false),
  });

export const mappingsQuery = queryOptions({
  queryKey: ["import-mappings"],
  queryFn: () => get<{ items: SavedMapping[] }>("/api/v1/imports/mappings"),
});

export const useStartImport = (options?: WriteOptions<{ id: string }, ImportBody>) =>
  useWrite((body) => post<{ id: string }>("/api/v1/imports", body), [runsQuery.queryKey], options);

export const useUndoImport = (options?: WriteOptions<Run, string>) =>
  useWrite((id: string) => post<Run>(`/api/v1/imports/${id}/undo`), [runsQuery.queryKey], options);

export const useSaveMapping = (options?: WriteOptions<SavedMapping, z.input<typeof createMappingBody>>) =>
  useWrite((body) => post<SavedMapping>("/api/v1/imports/mappings", body), [mappingsQuery.queryKey], options);

/** Downloads are plain links (the browser saves the file); their addresses are said here. */
export const issuesCsvUrl = (runId: string) => `/api/v1/imports/${runId}/issues.csv`;
export const exportUrl = (kind: string, format: "csv" | "json") =>
  `/api/v1/export/${kind}?format=${format}${format === "csv" ? "&bom=true" : ""}`;

/** The user's mapping of one file: what it holds, which column is which field, and fixed values. */
export type FileMapping = NonNullable<ImportBody["mappings"]>[string];
