import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Concession, ConcessionBody } from "../../../contract/concessions.ts";
import { approverFor, concessionDepth } from "../../../domain/decision/concession.ts";
import { recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { AppError, notFound } from "../../http/errors.ts";
import {
  canDecideConcession,
  requireConcessionDecider,
  requireEditableDecision,
} from "../../http/policies.ts";
import { requireVisibleDecision } from "../decisions/access.service.ts";
import { workspaceView } from "../workspaces/workspaces.service.ts";
import { type ConcessionRow, concessionsOf, findConcession, insertConcession } from "./concessions.repo.ts";

type DecisionRow = Awaited<ReturnType<typeof requireVisibleDecision>>;

/** What the policy asks of one concession on one decision, and whether this member may decide it. */
function present(actor: SignedIn, decision: DecisionRow, policy: Parameters<typeof approverFor>[1]) {
  return (row: ConcessionRow): Concession => {
    const percent = row.percent === null ? null : Number(row.percent);
    const depth = concessionDepth({ amount: row.amount, percent }, decision.value_amount);
    const { approver, why } = approverFor(depth, policy);
    return {
      id: row.id,
      decisionId: row.decision_id,
      amount: row.amount,
      percent,
      depth,
      inReturn: row.in_return,
      reason: row.reason,
      status: row.status,
      approver,
      approverWhy: why,
      canDecide: row.status === "requested" && canDecideConcession(actor, decision, row, approver),
      requestedBy: { id: row.requested_by, name: row.requested_by_name },
      decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_by_name ?? "" } : null,
      decidedAt: row.decided_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      version: row.version,
    };
  };
}

async function presenterFor(db: Kysely<Database>, actor: SignedIn, decision: DecisionRow) {
  return present(actor, decision, (await workspaceView(db, actor.workspaceId)).settings);
}

export async function listConcessions(db: Kysely<Database>, actor: SignedIn, decisionId: string) {
  const decision = await requireVisibleDecision(db, actor, decisionId);
  const show = await presenterFor(db, actor, decision);
  return (await concessionsOf(db, actor.workspaceId, decisionId)).map(show);
}

/**
 * The owner asks for a concession; within what a seller may approve it is approved at once, by them, and the
 * change log says so. Deeper, it waits for whoever the policy names.
 */
export async function requestConcession(
  db: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  body: ConcessionBody,
) {
  const id = randomUUID();
  const show = await db.transaction().execute(async (trx) => {
    const decision = await requireVisibleDecision(trx, actor, decisionId);
    requireEditableDecision(actor, decision, "ask for a concession on it");
    const policy = (await workspaceView(trx, actor.workspaceId)).settings;
    const depth = concessionDepth(
      { amount: body.amount ?? null, percent: body.percent ?? null },
      decision.value_amount,
    );
    const ownCall = approverFor(depth, policy).approver === "seller";
    await insertConcession(trx, {
      id,
      workspace_id: actor.workspaceId,
      decision_id: decisionId,
      amount: body.amount ?? null,
      percent: body.percent ?? null,
      in_return: body.inReturn?.trim() || null,
      reason: body.reason,
      status: ownCall ? "approved" : "requested",
      requested_by: actor.memberId,
      decided_by: ownCall ? actor.memberId : null,
      decided_at: ownCall ? new Date() : null,
    });
    const show = present(actor, decision, policy);
    const created = show((await findConcession(trx, actor.workspaceId, id))!);
    await recordCreate(trx, actor, "concession", id, created, decisionId);
    return show;
  });
  return show((await findConcession(db, actor.workspaceId, id))!);
}

async function requireConcession(db: Kysely<Database>, actor: SignedIn, id: string, includeDeleted = false) {
  const row = await findConcession(db, actor.workspaceId, id, includeDeleted);
  if (!row) throw notFound("The concession");
  return { row, decision: await requireVisibleDecision(db, actor, row.decision_id) };
}

/** Approve or decline a requested concession, as the policy allows; a concession is decided once. */
export async function decideConcession(
  db: Kysely<Database>,
  actor: SignedIn,
  id: string,
  body: { version: number; status: "approved" | "declined" },
) {
  return db.transaction().execute(async (trx) => {
    const { row, decision } = await requireConcession(trx, actor, id);
    const show = await presenterFor(trx, actor, decision);
    const { approver } = show(row);
    requireConcessionDecider(actor, decision, row, approver);
    if (row.status !== "requested")
      throw new AppError(409, "already_decided", `This concession was already ${row.status}.`, [
        { path: "status", message: `is already ${row.status}` },
      ]);
    const { after } = await applyChange(trx, actor, {
      entity: "concession",
      table: "concession",
      id,
      version: body.version,
      action: "update",
      patch: { status: body.status, decided_by: actor.memberId, decided_at: new Date() },
      current: row,
      load: (includeDeleted) => findConcession(trx, actor.workspaceId, id, includeDeleted),
      present: show,
      parentId: (r) => r.decision_id,
      what: "The concession",
    });
    return show(after);
  });
}

/** The owner withdraws a concession (delete) or brings it back (restore); both are in the change log. */
export async function removeConcession(
  db: Kysely<Database>,
  actor: SignedIn,
  id: string,
  version: number,
  action: "delete" | "restore",
) {
  return db.transaction().execute(async (trx) => {
    const { row, decision } = await requireConcession(trx, actor, id, action === "restore");
    requireEditableDecision(actor, decision, "withdraw a concession on it");
    const show = await presenterFor(trx, actor, decision);
    const { after } = await applyChange(trx, actor, {
      entity: "concession",
      table: "concession",
      id,
      version,
      action,
      current: row,
      load: (includeDeleted) => findConcession(trx, actor.workspaceId, id, includeDeleted),
      present: show,
      parentId: (r) => r.decision_id,
      what: "The concession",
    });
    return show(after);
  });
}
