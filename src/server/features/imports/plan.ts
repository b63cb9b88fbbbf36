import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { detectFormat, type SourceFormat } from "../../../domain/import/detect.ts";
import {
  type ColumnMap,
  FIELD_LABELS,
  type ImportKind,
  isImportKind,
  suggestColumns,
  unmappedHeaders,
} from "../../../domain/import/fields.ts";
import { type MappingProposal, proposalAsMapping, proposeMapping } from "../../../domain/import/propose.ts";
import { dateColumns } from "../../../domain/import/record.ts";
import { groupedColumns, reportLine } from "../../../domain/import/report-lines.ts";
import { type DateOrder, DateOrderDetector } from "../../../domain/import/values.ts";
import { type FileHead, inspectFile, readRows, UnusableFileError } from "./read-file.ts";

export interface FileMapping {
  kind?: ImportKind | undefined;
  columns?: ColumnMap | undefined;
  /** A value for every row where no column gives one, e.g. {"stage": "Closed Won"}. */
  constants?: Record<string, string> | undefined;
}

export interface ImportOptions {
  format?: SourceFormat | "auto" | undefined;
  encoding?: string | undefined;
  dateFormat?: DateOrder | undefined;
  /** One mapping for every file, or one per file name. */
  mapping?: FileMapping | undefined;
  mappings?: Record<string, FileMapping> | undefined;
  /** Owner as the source names them → member email or name. */
  owners?: Record<string, string> | undefined;
  /** The web uploads the files came from, kept with the run so the server resumes it after a restart. */
  uploads?: string[] | undefined;
}

export interface FilePlan {
  head: FileHead;
  sha256: string;
  format: SourceFormat;
  kind: ImportKind;
  columns: ColumnMap;
  constants: Record<string, string>;
  dateOrders: Partial<Record<string, DateOrder>>;
  unmapped: string[];
  /** Columns of a grouped report, filled down from the group's first row. */
  filledDown: number[];
  /** For a file no system's headers describe: the mapping proposed from its values, which this plan uses. */
  proposal: MappingProposal | null;
}

/** A readable file whose columns cannot be mapped without the user's help: it says what is missing. */
export class MappingNeededError extends UnusableFileError {
  constructor(
    readonly head: FileHead,
    readonly format: SourceFormat,
    readonly kind: ImportKind | null,
    reason: string,
    /** What the values suggest, for the user to check and complete. */
    readonly proposal: MappingProposal | null = null,
  ) {
    super(head.name, reason);
  }
}

/** Records that others refer to are written first, whatever order the files were given in. */
const KIND_ORDER: ImportKind[] = ["product", "team", "account", "contact", "opportunity", "contact_role"];

/** What each kind cannot do without. */
const REQUIRED: Record<ImportKind, string[][]> = {
  account: [["name"]],
  contact: [["name", "firstName", "lastName", "email"]],
  opportunity: [["name", "accountName", "product", "id"]],
  contact_role: [["opportunityId"], ["contactId"]],
  product: [["name"]],
  team: [],
};

const DATE_SAMPLE_ROWS = 20_000;

/** Reads each file's head and decides how to map it; throws UnusableFileError before anything is written. */
export async function planFiles(paths: string[], options: ImportOptions = {}): Promise<FilePlan[]> {
  const plans: FilePlan[] = [];
  for (const filePath of paths) plans.push(await planFile(filePath, options));
  return inWriteOrder(plans);
}

