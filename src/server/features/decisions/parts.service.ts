import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type {
  concernBody,
  involvementBody,
  updateConcernBody,
  updateInvolvementBody,
} from "../../../contract/decisions.ts";
import { recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange, type EditOrRemove, versionOf } from "../../db/versioned-change.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { conflict, invalid, notFound, unknownReference } from "../../http/errors.ts";
import { requireEditableDecision } from "../../http/policies.ts";
import { requireVisibleDecision } from "./access.service.ts";
import { presentConcern, presentInvolvement } from "./decisions.presenter.ts";
import {
  type DecisionRow,
  findConcern,
  findInvolvement,
  insertConcern,
  insertInvolvement,
  involvementOf,
  stakeholdersOfAccount,
} from "./decisions.repo.ts";
import { refreshDerived } from "./readiness.service.ts";

/** The parts of a decision: the people involved in it and the concerns raised about it. */

/** Every stakeholder a decision names must be a person at its account. */
export async function checkStakeholders(
  trx: Kysely<Database>,
  workspaceId: string,
  accountId: string,
  refs: { path: string; id: string | null | undefined }[],
) {
  const named = refs.filter((ref): ref is { path: string; id: string } => Boolean(ref.id));
  const found = await stakeholdersOfAccount(trx, workspaceId, accountId, [
    ...new Set(named.map((ref) => ref.id)),
  ]);
  for (const ref of named) {
    const stakeholder = found.find((f) => f.id === ref.id);
    if (!stakeholder) throw unknownReference(ref.path, "The stakeholder");
    if (!stakeholder.sameAccount) throw invalid(ref.path, "must be a stakeholder of the decision's account");
  }
}

type InvolvementBody = z.output<typeof involvementBody>;
type InvolvementPatch = z.output<typeof updateInvolvementBody>;

function stanceColumns(stance: InvolvementBody["stance"]) {
  const columns: Record<string, string> = {};
  for (const point of ["problem", "approach", "us", "timing"] as const) {
    if (stance?.[point]) columns[`stance_${point}`] = stance[point];
  }
  return columns;
}

export async function addInvolvement(
  db: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  body: InvolvementBody,
) {
  const id = await db.transaction().execute(async (trx) => {
    const decision = await requireVisibleDecision(trx, actor, decisionId);
    requireEditableDecision(actor, decision);
    await checkStakeholders(trx, actor.workspaceId, decision.account_id, [
      { path: "stakeholderId", id: body.stakeholderId },
    ]);
    if (await involvementOf(trx, actor.workspaceId, decisionId, body.stakeholderId)) {
      throw conflict(
        "This stakeholder is already part of the decision; change their involvement instead.",
        "stakeholderId",
      );
    }
    const id = await insertNewInvolvement(trx, actor, decisionId, body);
    await refreshDerived(trx, actor.workspaceId, decisionId);
    return id;
  });
  return presentInvolvement((await findInvolvement(db, actor.workspaceId, id))!);
}

async function insertNewInvolvement(
  trx: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  body: InvolvementBody,
) {
  const id = randomUUID();
  await insertInvolvement(trx, {
    id,
    workspace_id: actor.workspaceId,
    decision_id: decisionId,
    stakeholder_id: body.stakeholderId,
    role: body.role,
    influence: body.influence ?? "medium",
    personal_stake: body.personalStake ?? null,
    ...stanceColumns(body.stance),
  });
  const created = presentInvolvement((await findInvolvement(trx, actor.workspaceId, id))!);
  await recordCreate(trx, actor, "involvement", id, created, decisionId);
  return id;
}

/**
 * Someone at the customer who spoke in a conversation about the decision takes part in it: added once, in the
 * caller's transaction, with the role "other" until the seller says which.
 */
export async function involveSpeaker(
  trx: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  stakeholderId: string,
) {
  if (await involvementOf(trx, actor.workspaceId, decisionId, stakeholderId)) return;
  await insertNewInvolvement(trx, actor, decisionId, { stakeholderId, role: "other" });
  await refreshDerived(trx, actor.workspaceId, decisionId);
}

