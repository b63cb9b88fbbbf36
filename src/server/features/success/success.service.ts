import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type {
  SuccessMeasure,
  SuccessMeasureBody,
  SuccessReportBody,
  SuccessView,
} from "../../../contract/success.ts";
import {
  DELIVERY_WORDS,
  type DecideAgain,
  judgeReports,
  measuresFromOutcomes,
  type Reached,
  type ReportFacts,
} from "../../../domain/success/delivery.ts";
import { type Actor, recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { AppError, invalid, notFound } from "../../http/errors.ts";
import { requireEditableDecision } from "../../http/policies.ts";
import { requireLiveAccount } from "../accounts/accounts.service.ts";
import { requireVisibleDecision, visibilityOf } from "../decisions/access.service.ts";
import {
  findMeasure,
  hadMeasures,
  insertMeasures,
  insertReport,
  type MeasureRow,
  markAsked,
  measuresOf,
  measuresToAsk,
  nextPosition,
  reportsOf,
  wonWithMeasuresAt,
} from "./success.repo.ts";

const isoToday = (now = new Date()) => now.toISOString().slice(0, 10);

type ReportRow = Awaited<ReturnType<typeof reportsOf>>[number];
type Value = { measureId: string; value: string; reached: Reached };

const factsOf = (r: ReportRow): ReportFacts => ({
  reporterName: r.reporter_name,
  decideAgain: r.decide_again,
  createdAt: r.created_at.toISOString(),
  values: r.values as Value[],
});

const planOf = (m: MeasureRow) => ({
  id: m.id,
  measure: m.measure,
  baseline: m.baseline,
  target: m.target,
  dueOn: String(m.due_on).slice(0, 10),
});

/** The measures of some decisions judged on their reports, per decision, with the reports as kept. */
async function judgedWithReports(
  db: Kysely<Database>,
  workspaceId: string,
  decisionIds: string[],
  today: string,
) {
  const [measures, reports] =
    decisionIds.length === 0
      ? [[], []]
      : await Promise.all([
          measuresOf(db, workspaceId, decisionIds),
          reportsOf(db, workspaceId, decisionIds),
        ]);
  const judge = (id: string) =>
    judgeReports(
      measures.filter((m) => m.decision_id === id).map((m) => ({ ...planOf(m), row: m })),
      reports.filter((r) => r.decision_id === id).map(factsOf),
      today,
    );
  return { judged: new Map(decisionIds.map((id) => [id, judge(id)])), reports };
}

export async function judgedSuccess(
  db: Kysely<Database>,
  workspaceId: string,
  decisionIds: string[],
  today = isoToday(),
) {
  return (await judgedWithReports(db, workspaceId, decisionIds, today)).judged;
}

export async function successOf(db: Kysely<Database>, actor: SignedIn, decisionId: string) {
  const decision = await requireVisibleDecision(db, actor, decisionId);
  return present(db, actor.workspaceId, decisionId, decision.outcome === "won");
}

async function present(db: Kysely<Database>, workspaceId: string, decisionId: string, won: boolean) {
  const { judged: all, reports } = await judgedWithReports(db, workspaceId, [decisionId], isoToday());
  const judged = all.get(decisionId)!;
  const names = new Map(judged.measures.map((m) => [m.id, m.measure]));
  const view: SuccessView = {
    decisionId,
    won,
    delivery: judged.delivery,
    deliveryWords: DELIVERY_WORDS[judged.delivery],
    why: judged.why,
    measures: judged.measures.map((m) => presentMeasure(m.row, m)),
    reports: reports.map((r) => ({
      id: r.id,
      reporterName: r.reporter_name,
      verified: r.verified,
      recordedBy: r.recorded_by_name ?? null,
      decideAgain: r.decide_again,
      inTheWay: r.in_the_way,
      values: (r.values as Value[]).map((v) => ({ ...v, measure: names.get(v.measureId) ?? "(removed)" })),
      createdAt: r.created_at.toISOString(),
    })),
  };
  return view;
}

function presentMeasure(
  row: MeasureRow,
  judged?: {
    latest: SuccessMeasure["latest"];
    judgement: ReturnType<typeof judgeReports>["measures"][number]["judgement"];
  },
): SuccessMeasure {
  return {
    id: row.id,
    decisionId: row.decision_id,
    measure: row.measure,
    baseline: row.baseline,
    target: row.target,
    dueOn: String(row.due_on).slice(0, 10),
    state: judged?.judgement.state ?? "not_due",
    progress: judged?.judgement.progress ?? null,
    flagged: judged?.judgement.flagged ?? false,
    why: judged?.judgement.why ?? "",
    latest: judged?.latest ?? null,
    version: row.version,
  };
}

/**
 * When a decision is won, the outcomes the customer sought become its success measures — unless it had some
 * already (won before, reopened, won again): those stand as they were agreed.
 */
export async function measuresOnWin(
  trx: Kysely<Database>,
  actor: Actor,
  decision: {
    id: string;
    workspaceId: string;
    outcomesSought: { measure: string; current?: string | null; target?: string | null }[];
    wonOn: string;
  },
) {
  if (decision.outcomesSought.length === 0 || (await hadMeasures(trx, decision.workspaceId, decision.id)))
    return;
  const rows = measuresFromOutcomes(decision.outcomesSought, decision.wonOn).map((m, position) => ({
    id: randomUUID(),
    workspace_id: decision.workspaceId,
    decision_id: decision.id,
    position,
    measure: m.measure,
    baseline: m.baseline,
    target: m.target,
    due_on: m.dueOn,
  }));
  await insertMeasures(trx, rows);
  for (const row of rows)
    await recordCreate(trx, actor, "success_measure", row.id, { ...row, via: "won" }, decision.id);
}

const notWon = () =>
  new AppError(
    409,
    "not_won",
    "Success measures are agreed once the decision is won; until then, keep them as outcomes sought.",
  );

async function editableWon(
  db: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  includeDeleted = false,
) {
  const decision = await requireVisibleDecision(db, actor, decisionId, includeDeleted);
  requireEditableDecision(actor, decision, "change its success measures");
  if (decision.outcome !== "won") throw notWon();
  return decision;
}

export async function addMeasure(
  db: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  body: SuccessMeasureBody,
) {
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await editableWon(trx, actor, decisionId);
    await insertMeasures(trx, [
      {
        id,
        workspace_id: actor.workspaceId,
        decision_id: decisionId,
        position: await nextPosition(trx, actor.workspaceId, decisionId),
        measure: body.measure,
        baseline: body.baseline || null,
        target: body.target || null,
        due_on: body.dueOn,
      },
    ]);
    await recordCreate(trx, actor, "success_measure", id, body, decisionId);
  });
  return measureOf(db, actor, id);
}

