import { stringify } from "csv-stringify/sync";
import { type Kysely, sql } from "kysely";
import { neutralizeCell } from "../../../domain/import/values.ts";
import type { Database } from "../../db/schema.ts";

export const EXPORT_KINDS = ["accounts", "stakeholders", "decisions", "concerns", "reviews"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

// Columns are named so that an exported file imports again as it is (see src/domain/import/fields.ts).
const QUERIES: Record<
  ExportKind,
  (workspaceId: string, after: string, limit: number) => ReturnType<typeof sql>
> = {
  accounts: (ws, after, limit) => sql`
    SELECT a.id, a.name, a.industry, a.size, a.website, a.goals, a.challenges, a.current_approach,
      a.approach_reason, a.notes, a.source_system, a.source_id, a.created_at, a.updated_at
    FROM account a WHERE a.workspace_id = ${ws} AND a.deleted_at IS NULL AND a.id > ${after}
    ORDER BY a.id LIMIT ${limit}`,
  stakeholders: (ws, after, limit) => sql`
    SELECT s.id, s.account_id, a.name AS account_name, s.name, s.title, s.email, s.phone, s.notes,
      s.source_system, s.source_id, s.created_at, s.updated_at
    FROM stakeholder s JOIN account a ON a.id = s.account_id
    WHERE s.workspace_id = ${ws} AND s.deleted_at IS NULL AND s.id > ${after}
    ORDER BY s.id LIMIT ${limit}`,
  decisions: (ws, after, limit) => sql`
    SELECT d.id, d.account_id, a.name AS account_name, d.title, m.email AS owner_email, m.name AS owner_name,
      CASE WHEN d.value_amount IS NULL THEN NULL ELSE to_char(d.value_amount / 100.0, 'FM9999999999999990.00') END AS value,
      d.currency, d.target_date, d.outcome, d.outcome_reason, d.outcome_date, d.milestone, d.readiness,
      d.forecast_category, d.problem->>'statement' AS problem, round(d.cost_of_waiting_monthly / 100.0, 2) AS cost_of_waiting_monthly,
      d.product_line, d.notes, d.source_system, d.source_id, d.source_stage, d.source_owner, d.created_at, d.updated_at
    FROM decision d JOIN account a ON a.id = d.account_id JOIN member m ON m.id = d.owner_id
    WHERE d.workspace_id = ${ws} AND d.deleted_at IS NULL AND d.id > ${after}
    ORDER BY d.id LIMIT ${limit}`,
  concerns: (ws, after, limit) => sql`
    SELECT c.id, c.decision_id, d.title AS decision_title, c.text, c.kind, c.category, s.name AS raised_by,
      c.severity, c.status, c.response, c.created_at, c.updated_at
    FROM concern c JOIN decision d ON d.id = c.decision_id LEFT JOIN stakeholder s ON s.id = c.raised_by
    WHERE c.workspace_id = ${ws} AND c.deleted_at IS NULL AND d.deleted_at IS NULL AND c.id > ${after}
    ORDER BY c.id LIMIT ${limit}`,
  reviews: (ws, after, limit) => sql`
    SELECT r.id, r.decision_id, d.title AS decision_title, m.email AS reviewer_email, r.kind, r.status,
      r.readiness_at_start, r.readiness_at_completion, r.coaching_notes, r.completed_at, r.created_at,
      (SELECT jsonb_object_agg(a.question, jsonb_build_object('answer', a.answer, 'label', a.label, 'reason', a.reason))
         FROM review_answer a WHERE a.review_id = r.id) AS answers
    FROM review r JOIN decision d ON d.id = r.decision_id JOIN member m ON m.id = r.reviewer_id
    WHERE r.workspace_id = ${ws} AND r.deleted_at IS NULL AND d.deleted_at IS NULL AND r.id > ${after}
    ORDER BY r.id LIMIT ${limit}`,
};

const PAGE = 5000;

/** One kind's rows, page by page in id order, so a large workspace streams instead of filling memory. */
export async function* exportRows(db: Kysely<Database>, workspaceId: string, kind: ExportKind) {
  let after = "00000000-0000-0000-0000-000000000000";
  while (true) {
    const { rows } = await QUERIES[kind](workspaceId, after, PAGE).execute(db);
    if (!rows.length) return;
    for (const row of rows as Array<Record<string, unknown>>) yield row;
    after = (rows.at(-1) as { id: string }).id;
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