/** Parts of a decision (involvements, concerns) change with the decision's edit rights and refresh its readiness. */
async function changePart<Row extends { deleted_at: Date | null; decision_id: string }, Out>(
  db: Kysely<Database>,
  actor: SignedIn,
  spec: {
    entity: "involvement" | "concern";
    id: string;
    version: number;
    action: "update" | "delete" | "restore";
    patch: (trx: Kysely<Database>, decision: DecisionRow) => Promise<Record<string, unknown>>;
    load: (trx: Kysely<Database>, includeDeleted: boolean) => Promise<Row | undefined>;
    present: (row: Row) => Out;
    what: string;
  },
): Promise<Out> {
  await db.transaction().execute(async (trx) => {
    const part = await spec.load(trx, spec.action === "restore");
    if (!part) throw notFound(spec.what);
    const decision = await requireVisibleDecision(trx, actor, part.decision_id);
    requireEditableDecision(actor, decision);
    await applyChange(trx, actor, {
      entity: spec.entity,
      table: spec.entity,
      id: spec.id,
      version: spec.version,
      action: spec.action,
      patch: spec.action === "update" ? await spec.patch(trx, decision) : {},
      current: part,
      load: (includeDeleted) => spec.load(trx, includeDeleted),
      present: spec.present,
      parentId: (row) => row.decision_id,
      what: spec.what,
    });
    await refreshDerived(trx, actor.workspaceId, part.decision_id);
  });
  return spec.present((await spec.load(db, true))!);
}

export function changeInvolvement(
  db: Kysely<Database>,
  actor: SignedIn,
  id: string,
  change: EditOrRemove<InvolvementPatch>,
) {
  return changePart(db, actor, {
    entity: "involvement",
    id,
    version: versionOf(change),
    action: change.action,
    patch: async () => {
      if (change.action !== "update") return {};
      const { body } = change;
      return {
        ...(body.role !== undefined ? { role: body.role } : {}),
        ...(body.influence !== undefined ? { influence: body.influence } : {}),
        ...(body.personalStake !== undefined ? { personal_stake: body.personalStake } : {}),
        ...stanceColumns(body.stance),
      };
    },
    load: (trx, includeDeleted) => findInvolvement(trx, actor.workspaceId, id, includeDeleted),
    present: presentInvolvement,
    what: "The involvement",
  });
}

type ConcernBody = z.output<typeof concernBody>;
type ConcernPatch = z.output<typeof updateConcernBody>;

export async function addConcern(
  db: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  body: ConcernBody,
) {
  const id = await db.transaction().execute((trx) => addConcernIn(trx, actor, decisionId, body));
  return presentConcern((await findConcern(db, actor.workspaceId, id))!);
}

/** A concern added inside the caller's transaction (one a conversation taught); answers its id. */
export async function addConcernIn(
  trx: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  body: ConcernBody,
) {
  const decision = await requireVisibleDecision(trx, actor, decisionId);
  requireEditableDecision(actor, decision);
  await checkStakeholders(trx, actor.workspaceId, decision.account_id, [
    { path: "raisedBy", id: body.raisedBy },
  ]);
  const id = randomUUID();
  await insertConcern(trx, {
    id,
    workspace_id: actor.workspaceId,
    decision_id: decisionId,
    text: body.text,
    kind: body.kind,
    category: body.category,
    raised_by: body.raisedBy ?? null,
    severity: body.severity ?? "medium",
    status: body.status ?? "open",
    response: body.response ?? null,
  });
  const created = presentConcern((await findConcern(trx, actor.workspaceId, id))!);
  await recordCreate(trx, actor, "concern", id, created, decisionId);
  await refreshDerived(trx, actor.workspaceId, decisionId);
  return id;
}

export function changeConcern(
  db: Kysely<Database>,
  actor: SignedIn,
  id: string,
  change: EditOrRemove<ConcernPatch>,
) {
  return changePart(db, actor, {
    entity: "concern",
    id,
    version: versionOf(change),
    action: change.action,
    patch: async (trx, decision) => {
      if (change.action !== "update") return {};
      const { body } = change;
      if (body.raisedBy)
        await checkStakeholders(trx, actor.workspaceId, decision.account_id, [
          { path: "raisedBy", id: body.raisedBy },
        ]);
      const patch: Record<string, unknown> = {};
      for (const [field, column] of [
        ["text", "text"],
        ["kind", "kind"],
        ["category", "category"],
        ["raisedBy", "raised_by"],
        ["severity", "severity"],
        ["status", "status"],
        ["response", "response"],
      ] as const) {
        if (body[field] !== undefined) patch[column] = body[field];
      }
      return patch;
    },
    load: (trx, includeDeleted) => findConcern(trx, actor.workspaceId, id, includeDeleted),
    present: presentConcern,
    what: "The concern",
  });
}