async function measureOf(db: Kysely<Database>, actor: SignedIn, id: string) {
  const row = (await findMeasure(db, actor.workspaceId, id, true))!;
  const judged = (await judgedSuccess(db, actor.workspaceId, [row.decision_id])).get(row.decision_id)!;
  return presentMeasure(
    row,
    judged.measures.find((m) => m.id === id),
  );
}

async function requireMeasure(db: Kysely<Database>, actor: SignedIn, id: string, includeDeleted = false) {
  const row = await findMeasure(db, actor.workspaceId, id, includeDeleted);
  if (!row) throw notFound("The success measure");
  await editableWon(db, actor, row.decision_id);
  return row;
}

export async function changeMeasure(
  db: Kysely<Database>,
  actor: SignedIn,
  id: string,
  body: Partial<SuccessMeasureBody> & { version: number },
  action: "update" | "delete" | "restore" = "update",
) {
  await db.transaction().execute(async (trx) => {
    const row = await requireMeasure(trx, actor, id, action === "restore");
    const patch: Record<string, unknown> = {};
    if (body.measure !== undefined) patch.measure = body.measure;
    if (body.baseline !== undefined) patch.baseline = body.baseline || null;
    if (body.target !== undefined) patch.target = body.target || null;
    // A new date is a new check: the customer is asked again on it.
    if (body.dueOn !== undefined && body.dueOn !== String(row.due_on).slice(0, 10)) {
      patch.due_on = body.dueOn;
      patch.asked_at = null;
    }
    await applyChange(trx, actor, {
      entity: "success_measure",
      table: "success_measure",
      id,
      version: body.version,
      action,
      patch,
      current: row,
      load: (includeDeleted) => findMeasure(trx, actor.workspaceId, id, includeDeleted),
      present: (r) => presentMeasure(r),
      parentId: (r) => r.decision_id,
      what: "The success measure",
    });
  });
  return measureOf(db, actor, id);
}

