import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type {
  createDecisionBody,
  DecisionListQuery,
  updateDecisionBody,
} from "../../../contract/decisions.ts";
import { withDoNothing } from "../../../domain/decision/model.ts";
import { MILESTONES } from "../../../domain/readiness/milestone.ts";
import { evidenceMissingFor } from "../../../domain/readiness/readiness.ts";
import { COMMIT_NEEDS, commitBlockers } from "../../../domain/reviews/commit-guard.ts";
import { recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { AppError, invalid } from "../../http/errors.ts";
import { requireEditableDecision, requireOwnerChange } from "../../http/policies.ts";
import { requireLiveAccount } from "../accounts/accounts.service.ts";
import { described } from "../changes/changes.service.ts";
import { requireAssignableMember } from "../members/members.service.ts";
import { latestReviewAnswers } from "../reviews/review-flags.service.ts";
import { measuresOnWin } from "../success/success.service.ts";
import { workspaceView } from "../workspaces/workspaces.service.ts";
import { requireVisibleDecision, visibilityOf } from "./access.service.ts";
import { partsOf, presentCard, presentDecision, presentDetail } from "./decisions.presenter.ts";
import {
  boardColumns,
  type Cursor,
  decisionHistory,
  findDecision,
  insertDecision,
  listDecisionCards,
  type SortKey,
} from "./decisions.repo.ts";
import { checkStakeholders } from "./parts.service.ts";
import { decisionFacts, refreshDerived } from "./readiness.service.ts";

type CreateBody = z.output<typeof createDecisionBody>;
type UpdateBody = z.output<typeof updateDecisionBody>;
const today = () => new Date();
const isoToday = () => today().toISOString().slice(0, 10);

async function checkOwner(trx: Kysely<Database>, actor: SignedIn, ownerId: string | undefined) {
  requireOwnerChange(actor, ownerId);
  if (ownerId && ownerId !== actor.memberId)
    await requireAssignableMember(trx, actor.workspaceId, ownerId, "ownerId", "The owner");
}

function stakeholderRefs(columns: ReturnType<typeof partsOf>) {
  return [
    { path: "problem.saidBy", id: columns.problem.saidBy },
    { path: "impact.confirmedBy", id: columns.impact.confirmedBy },
    ...columns.process.approverIds.map((approver, index) => ({
      path: `process.approverIds.${index}`,
      id: approver,
    })),
  ];
}

/**
 * Workspace policy (on by default): no commit while the customer's record lacks the evidence of an agreed plan,
 * or the latest review shows we do not know the customer's side. The record is judged as it stands.
 */
async function checkCommitGuard(trx: Kysely<Database>, actor: SignedIn, id: string) {
  if (!(await workspaceView(trx, actor.workspaceId)).settings.commitGuard) return;
  const { facts, readiness } = await decisionFacts(trx, actor.workspaceId, id);
  const blockers = commitBlockers(await latestReviewAnswers(trx, actor.workspaceId, id), {
    readiness: readiness.overall,
    missing: evidenceMissingFor(facts, COMMIT_NEEDS),
  });
  if (blockers.length) {
    throw new AppError(
      409,
      "commit_guard",
      `This decision cannot be forecast as commit yet. ${blockers.join(" ")}`,
      blockers.map((message) => ({ path: "forecastCategory", message })),
    );
  }
}

function checkOutcome(outcome: string, outcomeDate: string | null) {
  if (outcome === "open" && outcomeDate)
    throw invalid("outcomeDate", "is only for a decided outcome (won, lost, no_decision)");
  if (outcomeDate && outcomeDate > isoToday()) throw invalid("outcomeDate", "must not be in the future");
}

/** Merges a body into the stored parts: nested objects merge field by field, lists replace. */
function mergeParts(current: ReturnType<typeof partsOf>, body: Partial<CreateBody>) {
  return {
    problem: { ...current.problem, ...body.problem },
    impact: { ...current.impact, ...body.impact },
    trigger: { ...current.trigger, ...body.trigger },
    outcomesSought: body.outcomesSought ?? current.outcomesSought,
    options: withDoNothing(body.options ?? current.options),
    criteria: body.criteria ?? current.criteria,
    process: { ...current.process, ...body.process },
    sellerConfidence: body.sellerConfidence ?? current.sellerConfidence,
  };
}

function jsonColumns(parts: ReturnType<typeof mergeParts>) {
  return {
    problem: JSON.stringify(parts.problem),
    impact: JSON.stringify(parts.impact),
    trigger: JSON.stringify(parts.trigger),
    outcomes_sought: JSON.stringify(parts.outcomesSought),
    options: JSON.stringify(parts.options),
    criteria: JSON.stringify(parts.criteria),
    process: JSON.stringify(parts.process),
    seller_confidence: JSON.stringify(parts.sellerConfidence),
  };
}

const emptyParts = (): ReturnType<typeof partsOf> => ({
  problem: { statement: null, saidBy: null, rootCause: null, currentApproach: null },
  impact: { recurringCost: null, risks: [], assumptions: null, confirmedBy: null },
  trigger: { event: null, date: null, dateOwner: null },
  outcomesSought: [],
  options: [],
  criteria: [],
  process: { steps: [], approverIds: [] },
  sellerConfidence: {},
});

/** The parts of a decision nobody has filled in yet (an imported one): empty, with "do nothing" as an option. */
export function blankParts() {
  const parts = mergeParts(emptyParts(), {});
  return { parts, columns: jsonColumns(parts) };
}

export async function createDecision(db: Kysely<Database>, actor: SignedIn, body: CreateBody) {
  const facts = await db.transaction().execute(async (trx) => {
    await requireLiveAccount(trx, actor.workspaceId, body.accountId);
    await checkOwner(trx, actor, body.ownerId);
    const parts = mergeParts(emptyParts(), body);
    await checkStakeholders(
      trx,
      actor.workspaceId,
      body.accountId,
      stakeholderRefs(parts as ReturnType<typeof partsOf>),
    );
    const outcome = body.outcome ?? "open";
    const outcomeDate = outcome === "open" ? (body.outcomeDate ?? null) : (body.outcomeDate ?? isoToday());
    checkOutcome(outcome, outcomeDate);
    const id = randomUUID();
    await insertDecision(trx, {
      id,
      workspace_id: actor.workspaceId,
      account_id: body.accountId,
      owner_id: body.ownerId ?? actor.memberId,
      title: body.title,
      value_amount: body.valueAmount ?? null,
      currency: body.currency ?? "USD",
      target_date: body.targetDate ?? null,
      ...jsonColumns(parts),
      outcome,
      outcome_reason: body.outcomeReason ?? null,
      outcome_date: outcomeDate,
      notes: body.notes ?? null,
    });
    const facts = await refreshDerived(trx, actor.workspaceId, id);
    await recordCreate(trx, actor, "decision", id, presentDecision(facts.row));
    if (outcome === "won")
      await measuresOnWin(trx, actor, {
        id,
        workspaceId: actor.workspaceId,
        outcomesSought: parts.outcomesSought,
        wonOn: outcomeDate!,
      });
    return facts;
  });
  return presentDetail(actor, facts);
}

/** A change answers with the facts its own transaction computed: readiness is worked out once per change. */
export async function updateDecision(db: Kysely<Database>, actor: SignedIn, id: string, body: UpdateBody) {
  const facts = await db.transaction().execute((trx) => changeDecision(trx, actor, id, body));
  return presentDetail(actor, facts);
}

/** Changes a decision inside the caller's transaction, so another record's change can go with it. */
export async function changeDecision(trx: Kysely<Database>, actor: SignedIn, id: string, body: UpdateBody) {
  const current = await requireVisibleDecision(trx, actor, id);
  requireEditableDecision(actor, current);
  const accountId = body.accountId ?? current.account_id;
  if (body.accountId && body.accountId !== current.account_id)
    await requireLiveAccount(trx, actor.workspaceId, accountId);
  await checkOwner(trx, actor, body.ownerId);
  const parts = mergeParts(partsOf(current), body);
  await checkStakeholders(
    trx,
    actor.workspaceId,
    accountId,
    stakeholderRefs(parts as ReturnType<typeof partsOf>),
  );
  const outcome = body.outcome ?? current.outcome;
  let outcomeDate = body.outcomeDate !== undefined ? body.outcomeDate : current.outcome_date;
  if (outcome === "open" && body.outcome === "open") outcomeDate = null;
  if (outcome !== "open" && !outcomeDate) outcomeDate = isoToday();
  checkOutcome(outcome, outcomeDate);
  const patch: Record<string, unknown> = {
    ...jsonColumns(parts),
    account_id: accountId,
    outcome,
    outcome_date: outcomeDate,
  };
  if (body.title !== undefined) patch.title = body.title;
  if (body.ownerId !== undefined) patch.owner_id = body.ownerId;
  if (body.valueAmount !== undefined) patch.value_amount = body.valueAmount;
  if (body.currency !== undefined) patch.currency = body.currency;
  if (body.targetDate !== undefined) patch.target_date = body.targetDate;
  if (body.outcomeReason !== undefined) patch.outcome_reason = body.outcomeReason;
  if (body.forecastCategory !== undefined) {
    if (body.forecastCategory === "commit" && current.forecast_category !== "commit")
      await checkCommitGuard(trx, actor, id);
    patch.forecast_category = body.forecastCategory;
  }
  if (body.notes !== undefined) patch.notes = body.notes;
  await applyChange(trx, actor, {
    entity: "decision",
    table: "decision",
    id,
    version: body.version,
    action: "update",
    patch,
    load: (includeDeleted) => findDecision(trx, actor.workspaceId, id, null, includeDeleted),
    present: presentDecision,
    what: "The decision",
  });
  if (outcome === "won" && current.outcome !== "won")
    await measuresOnWin(trx, actor, {
      id,
      workspaceId: actor.workspaceId,
      outcomesSought: parts.outcomesSought,
      wonOn: outcomeDate!,
    });
  return refreshDerived(trx, actor.workspaceId, id);
}

export async function changeDecisionState(
  db: Kysely<Database>,
  actor: SignedIn,
  id: string,
  action: "delete" | "restore",
  version: number,
) {
  await db.transaction().execute(async (trx) => {
    const current = await requireVisibleDecision(trx, actor, id, action === "restore");
    requireEditableDecision(actor, current);
    await applyChange(trx, actor, {
      entity: "decision",
      table: "decision",
      id,
      version,
      action,
      load: (includeDeleted) => findDecision(trx, actor.workspaceId, id, null, includeDeleted),
      present: presentDecision,
      what: "The decision",
    });
  });
  const row = (await findDecision(db, actor.workspaceId, id, null, true))!;
  return presentDecision(row);
}

export async function decisionDetail(db: Kysely<Database>, actor: SignedIn, id: string) {
  await requireVisibleDecision(db, actor, id);
  return presentDetail(actor, await decisionFacts(db, actor.workspaceId, id));
}

export async function decisionReadiness(db: Kysely<Database>, actor: SignedIn, id: string) {
  return (await decisionDetail(db, actor, id)).readinessDetail;
}

// ---------- lists ----------

function encodeCursor(cursor: Cursor) {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString("base64url");
}

function decodeCursor(text: string): Cursor {
  try {
    const [value, id] = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (
      (typeof value === "string" || typeof value === "number") &&
      typeof id === "string" &&
      /^[0-9a-f-]{36}$/i.test(id)
    ) {
      return { value, id };
    }
  } catch {}
  throw invalid("querystring.cursor", "is not a cursor this list gave out");
}

export async function listDecisions(db: Kysely<Database>, actor: SignedIn, query: DecisionListQuery) {
  const descending = query.sort.startsWith("-");
  const sort = query.sort.replace(/^-/, "") as SortKey;
  const rows = await listDecisionCards(
    db,
    actor.workspaceId,
    visibilityOf(actor),
    { ...query, ownerId: query.owner === "me" ? actor.memberId : query.owner },
    { sort, descending, limit: query.limit, after: query.cursor ? decodeCursor(query.cursor) : undefined },
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({
          value: last.sort_value instanceof Date ? last.sort_value.toISOString() : last.sort_value,
          id: last.id,
        })
      : null;
  return { items: page.map(presentCard), nextCursor };
}

export async function decisionBoard(
  db: Kysely<Database>,
  actor: SignedIn,
  query: {
    owner?: string | undefined;
    team?: string | undefined;
    account?: string | undefined;
    perColumn: number;
  },
) {
  const columns = await boardColumns(
    db,
    actor.workspaceId,
    visibilityOf(actor),
    { ...query, ownerId: query.owner === "me" ? actor.memberId : query.owner },
    MILESTONES,
    query.perColumn,
  );
  return {
    columns: columns.map((c) => ({
      ...c,
      milestone: c.milestone as (typeof MILESTONES)[number],
      items: c.items.map(presentCard),
    })),
  };
}

export async function history(db: Kysely<Database>, actor: SignedIn, id: string, limit: number) {
  await requireVisibleDecision(db, actor, id, true);
  return described(db, actor.workspaceId, await decisionHistory(db, actor.workspaceId, id, limit));
}
