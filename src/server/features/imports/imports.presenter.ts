import { FIELD_LABELS, FIELDS, type ImportKind, suggestColumns } from "../../../domain/import/fields.ts";
import { proposalAsMapping } from "../../../domain/import/propose.ts";
import { neutralizeCell } from "../../../domain/import/values.ts";
import { csvLine } from "../exports/export.service.ts";
import type { IssueRow, RunRow } from "./imports.repo.ts";
import type { MappingRow } from "./mappings.repo.ts";
import type { FilePlan, MappingNeededError } from "./plan.ts";
import { type FileHead, readRows } from "./read-file.ts";
import type { RunningImports } from "./run-lock.ts";

/**
 * `working` is the imports running *before* the row was read: a run that finishes between the two must read as
 * running (or done), never as interrupted. One running on another app server is running, its progress unknown here.
 */
export function presentRun(run: RunRow, working: RunningImports) {
  const files = run.files as Array<{ name: string; format: string; kind: string }>;
  const running = working.here.get(run.id);
  return {
    id: run.id,
    status:
      run.status === "running" && !running && !working.elsewhere ? ("interrupted" as const) : run.status,
    files: files.map((f) => ({ name: f.name, format: f.format, kind: f.kind })),
    counts: run.counts as {
      created: number;
      updated: number;
      skipped: number;
      errors: number;
      warnings: number;
    },
    progress: running ? running.progress : null,
    unknownOwners: run.unknown_owners as Record<string, number>,
    unknownStages: run.unknown_stages as Record<string, number>,
    error: run.error,
    createdAt: run.created_at.toISOString(),
    finishedAt: run.finished_at?.toISOString() ?? null,
    undoneAt: run.undone_at?.toISOString() ?? null,
  };
}

export function presentIssue(
  issue: Pick<IssueRow, "file" | "row_number" | "column_name" | "value" | "message" | "severity">,
) {
  return {
    file: issue.file,
    row: issue.row_number,
    column: issue.column_name,
    value: issue.value,
    message: issue.message,
    severity: issue.severity,
  };
}

async function samplesOf(head: FileHead) {
  for await (const batch of readRows(head, 5)) return batch.rows.map((r) => r.values);
  return [];
}

export async function describePlan(plan: FilePlan) {
  const samples = await samplesOf(plan.head);
  return {
    name: plan.head.name,
    format: plan.format,
    kind: plan.kind,
    encoding: plan.head.encoding,
    delimiter: plan.head.delimiter,
    headers: plan.head.headers,
    columns: plan.columns as Record<string, string>,
    constants: plan.constants,
    unmapped: plan.unmapped,
    samples: samples.slice(0, 5),
    fields: fieldsOf(plan.kind),
    needsMapping: null,
    proposed: plan.proposal?.fields ?? null,
  };
}

const fieldsOf = (kind: ImportKind | null) =>
  kind
    ? (FIELDS[kind] as readonly string[]).map((field) => ({ field, label: FIELD_LABELS[field] ?? field }))
    : [];

export async function describeUnmapped(error: MappingNeededError) {
  return {
    name: error.head.name,
    format: error.format as string,
    kind: error.kind ?? "unknown",
    encoding: error.head.encoding,
    delimiter: error.head.delimiter,
    headers: error.head.headers,
    // The web's mapping screen starts from what the values suggest, as the command line's proposal file does.
    columns: (error.proposal
      ? proposalAsMapping(error.proposal).columns
      : error.kind
        ? suggestColumns(error.kind, error.head.headers)
        : {}) as Record<string, string>,
    constants: {},
    unmapped: [],
    samples: await samplesOf(error.head),
    fields: fieldsOf(error.kind),
    needsMapping: error.message,
    proposed: error.proposal?.fields ?? null,
  };
}

/** A run's row issues as a CSV report (cells neutralized: a spreadsheet shows a formula as text). */
export function issuesCsv(issues: IssueRow[]) {
  const header = ["file", "row", "column", "value", "severity", "message"];
  const rows = issues.map((i) => [
    i.file,
    String(i.row_number),
    i.column_name ?? "",
    i.value ?? "",
    i.severity,
    i.message,
  ]);
  return [header, ...rows].map((cells) => csvLine(cells.map(neutralizeCell))).join("");
}

export function presentMapping(row: MappingRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ImportKind,
    columns: row.columns as Record<string, string>,
    constants: row.constants as Record<string, string>,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}
