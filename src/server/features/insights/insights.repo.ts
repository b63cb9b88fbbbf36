import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DecidedFact } from "../../../domain/insights/decided.ts";
import type { Database } from "../../db/schema.ts";
import { ownerVisibleTo, type Visibility } from "../../db/visibility.ts";

/** Whose decisions: what the member may see, narrowed to a team or one seller. */
export interface Scope {
  workspaceId: string;
  visibility: Visibility;
  teamId: string | null;
  memberId: string | null;
}

/** The scope as SQL over a decision alias `d`. */
function inScope(scope: Scope): RawBuilder<boolean> {
  const visible = ownerVisibleTo(scope.visibility, "d.owner_id") ?? sql<boolean>`true`;
  const team = scope.teamId
    ? sql<boolean>`d.owner_id IN (SELECT tm.id FROM member tm WHERE tm.workspace_id = ${scope.workspaceId}::uuid AND tm.team_id = ${scope.teamId}::uuid)`
    : sql<boolean>`true`;
  const member = scope.memberId ? sql<boolean>`d.owner_id = ${scope.memberId}::uuid` : sql<boolean>`true`;
  return sql<boolean>`d.workspace_id = ${scope.workspaceId}::uuid AND d.deleted_at IS NULL AND ${visible} AND ${team} AND ${member}`;
}

const opened = sql<string>`coalesce(d.opened_on, d.created_at::date)`;
/** Whether `opened` is when the decision was opened: an import without its source's open date was not opened on import day. */
const openedKnown = sql<boolean>`(d.opened_on IS NOT NULL OR d.source_system IS NULL)`;

/** Narrows a read of decisions `d` to `ids`, when given. */
const only = (ids: string[] | undefined) => (ids ? sql`AND d.id = ANY(${ids}::uuid[])` : sql``);

/**
 * Per decision of the workspace, what the plan metrics read, joined once rather than probed per decision: whether
 * the customer visited the buyer room, how many customer-owned steps there are, and the earliest due date of a
 * step not done and of a step done after its date.
 */
const planFacts = (workspaceId: string, ids?: string[]) => sql`
  LEFT JOIN (SELECT s.decision_id, true AS visited FROM share_link s
    WHERE s.workspace_id = ${workspaceId}::uuid AND s.visit_count > 0 GROUP BY s.decision_id) sl ON sl.decision_id = d.id
  LEFT JOIN (SELECT p.decision_id, count(*) AS steps,
      min(p.due_date) FILTER (WHERE p.status <> 'done') AS open_due,
      min(p.due_date) FILTER (WHERE p.status = 'done' AND p.done_at::date > p.due_date) AS late_due
    FROM plan_step p WHERE p.workspace_id = ${workspaceId}::uuid AND p.deleted_at IS NULL AND p.owner_side <> 'us'
      ${ids ? sql`AND p.decision_id = ANY(${ids}::uuid[])` : sql``}
    GROUP BY p.decision_id) ps ON ps.decision_id = d.id`;

const signal = (name: string) => sql<boolean>`coalesce((d.signals->>${name})::boolean, false)`;

/**
 * Each help-first metric as SQL over `d` joined with planFacts, in the order of HELP_METRICS. Customer steps are
 * on time when there are some and none was past due on `asOf` (today for open, the outcome date for closed).
 */
const metricColumns = (asOf: RawBuilder<string>) => sql`
  ${signal("problemInWords")} AS problem_in_words, ${signal("costQuantified")} AS cost_quantified,
  ${signal("economicBuyer")} AS economic_buyer, ${signal("buyerConfirmed")} AS buyer_confirmed,
  coalesce(sl.visited, false) AS plan_shared,
  (coalesce(ps.steps, 0) > 0 AND NOT coalesce(ps.open_due < ${asOf}, false)
    AND NOT coalesce(ps.late_due < ${asOf}, false)) AS steps_on_time`;

/** What the help-first metrics, the pipeline and the trend read of one open decision. */
export interface OpenFactRow {
  id: string;
  owner_id: string;
  owner_name: string;
  team_id: string | null;
  value_amount: number | null;
  currency: string;
  milestone: string;
  readiness: number;
  /** The month it was opened, when known and not in the future. */
  month: string | null;
  problem_in_words: boolean;
  cost_quantified: boolean;
  economic_buyer: boolean;
  buyer_confirmed: boolean;
  plan_shared: boolean;
  steps_on_time: boolean;
}