export function inWriteOrder(plans: FilePlan[]) {
  return plans.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

export async function planFile(filePath: string, options: ImportOptions): Promise<FilePlan> {
  const head = await inspectFile(filePath, options.encoding);
  if (!(await hasRows(head))) throw new UnusableFileError(head.name, "has a header row but no data rows");
  const mapping = options.mappings?.[head.name] ?? options.mapping;
  const detected = detectFormat(head.headers);
  const format = options.format && options.format !== "auto" ? options.format : detected.format;
  let kind = mapping?.kind ?? (detected.kind === "unknown" ? null : detected.kind);
  // No system's headers: what the values hold may still say clearly which column is which.
  const proposal = kind ? null : proposeMapping(head.headers, await firstRecords(head, PROPOSAL_ROWS));
  if (proposal?.clear) kind = "opportunity";
  if (!kind || !isImportKind(kind))
    throw new MappingNeededError(
      head,
      format,
      proposal?.kind ?? null,
      `the format is not recognized from its headers (${preview(head.headers)}) and ${proposal?.said ?? "no mapping was given"}: give a column mapping (--map)`,
      proposal,
    );
  const proposed = proposal ? proposalAsMapping(proposal).columns : suggestColumns(kind, head.headers);
  const columns: ColumnMap = { ...proposed, ...(mapping?.columns ?? {}) };
  for (const [field, column] of Object.entries(columns)) {
    if (column === undefined || column === "") delete columns[field];
    else if (!head.headers.includes(column))
      throw new MappingNeededError(
        head,
        format,
        kind,
        `the mapping gives column "${column}" for ${field}, but the file has no such column`,
      );
  }
  const constants = mapping?.constants ?? {};
  for (const alternatives of REQUIRED[kind])
    if (!alternatives.some((field) => columns[field] || constants[field]))
      throw new MappingNeededError(
        head,
        format,
        kind,
        `no column for ${alternatives.map((f) => FIELD_LABELS[f]?.toLowerCase() ?? f).join(" or ")} of a ${kind.replace("_", " ")}`,
      );
  const dateOrders = await detectDateOrders(head, columns, options.dateFormat);
  const filledDown = groupedColumns(await firstRecords(head, GROUP_SAMPLE_ROWS));
  return {
    head,
    sha256: await sha256(filePath),
    format,
    kind,
    columns,
    constants,
    dateOrders,
    unmapped: unmappedHeaders(head.headers, columns),
    filledDown,
    proposal,
  };
}

const preview = (headers: string[]) => headers.slice(0, 6).join(", ") + (headers.length > 6 ? ", …" : "");

/**
 * A date column's day/month order from its values. The first rows usually decide it; a column they leave open
 * is read to the end, and one that is still ambiguous is refused rather than guessed.
 */
async function detectDateOrders(head: FileHead, columns: ColumnMap, given: DateOrder | undefined) {
  const orders: Partial<Record<string, DateOrder>> = {};
  const wanted = dateColumns(columns);
  if (!wanted.length) return orders;
  if (given) {
    for (const { field } of wanted) orders[field] = given;
    return orders;
  }
  const detectors = wanted.map(({ field, column }) => ({
    field,
    column,
    index: head.headers.indexOf(column),
    detector: new DateOrderDetector(),
  }));
  let seen = 0;
  for await (const batch of readRows(head)) {
    for (const { values } of batch.rows)
      if (!reportLine(values)) for (const d of detectors) d.detector.see(values[d.index] ?? "");
    seen += batch.rows.length;
    if (seen >= DATE_SAMPLE_ROWS && detectors.every((d) => d.detector.decided())) break;
  }
  for (const { field, column, detector } of detectors) {
    const result = detector.result();
    if ("error" in result)
      throw new UnusableFileError(head.name, `dates in column "${column}": ${result.error}`);
    orders[field] = result.order;
  }
  return orders;
}

const GROUP_SAMPLE_ROWS = 200;
/** How many records a mapping is proposed from. */
const PROPOSAL_ROWS = 200;

/** The file's first records' values, the report's own lines (totals, notices, blank lines) left out. */
async function firstRecords(head: FileHead, limit: number) {
  const records: string[][] = [];
  for await (const batch of readRows(head, limit)) {
    for (const { values } of batch.rows) if (!reportLine(values)) records.push(values);
    break;
  }
  return records.slice(0, limit);
}

async function hasRows(head: FileHead) {
  for await (const batch of readRows(head, 1)) if (batch.rows.length) return true;
  return false;
}

async function sha256(filePath: string) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 })) hash.update(chunk);
  return hash.digest("hex");
}
