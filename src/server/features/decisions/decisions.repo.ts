import { type Expression, type Kysely, type Selectable, type SqlBool, sql } from "kysely";
import type { DecisionListQuery } from "../../../contract/decisions.ts";
import type { DecisionSignals } from "../../../domain/insights/signals.ts";
import { changeEntries } from "../../db/change-log.ts";
import type { ConcernTable, Database, DecisionTable, InvolvementTable } from "../../db/schema.ts";
import { ownerVisibleTo, type Visibility } from "../../db/visibility.ts";

export type { Visibility };

export type DecisionRow = Selectable<DecisionTable> & { account_name: string; owner_name: string };
export type InvolvementRow = Selectable<InvolvementTable> & {
  stakeholder_name: string;
  stakeholder_title: string | null;
};
export type ConcernRow = Selectable<ConcernTable> & { raised_by_name: string | null };

const visibleTo = (visibility: Visibility) => ownerVisibleTo(visibility, "decision.owner_id");

const decisions = (db: Kysely<Database>, workspaceId: string) =>
  db
    .selectFrom("decision")
    .innerJoin("account", "account.id", "decision.account_id")
    .innerJoin("member", "member.id", "decision.owner_id")
    .where("decision.workspace_id", "=", workspaceId);

/** Decisions by id, deleted ones included, whoever may see them: for facts the caller has already checked. */
export function findDecisions(db: Kysely<Database>, workspaceId: string, ids: string[]) {
  return decisions(db, workspaceId)
    .selectAll("decision")
    .select(["account.name as account_name", "member.name as owner_name"])
    .where("decision.id", "in", ids)
    .execute() as Promise<DecisionRow[]>;
}

export function findDecision(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  visibility: Visibility | null,
  includeDeleted = false,
) {
  let query = decisions(db, workspaceId)
    .selectAll("decision")
    .select(["account.name as account_name", "member.name as owner_name"])
    .where("decision.id", "=", id);
  if (!includeDeleted) query = query.where("decision.deleted_at", "is", null);
  const visible = visibility && visibleTo(visibility);
  if (visible) query = query.where(visible);
  return query.executeTakeFirst() as Promise<DecisionRow | undefined>;
}

/** The columns a card needs: no large JSON beyond the problem statement. */
const cardColumns = [
  "decision.id",
  "decision.title",
  "decision.account_id",
  "account.name as account_name",
  "decision.owner_id",
  "member.name as owner_name",
  "decision.value_amount",
  "decision.currency",
  "decision.target_date",
  "decision.outcome",
  "decision.forecast_category",
  "decision.readiness",
  "decision.milestone",
  "decision.weakest_dimension",
  "decision.cost_of_waiting_monthly",
  "decision.updated_at",
  "decision.version",
] as const;

export type CardRow = {
  id: string;
  title: string;
  account_id: string;
  account_name: string;
  owner_id: string;
  owner_name: string;
  value_amount: number | null;
  currency: string;
  target_date: string | null;
  outcome: DecisionTable["outcome"];
  forecast_category: "omitted" | "pipeline" | "best_case" | "commit";
  readiness: number;
  milestone: string;
  weakest_dimension: string | null;
  cost_of_waiting_monthly: number;
  updated_at: Date;
  version: number;
  problem_headline: string | null;
};

const SORTS = {
  readiness: { expr: sql`decision.readiness`, cast: "int" },
  value: { expr: sql`coalesce(decision.value_amount, 0)`, cast: "bigint" },
  targetDate: { expr: sql`coalesce(decision.target_date, '9999-12-31'::date)`, cast: "date" },
  costOfWaiting: { expr: sql`decision.cost_of_waiting_monthly`, cast: "bigint" },
  updated: { expr: sql`decision.updated_at`, cast: "timestamptz" },
} as const;

export type SortKey = keyof typeof SORTS;
export interface Cursor {
  value: string | number;
  id: string;
}

type Filters = Omit<DecisionListQuery, "sort" | "limit" | "cursor"> & { ownerId?: string };

/**
 * The list's filters as conditions on the decision row alone, so counting (the board) needs no joins; the
 * account-name search is an EXISTS on the account.
 */
function conditions(workspaceId: string, visibility: Visibility, filters: Filters): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [
    sql<SqlBool>`decision.workspace_id = ${workspaceId}::uuid`,
    sql<SqlBool>`decision.deleted_at IS NULL`,
  ];
  const visible = visibleTo(visibility);
  if (visible) where.push(visible);
  if (filters.ownerId) where.push(sql<SqlBool>`decision.owner_id = ${filters.ownerId}::uuid`);
  if (filters.team) {
    where.push(sql<SqlBool>`decision.owner_id IN (
      SELECT m.id FROM member m WHERE m.team_id = ${filters.team}::uuid
      UNION SELECT t.manager_id FROM team t WHERE t.id = ${filters.team}::uuid AND t.manager_id IS NOT NULL)`);
  }
  if (filters.account) where.push(sql<SqlBool>`decision.account_id = ${filters.account}::uuid`);
  if (filters.outcome) where.push(sql<SqlBool>`decision.outcome = ${filters.outcome}`);
  if (filters.milestone) where.push(sql<SqlBool>`decision.milestone = ${filters.milestone}`);
  if (filters.readinessBelow !== undefined)
    where.push(sql<SqlBool>`decision.readiness < ${filters.readinessBelow}`);
  if (filters.targetFrom) where.push(sql<SqlBool>`decision.target_date >= ${filters.targetFrom}::date`);
  if (filters.targetTo) where.push(sql<SqlBool>`decision.target_date <= ${filters.targetTo}::date`);
  if (filters.q) {
    const like = `%${filters.q.replace(/[%_\\]/g, "\\$&")}%`;
    where.push(sql<SqlBool>`(decision.title ILIKE ${like} OR EXISTS (
      SELECT 1 FROM account a WHERE a.id = decision.account_id AND a.name ILIKE ${like}))`);
  }
  return where;
}