/** The open decisions in scope (or those of `ids`), each with the customer evidence it carries today. */
export async function openFacts(db: Kysely<Database>, scope: Scope, today: string, ids?: string[]) {
  const { rows } = await sql<OpenFactRow>`
    SELECT d.id, d.owner_id, m.name AS owner_name, m.team_id, d.value_amount::float8 AS value_amount, d.currency,
      d.milestone, d.readiness,
      CASE WHEN ${openedKnown} AND ${opened} <= ${today}::date THEN to_char(${opened}, 'YYYY-MM') END AS month,
      ${metricColumns(sql`${today}::date`)}
    FROM decision d JOIN member m ON m.id = d.owner_id ${planFacts(scope.workspaceId, ids)}
    WHERE ${inScope(scope)} AND d.outcome = 'open' ${only(ids)}`.execute(db);
  return rows;
}

export interface SellerActivityRow {
  owner_id: string;
  owner_name: string;
  team_id: string | null;
  conversations: number;
  analysed: number;
  talk_share_sum: number | null;
  insight_questions: number;
  steps_added: number;
  reviews: number;
  seller_centric_reviews: number;
}

/**
 * Per seller owning decisions in scope, in the period: the activity the old metrics count — conversations (with
 * the analysed ones' talk share and insight questions), plan steps added, reviews completed and those with a
 * seller-centric answer.
 */
export async function activityBySeller(db: Kysely<Database>, scope: Scope, from: string, to: string) {
  // Each kind of activity grouped by owner once, then joined: never a subquery per seller over every decision.
  const { rows } = await sql<SellerActivityRow>`
    WITH talks AS (
      SELECT d.owner_id, count(*)::int AS conversations, count(cv.analysis)::int AS analysed,
        sum((cv.analysis->>'sellerWordShare')::float8) AS talk_share_sum,
        coalesce(sum((cv.analysis->'questionTypes'->'seller'->>'insight')::int), 0)::int AS insight_questions
      FROM conversation cv JOIN decision d ON d.id = cv.decision_id
      WHERE cv.workspace_id = ${scope.workspaceId}::uuid AND cv.deleted_at IS NULL AND ${inScope(scope)}
        AND cv.happened_on BETWEEN ${from}::date AND ${to}::date
      GROUP BY d.owner_id
    ),
    steps AS (
      SELECT d.owner_id, count(*)::int AS steps_added
      FROM plan_step p JOIN decision d ON d.id = p.decision_id
      WHERE p.workspace_id = ${scope.workspaceId}::uuid AND p.deleted_at IS NULL AND ${inScope(scope)}
        AND p.created_at >= ${from}::date AND p.created_at < ${to}::date + 1
      GROUP BY d.owner_id
    ),
    reviewed AS (
      SELECT d.owner_id, count(*)::int AS reviews,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM review_answer a WHERE a.review_id = rv.id AND a.label = 'seller'))::int AS seller_centric_reviews
      FROM review rv JOIN decision d ON d.id = rv.decision_id
      WHERE rv.workspace_id = ${scope.workspaceId}::uuid AND rv.deleted_at IS NULL AND rv.status = 'completed'
        AND ${inScope(scope)} AND rv.completed_at >= ${from}::date AND rv.completed_at < ${to}::date + 1
      GROUP BY d.owner_id
    )
    SELECT m.id AS owner_id, m.name AS owner_name, m.team_id,
      coalesce(t.conversations, 0) AS conversations, coalesce(t.analysed, 0) AS analysed, t.talk_share_sum,
      coalesce(t.insight_questions, 0) AS insight_questions, coalesce(s.steps_added, 0) AS steps_added,
      coalesce(r.reviews, 0) AS reviews, coalesce(r.seller_centric_reviews, 0) AS seller_centric_reviews
    FROM member m
    LEFT JOIN talks t ON t.owner_id = m.id
    LEFT JOIN steps s ON s.owner_id = m.id
    LEFT JOIN reviewed r ON r.owner_id = m.id
    WHERE m.workspace_id = ${scope.workspaceId}::uuid
      AND EXISTS (SELECT 1 FROM decision d WHERE d.owner_id = m.id AND ${inScope(scope)})
    ORDER BY m.name`.execute(db);
  return rows;
}