/** The values must speak of this decision's measures, each once. */
async function checkValues(db: Kysely<Database>, workspaceId: string, decisionId: string, values: Value[]) {
  const ids = new Set((await measuresOf(db, workspaceId, [decisionId])).map((m) => m.id));
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (!ids.has(v.measureId))
      throw invalid(`body.values.${i}.measureId`, "is not a success measure of this decision");
    if (seen.has(v.measureId)) throw invalid(`body.values.${i}.measureId`, "is given twice");
    seen.add(v.measureId);
  });
}

export interface NewReport {
  workspaceId: string;
  decisionId: string;
  shareLinkId: string | null;
  recordedBy: string | null;
  stakeholderId: string | null;
  reporterName: string;
  verified: boolean;
  decideAgain: DecideAgain;
  inTheWay: string | null | undefined;
  values: Value[];
}

/** Keeps one report as given, inside the caller's transaction (the room's, or a member's). */
export async function saveReport(trx: Kysely<Database>, actor: Actor, report: NewReport) {
  await checkValues(trx, report.workspaceId, report.decisionId, report.values);
  const id = randomUUID();
  const row = {
    id,
    workspace_id: report.workspaceId,
    decision_id: report.decisionId,
    share_link_id: report.shareLinkId,
    recorded_by: report.recordedBy,
    stakeholder_id: report.stakeholderId,
    reporter_name: report.reporterName,
    verified: report.verified,
    decide_again: report.decideAgain,
    in_the_way: report.inTheWay?.trim() || null,
    values: JSON.stringify(report.values),
  };
  await insertReport(trx, row);
  await recordCreate(trx, actor, "success_report", id, { ...row, values: report.values }, report.decisionId);
  return id;
}

/** A member records what the customer told them; it reads as said by that person, recorded by the member. */
export async function recordReport(
  db: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  body: SuccessReportBody,
) {
  await db.transaction().execute(async (trx) => {
    await editableWon(trx, actor, decisionId);
    await saveReport(trx, actor, {
      workspaceId: actor.workspaceId,
      decisionId,
      shareLinkId: null,
      recordedBy: actor.memberId,
      stakeholderId: null,
      reporterName: body.reporterName,
      verified: true,
      decideAgain: body.decideAgain,
      inTheWay: body.inTheWay,
      values: body.values,
    });
  });
  return present(db, actor.workspaceId, decisionId, true);
}

/** What the buyer room shows of a won decision's measures; null before the win or without measures. */
export async function roomSuccessOf(
  db: Kysely<Database>,
  workspaceId: string,
  decisionId: string,
  won: boolean,
) {
  if (!won) return null;
  const judged = (await judgedSuccess(db, workspaceId, [decisionId])).get(decisionId)!;
  if (judged.measures.length === 0) return null;
  return {
    due: judged.measures.some((m) => m.judgement.state === "awaiting"),
    measures: judged.measures.map((m) => ({
      id: m.id,
      measure: m.measure,
      baseline: m.baseline,
      target: m.target,
      dueOn: m.dueOn,
      latest: m.latest,
    })),
  };
}

/**
 * The decisions whose measures came due and whose customer was not asked yet, marked asked in the same
 * transaction as the caller queues the mails, so a day's ask goes out once.
 */
export async function takeDueChecks(trx: Kysely<Database>, today = isoToday()) {
  const due = await measuresToAsk(trx, today);
  const byDecision = new Map<string, { workspaceId: string; decisionId: string; measureIds: string[] }>();
  for (const m of due) {
    const entry = byDecision.get(m.decision_id) ?? {
      workspaceId: m.workspace_id,
      decisionId: m.decision_id,
      measureIds: [],
    };
    entry.measureIds.push(m.id);
    byDecision.set(m.decision_id, entry);
  }
  for (const entry of byDecision.values()) await markAsked(trx, entry.workspaceId, entry.measureIds);
  return [...byDecision.values()];
}

/** How an account's won decisions turned out: each with whether it delivered and why. */
export async function accountSuccess(db: Kysely<Database>, actor: SignedIn, accountId: string) {
  await requireLiveAccount(db, actor.workspaceId, accountId, "id");
  const won = await wonWithMeasuresAt(db, actor.workspaceId, accountId, visibilityOf(actor));
  const judged = await judgedSuccess(
    db,
    actor.workspaceId,
    won.map((d) => d.id),
  );
  return {
    items: won.map((d) => {
      const j = judged.get(d.id)!;
      return {
        decisionId: d.id,
        title: d.title,
        wonOn: d.outcome_date ? String(d.outcome_date).slice(0, 10) : null,
        delivery: j.delivery,
        deliveryWords: DELIVERY_WORDS[j.delivery],
        why: j.why,
      };
    }),
  };
}