function filtered(db: Kysely<Database>, workspaceId: string, visibility: Visibility, filters: Filters) {
  return decisions(db, workspaceId).where((eb) => eb.and(conditions(workspaceId, visibility, filters)));
}

const headline = sql<string | null>`left(decision.problem->>'statement', 200)`.as("problem_headline");

export async function listDecisionCards(
  db: Kysely<Database>,
  workspaceId: string,
  visibility: Visibility,
  filters: Filters,
  page: { sort: SortKey; descending: boolean; limit: number; after?: Cursor | undefined },
) {
  const { expr, cast } = SORTS[page.sort];
  let query = filtered(db, workspaceId, visibility, filters).select([
    ...cardColumns,
    headline,
    expr.as("sort_value"),
  ]);
  if (page.after) {
    const op = sql.raw(page.descending ? "<" : ">");
    query = query.where(
      sql<SqlBool>`(${expr}, decision.id) ${op} (${page.after.value}::${sql.raw(cast)}, ${page.after.id}::uuid)`,
    );
  }
  const direction = page.descending ? "desc" : "asc";
  return (await query
    .orderBy(expr, direction)
    .orderBy("decision.id", direction)
    .limit(page.limit + 1)
    .execute()) as (CardRow & { sort_value: string | number | Date })[];
}

/** Columns count exactly up to this many decisions, then say "more than": counting 100,000 rows would cost more than the board. */
export const BOARD_COUNT_CAP = 1000;

/**
 * The board in one round trip: for each milestone a page of cards (weakest first) and the column's count
 * (capped), each answered from the (workspace, milestone, readiness) index.
 */
export async function boardColumns(
  db: Kysely<Database>,
  workspaceId: string,
  visibility: Visibility,
  filters: Filters,
  milestones: readonly string[],
  perColumn: number,
) {
  const where = sql.join(conditions(workspaceId, visibility, filters), sql` AND `);
  const { rows } = await sql<CardRow & { column_milestone: string; column_count: number }>`
    SELECT col.milestone AS column_milestone, counted.n AS column_count, card.*
    FROM unnest(${sql.val(milestones)}::text[]) AS col(milestone)
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n FROM (
        SELECT 1 FROM decision WHERE ${where} AND decision.milestone = col.milestone LIMIT ${BOARD_COUNT_CAP + 1}
      ) capped
    ) counted
    LEFT JOIN LATERAL (
      SELECT decision.id, decision.title, decision.account_id, account.name AS account_name, decision.owner_id,
        member.name AS owner_name, decision.value_amount, decision.currency, decision.target_date, decision.outcome,
        decision.forecast_category,
        decision.readiness, decision.milestone, decision.weakest_dimension, decision.cost_of_waiting_monthly,
        decision.updated_at, decision.version, left(decision.problem->>'statement', 200) AS problem_headline
      FROM decision
      JOIN account ON account.id = decision.account_id
      JOIN member ON member.id = decision.owner_id
      WHERE ${where} AND decision.milestone = col.milestone
      ORDER BY decision.readiness, decision.id
      LIMIT ${perColumn}
    ) card ON true`.execute(db);
  return milestones.map((milestone) => {
    const mine = rows.filter((row) => row.column_milestone === milestone);
    const count = mine[0]?.column_count ?? 0;
    return {
      milestone,
      count: Math.min(count, BOARD_COUNT_CAP),
      more: count > BOARD_COUNT_CAP,
      items: mine.filter((row) => row.id !== null) as CardRow[],
    };
  });
}

export async function insertDecision(db: Kysely<Database>, row: Record<string, unknown>) {
  await db
    .insertInto("decision")
    .values(row as never)
    .execute();
}

export interface Derived {
  readiness: number;
  milestone: string;
  weakest_dimension: string;
  cost_of_waiting_monthly: number;
  signals: DecisionSignals;
  derived_version: number;
}

/** Decisions whose stored signals were derived by older rules (or never), a batch at a time, any workspace. */
export async function staleDerived(db: Kysely<Database>, version: number, limit: number) {
  return db
    .selectFrom("decision")
    .select(["workspace_id", "id"])
    .where("derived_version", "<", version)
    .where("deleted_at", "is", null)
    .limit(limit)
    .execute();
}