/** Per member, the changes they made from `from` to `to` (days, both included), accesses aside. */
export async function changesByMember(db: Kysely<Database>, workspaceId: string, from: string, to: string) {
  const { rows } = await sql<{ member_id: string; changes: number }>`
    SELECT l.member_id, count(*)::int AS changes FROM change_log l
    WHERE l.workspace_id = ${workspaceId}::uuid AND l.member_id IS NOT NULL AND l.action <> 'access'
      AND l.at >= ${from}::date AND l.at < ${to}::date + 1
    GROUP BY l.member_id`.execute(db);
  return rows;
}

export interface OpenRiskRow {
  id: string;
  title: string;
  account_name: string;
  owner_id: string;
  owner_name: string;
  value_amount: number | null;
  currency: string;
  target_date: string | null;
  readiness: number;
  milestone: string;
  signals: Record<string, unknown>;
  late_steps: { title: string; due: string }[] | null;
  learned_at: Date;
}

/**
 * The open decisions in scope with what the no-decision flags read: stored signals, customer steps past due,
 * and when we last learned anything (`learned_at`, kept by the change-log writer; before any change, an imported
 * decision counts from when it was opened at its source, any other from its creation).
 */
export async function openForRisk(db: Kysely<Database>, scope: Scope, today: string, ids?: string[]) {
  const { rows } = await sql<OpenRiskRow>`
    SELECT d.id, d.title, a.name AS account_name, d.owner_id, m.name AS owner_name, d.value_amount::int AS value_amount,
      d.currency, d.target_date::text AS target_date, d.readiness, d.milestone, d.signals,
      late.steps AS late_steps,
      greatest(
        CASE WHEN d.source_system IS NOT NULL AND d.opened_on IS NOT NULL THEN d.opened_on::timestamptz ELSE d.created_at END,
        d.learned_at) AS learned_at
    FROM decision d JOIN account a ON a.id = d.account_id JOIN member m ON m.id = d.owner_id
    LEFT JOIN (SELECT p.decision_id, jsonb_agg(jsonb_build_object('title', p.title, 'due', p.due_date::text)
        ORDER BY p.due_date) AS steps
      FROM plan_step p WHERE p.workspace_id = ${scope.workspaceId}::uuid AND p.deleted_at IS NULL
        AND p.owner_side <> 'us' AND p.status <> 'done' AND p.due_date < ${today}::date
        ${ids ? sql`AND p.decision_id = ANY(${ids}::uuid[])` : sql``}
      GROUP BY p.decision_id) late ON late.decision_id = d.id
    WHERE ${inScope(scope)} AND d.outcome = 'open' ${only(ids)}`.execute(db);
  return rows;
}

export interface ForecastRow {
  id: string;
  title: string;
  account_name: string;
  owner_name: string;
  value_amount: number | null;
  currency: string;
  target_date: string | null;
  outcome: "open" | "won" | "lost" | "no_decision";
  outcome_date: string | null;
  opened: string;
  readiness: number;
  forecast_category: string;
  product_line: string | null;
  sector: string | null;
  source_system: string | null;
  signals: Record<string, unknown>;
}

// A decision with no amount agreed yet is worth its product's list price where an import brought one.
const forecastColumns = sql`d.id, d.title, a.name AS account_name, m.name AS owner_name,
  coalesce(d.value_amount, d.list_amount)::float8 AS value_amount, d.currency, d.target_date::text AS target_date, d.outcome,
  d.outcome_date::text AS outcome_date, ${opened}::text AS opened, d.readiness, d.forecast_category,
  d.product_line, a.industry AS sector, d.source_system, d.signals`;

/** The open decisions in scope, with what the forecast reads of each. */
export async function openForForecast(db: Kysely<Database>, scope: Scope, ids?: string[]) {
  const { rows } = await sql<ForecastRow>`
    SELECT ${forecastColumns}
    FROM decision d JOIN account a ON a.id = d.account_id JOIN member m ON m.id = d.owner_id
    WHERE ${inScope(scope)} AND d.outcome = 'open' ${only(ids)}`.execute(db);
  return rows;
}

