import { stringify } from "csv-stringify/sync";
import type { Kysely } from "kysely";
import { neutralizeCell } from "../../../domain/import/values.ts";
import type { Database } from "../../db/schema.ts";
import { type ExportKind, exportPage } from "./export.repo.ts";

export { EXPORT_KINDS, type ExportKind } from "./export.repo.ts";

const PAGE = 5000;

/** One kind's rows, page by page in id order, so a large workspace streams instead of filling memory. */
export async function* exportRows(db: Kysely<Database>, workspaceId: string, kind: ExportKind) {
  let after = "00000000-0000-0000-0000-000000000000";
  while (true) {
    const rows = await exportPage(db, workspaceId, kind, after, PAGE);
    if (!rows.length) return;
    yield* rows;
    after = rows.at(-1)!.id;
    if (rows.length < PAGE) return;
  }
}

/** A cell as text: dates as ISO, nested values as JSON, formulas neutralized so a spreadsheet shows them as text. */
export function csvCell(value: unknown) {
  if (value === null || value === undefined) return "";
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  return neutralizeCell(text);
}

export const EXPORT_COLUMNS: Record<ExportKind, string[]> = {
  accounts: [
    "id",
    "name",
    "industry",
    "size",
    "website",
    "goals",
    "challenges",
    "current_approach",
    "approach_reason",
    "notes",
    "source_system",
    "source_id",
    "created_at",
    "updated_at",
  ],
  stakeholders: [
    "id",
    "account_id",
    "account_name",
    "name",
    "title",
    "email",
    "phone",
    "notes",
    "source_system",
    "source_id",
    "created_at",
    "updated_at",
  ],
  decisions: [
    "id",
    "account_id",
    "account_name",
    "title",
    "owner_email",
    "owner_name",
    "value",
    "currency",
    "target_date",
    "outcome",
    "outcome_reason",
    "outcome_date",
    "milestone",
    "readiness",
    "forecast_category",
    "problem",
    "cost_of_waiting_monthly",
    "product_line",
    "notes",
    "source_system",
    "source_id",
    "source_stage",
    "source_owner",
    "created_at",
    "updated_at",
  ],
  concerns: [
    "id",
    "decision_id",
    "decision_title",
    "text",
    "kind",
    "category",
    "raised_by",
    "severity",
    "status",
    "response",
    "created_at",
    "updated_at",
  ],
  reviews: [
    "id",
    "decision_id",
    "decision_title",
    "reviewer_email",
    "kind",
    "status",
    "readiness_at_start",
    "readiness_at_completion",
    "coaching_notes",
    "completed_at",
    "created_at",
    "answers",
  ],
};

/** Writes one kind as CSV (with a header row, optionally a byte-order mark for Excel) or as a JSON array. */
export async function writeExport(
  db: Kysely<Database>,
  workspaceId: string,
  kind: ExportKind,
  format: "csv" | "json",
  write: (chunk: string) => Promise<void> | void,
  options: { bom?: boolean } = {},
) {
  let count = 0;
  if (format === "json") {
    await write("[");
    for await (const row of exportRows(db, workspaceId, kind)) {
      await write(`${count ? "," : ""}\n${JSON.stringify(jsonRow(row))}`);
      count++;
    }
    await write(count ? "\n]\n" : "]\n");
    return count;
  }
  const columns = EXPORT_COLUMNS[kind];
  let chunk = `${options.bom ? "\uFEFF" : ""}${csvLine(columns)}`;
  for await (const row of exportRows(db, workspaceId, kind)) {
    chunk += csvLine(columns.map((c) => csvCell(row[c])));
    count++;
    if (chunk.length > 64 * 1024) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  return count;
}

function jsonRow(row: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}

/** RFC 4180: quoted when needed (line breaks of either kind too), quotes doubled, CRLF line ends. */
export function csvLine(cells: string[]) {
  return stringify([cells], { record_delimiter: "windows", quoted_match: /[\r\n]/ });
}