/** Stores what readiness derived for each decision, in one statement however many there are. */
export async function updateDerived(
  db: Kysely<Database>,
  workspaceId: string,
  rows: Array<Derived & { id: string }>,
) {
  if (!rows.length) return;
  await sql`UPDATE decision d SET readiness = v.readiness, milestone = v.milestone,
      weakest_dimension = v.weakest_dimension, cost_of_waiting_monthly = v.cost_of_waiting_monthly,
      signals = v.signals, derived_version = v.derived_version
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS v(id uuid, readiness integer, milestone text,
      weakest_dimension text, cost_of_waiting_monthly bigint, signals jsonb, derived_version integer)
    WHERE d.workspace_id = ${workspaceId}::uuid AND d.id = v.id`.execute(db);
}

export function listInvolvements(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  return involvementsOf(db, workspaceId, [decisionId]);
}

/** The people involved in each of the given decisions, by name. */
export function involvementsOf(db: Kysely<Database>, workspaceId: string, decisionIds: string[]) {
  return involvements(db, workspaceId)
    .where("involvement.decision_id", "in", decisionIds)
    .where("involvement.deleted_at", "is", null)
    .orderBy("stakeholder.name")
    .execute();
}

const involvements = (db: Kysely<Database>, workspaceId: string) =>
  db
    .selectFrom("involvement")
    .innerJoin("stakeholder", "stakeholder.id", "involvement.stakeholder_id")
    .selectAll("involvement")
    .select(["stakeholder.name as stakeholder_name", "stakeholder.title as stakeholder_title"])
    .where("involvement.workspace_id", "=", workspaceId);

export function findInvolvement(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  includeDeleted = false,
) {
  let query = involvements(db, workspaceId).where("involvement.id", "=", id);
  if (!includeDeleted) query = query.where("involvement.deleted_at", "is", null);
  return query.executeTakeFirst();
}

export function involvementOf(
  db: Kysely<Database>,
  workspaceId: string,
  decisionId: string,
  stakeholderId: string,
) {
  return db
    .selectFrom("involvement")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("decision_id", "=", decisionId)
    .where("stakeholder_id", "=", stakeholderId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

export async function insertInvolvement(db: Kysely<Database>, row: Record<string, unknown>) {
  await db
    .insertInto("involvement")
    .values(row as never)
    .execute();
}

const concerns = (db: Kysely<Database>, workspaceId: string) =>
  db
    .selectFrom("concern")
    .leftJoin("stakeholder", "stakeholder.id", "concern.raised_by")
    .selectAll("concern")
    .select("stakeholder.name as raised_by_name")
    .where("concern.workspace_id", "=", workspaceId);

export function listConcerns(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  return concernsOf(db, workspaceId, [decisionId]);
}

/** The concerns of each of the given decisions, oldest first. */
export function concernsOf(db: Kysely<Database>, workspaceId: string, decisionIds: string[]) {
  return concerns(db, workspaceId)
    .where("concern.decision_id", "in", decisionIds)
    .where("concern.deleted_at", "is", null)
    .orderBy("concern.created_at")
    .execute();
}

/** The buyers' check-ins on each of the given decisions, oldest first. */
export function checkInsOf(db: Kysely<Database>, workspaceId: string, decisionIds: string[]) {
  return db
    .selectFrom("check_in")
    .select([
      "id",
      "decision_id",
      "stakeholder_id",
      "stakeholder_name",
      "verified",
      "role",
      "ratings",
      "comment",
      "created_at",
    ])
    .where("workspace_id", "=", workspaceId)
    .where("decision_id", "in", decisionIds)
    .orderBy("created_at")
    .execute();
}

export function findConcern(db: Kysely<Database>, workspaceId: string, id: string, includeDeleted = false) {
  let query = concerns(db, workspaceId).where("concern.id", "=", id);
  if (!includeDeleted) query = query.where("concern.deleted_at", "is", null);
  return query.executeTakeFirst();
}

export async function insertConcern(db: Kysely<Database>, row: Record<string, unknown>) {
  await db
    .insertInto("concern")
    .values(row as never)
    .execute();
}

/** Stakeholders of one account among the given ids (to check references in a decision). */
export function stakeholdersOfAccount(
  db: Kysely<Database>,
  workspaceId: string,
  accountId: string,
  ids: string[],
) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("stakeholder")
    .select(["id", "account_id"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "in", ids)
    .where("deleted_at", "is", null)
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, sameAccount: row.account_id === accountId })));
}

export function decisionHistory(
  db: Kysely<Database>,
  workspaceId: string,
  decisionId: string,
  limit: number,
) {
  // Naming the entity lets each side of the OR use its index; without it PostgreSQL walks the workspace's
  // whole log newest first until it finds enough (seconds, with a million entries).
  return changeEntries(db, workspaceId)
    .where((eb) =>
      eb.or([
        eb.and([eb("change_log.entity", "=", "decision"), eb("change_log.entity_id", "=", decisionId)]),
        eb("change_log.parent_id", "=", decisionId),
      ]),
    )
    .limit(limit)
    .execute();
}