/**
 * The open decisions in scope, each with a stamp that moves whenever what is worked out of it could: a change to
 * it or to one of its parts (`learned_at`; both only move forward). Read from the index alone. `common` moves
 * with what every decision shows: an account or member renamed, a buyer room's first visit (the plan is shared).
 */
export async function openStamps(db: Kysely<Database>, scope: Scope) {
  const [stamps, common] = await Promise.all([
    sql<{ id: string; stamp: string }>`
      SELECT d.id, (extract(epoch FROM greatest(d.updated_at, d.learned_at)) * 1e6)::bigint::text AS stamp
      FROM decision d WHERE ${inScope(scope)} AND d.outcome = 'open'`.execute(db),
    sql<{ stamp: string }>`
      SELECT concat_ws('|', (SELECT max(updated_at) FROM account WHERE workspace_id = ${scope.workspaceId}::uuid),
        (SELECT max(updated_at) FROM member WHERE workspace_id = ${scope.workspaceId}::uuid),
        (SELECT count(*) FROM share_link WHERE workspace_id = ${scope.workspaceId}::uuid AND visit_count > 0)) AS stamp`.execute(
      db,
    ),
  ]);
  return { stamps: stamps.rows, common: common.rows[0]!.stamp };
}

/**
 * The latest change-log entry of the workspace: every change to its data writes one, so while it stays the same
 * (and the day does), every figure of Insights does too.
 */
export async function latestChange(db: Kysely<Database>, workspaceId: string) {
  const row = await db
    .selectFrom("change_log")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return String(row?.id ?? 0);
}

/**
 * What the change-log entries after `since` could have altered of what decided decisions say: `everything` after
 * a change to a member, team or account (who sees whom, the names shown) or an import; otherwise the decided
 * decisions touched — one decided before or after the change, or one whose part changed (a buyer room's visit
 * included, which shares the plan).
 */
export async function decidedTouched(db: Kysely<Database>, workspaceId: string, since: string) {
  const { rows } = await sql<{ everything: boolean | null; ids: string[] | null }>`
    SELECT bool_or(l.entity IN ('member', 'team', 'account') OR l.via LIKE '%import:%') AS everything,
      array_agg(DISTINCT coalesce(l.parent_id, l.entity_id)) FILTER (WHERE
        (l.entity = 'decision' AND (coalesce(l.before->>'outcome', 'open') <> 'open'
          OR coalesce(l.after->>'outcome', 'open') <> 'open'))
        OR d.outcome <> 'open') AS ids
    FROM change_log l
    LEFT JOIN decision d ON d.workspace_id = l.workspace_id AND d.id = coalesce(l.parent_id, l.entity_id)
    WHERE l.workspace_id = ${workspaceId}::uuid AND l.id > ${since}::bigint
      AND (l.action <> 'access' OR l.entity = 'share_link')`.execute(db);
  return { everything: rows[0]?.everything ?? false, ids: rows[0]?.ids ?? [] };
}

/** The workspace's most recently closed decisions (every owner's: the history belongs to the workspace). */
export async function closedForForecast(db: Kysely<Database>, workspaceId: string, limit: number) {
  const { rows } = await sql<ForecastRow>`
    SELECT ${forecastColumns}
    FROM decision d JOIN account a ON a.id = d.account_id JOIN member m ON m.id = d.owner_id
    WHERE d.workspace_id = ${workspaceId}::uuid AND d.deleted_at IS NULL AND d.outcome <> 'open'
      AND d.outcome_date IS NOT NULL
    ORDER BY d.outcome_date DESC, d.id LIMIT ${limit}`.execute(db);
  return rows;
}

export interface HistoryRow {
  id: string;
  owner: string;
  account: string;
  product: string | null;
  sector: string | null;
  outcome: string;
  opened: string;
  outcome_date: string | null;
  value: number | null;
}

