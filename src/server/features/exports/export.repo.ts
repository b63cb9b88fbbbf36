import { type Kysely, sql } from "kysely";
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

/** One page of a kind's rows, in id order after `after` (keyset paging: each page is as fast as the first). */
export async function exportPage(
  db: Kysely<Database>,
  workspaceId: string,
  kind: ExportKind,
  after: string,
  limit: number,
) {
  const { rows } = await QUERIES[kind](workspaceId, after, limit).execute(db);
  return rows as Array<Record<string, unknown> & { id: string }>;
}