/** Every decision of the workspace as a pipeline deal: when opened and closed, how, its owner, product, sector. */
export async function pipelineHistory(db: Kysely<Database>, workspaceId: string, limit: number) {
  const { rows } = await sql<HistoryRow>`
    SELECT d.id, d.owner_id AS owner, d.account_id AS account, d.product_line AS product, a.industry AS sector, d.outcome,
      ${opened}::text AS opened, d.outcome_date::text AS outcome_date, d.value_amount::float8 AS value
    FROM decision d JOIN account a ON a.id = d.account_id
    WHERE d.workspace_id = ${workspaceId}::uuid AND d.deleted_at IS NULL
    ORDER BY ${opened} DESC LIMIT ${limit}`.execute(db);
  return rows;
}

/** Per decision, the deepest approved concession (0–1), joined once. */
const conceded = (workspaceId: string, ids?: string[]) => sql`
  LEFT JOIN (SELECT c.decision_id,
      max(coalesce(c.percent / 100.0, c.amount::float8 / nullif(dv.value_amount + c.amount, 0))) AS depth
    FROM concession c JOIN decision dv ON dv.id = c.decision_id
    WHERE c.workspace_id = ${workspaceId}::uuid AND c.deleted_at IS NULL AND c.status = 'approved'
      ${ids ? sql`AND c.decision_id = ANY(${ids}::uuid[])` : sql``}
    GROUP BY c.decision_id) cc ON cc.decision_id = d.id`;

/** A won decision's discount (0–1): its deepest approved concession, or how far below list price it closed. */
const discount = sql<number>`CASE WHEN d.outcome <> 'won' THEN 0 ELSE greatest(coalesce(cc.depth, 0),
  CASE WHEN d.list_amount > 0 AND d.value_amount < d.list_amount THEN 1 - d.value_amount::float8 / d.list_amount ELSE 0 END) END`;

/** Below list price, in minor units, of a won decision (what a concession's depth cannot say without a list). */
const belowList = sql<number>`CASE WHEN d.outcome = 'won' AND d.list_amount > 0 AND d.value_amount < d.list_amount
  THEN d.list_amount - d.value_amount ELSE 0 END`;

/**
 * The decided decisions in scope (or those of `ids`), each with what Insights adds up of it: how it ended, when it
 * was opened and decided, each help-first metric as it stood on the day it was decided, its reason, its discount.
 */
export async function decidedFacts(db: Kysely<Database>, scope: Scope, ids?: string[]) {
  const { rows } = await sql<DecidedFact>`
    SELECT d.id, d.owner_id, d.account_id, a.name AS account_name, d.outcome, d.outcome_date::text AS outcome_date,
      ${opened}::text AS opened, ${openedKnown} AS opened_known, coalesce(d.outcome_date - ${opened}, 0) AS cycle,
      d.currency,
      CASE WHEN d.outcome = 'no_decision' THEN nullif(trim(d.outcome_reason), '') END AS reason,
      ${discount}::float8 AS depth, ${belowList}::float8 AS below_list, cc.depth IS NOT NULL AS conceded,
      ${metricColumns(sql`d.outcome_date`)}
    FROM decision d JOIN account a ON a.id = d.account_id ${planFacts(scope.workspaceId, ids)} ${conceded(scope.workspaceId, ids)}
    WHERE ${inScope(scope)} AND d.outcome <> 'open' ${only(ids)}`.execute(db);
  return rows;
}

/** The won decisions in scope that have success measures: whose customers are asked whether they delivered. */
export async function wonWithMeasures(db: Kysely<Database>, scope: Scope) {
  const { rows } = await sql<{
    id: string;
    title: string;
    account_name: string;
    owner_id: string;
    owner_name: string;
  }>`
    SELECT d.id, d.title, a.name AS account_name, d.owner_id, m.name AS owner_name
    FROM decision d JOIN account a ON a.id = d.account_id JOIN member m ON m.id = d.owner_id
    WHERE ${inScope(scope)} AND d.outcome = 'won'
      AND EXISTS (SELECT 1 FROM success_measure s WHERE s.workspace_id = d.workspace_id AND s.decision_id = d.id
        AND s.deleted_at IS NULL)
    ORDER BY d.outcome_date DESC NULLS LAST, d.id`.execute(db);
  return rows;
}
