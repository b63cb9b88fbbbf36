import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { activityQuery, shareLinkBody } from "../../../contract/room.ts";
import { consensusOf } from "../../../domain/readiness/consensus.ts";
import { DAY_MS } from "../../../domain/time.ts";
import { type Actor, recordChange, recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { AppError, invalid, notFound } from "../../http/errors.ts";
import { requireEditableDecision } from "../../http/policies.ts";
import { requireVisibleDecision } from "../decisions/access.service.ts";
import { decisionFacts } from "../decisions/readiness.service.ts";
import { presentConsensus } from "./room.presenter.ts";
import {
  activityOf,
  correctionsOf,
  findLink,
  insertLink,
  involvedStakeholder,
  linksOf,
  revokeLink,
} from "./room.repo.ts";
import { hashSecret, newRoomToken } from "./room.service.ts";

/** A decision the caller may share: its owner's, or any for an admin. */
export async function shareableDecision(db: Kysely<Database>, actor: SignedIn, id: string) {
  const decision = await requireVisibleDecision(db, actor, id);
  requireEditableDecision(actor, decision, "share it");
  return decision;
}

/** Stores a new link (its secret's hash only) and logs it; the secret, for the one answer that shows it. */
export async function openLink(
  db: Kysely<Database>,
  actor: Actor & { memberId: string },
  decisionId: string,
  label: string,
  expiresAt: Date,
  stakeholderId: string | null = null,
) {
  const token = newRoomToken();
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await insertLink(trx, {
      id,
      workspace_id: actor.workspaceId,
      decision_id: decisionId,
      token_hash: hashSecret(token),
      label,
      expires_at: expiresAt,
      created_by: actor.memberId,
      stakeholder_id: stakeholderId,
    });
    await recordCreate(trx, actor, "share_link", id, { label, expiresAt, stakeholderId }, decisionId);
  });
  return { id, token };
}

/** A new link to the decision's room: its secret is in the answer once, and only its hash is kept. */
export async function createShareLink(
  db: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  body: z.output<typeof shareLinkBody>,
  publicUrl: string | undefined,
) {
  const decision = await shareableDecision(db, actor, decisionId);
  if (!publicUrl)
    throw new AppError(
      409,
      "public_url_missing",
      "This server does not know the address buyers use to reach it, so it cannot hand out a link. Ask your administrator to set CONFIDANT_PUBLIC_URL.",
    );
  const expiresAt = body.expiresAt ? new Date(body.expiresAt) : new Date(Date.now() + 30 * DAY_MS);
  if (expiresAt.getTime() <= Date.now()) throw invalid("expiresAt", "must be in the future");
  if (expiresAt.getTime() > Date.now() + 366 * DAY_MS) throw invalid("expiresAt", "must be within a year");
  const person = body.stakeholderId
    ? await involvedStakeholder(db, actor.workspaceId, decision.id, body.stakeholderId)
    : undefined;
  if (body.stakeholderId && !person)
    throw invalid(
      "body.stakeholderId",
      "is not one of this decision's people; add them to the decision first",
    );
  const label = body.label ?? person!.name;
  const { id, token } = await openLink(db, actor, decision.id, label, expiresAt, person?.id ?? null);
  return {
    id,
    url: `${publicUrl.replace(/\/$/, "")}/room/${token}`,
    token,
    label,
    expiresAt: expiresAt.toISOString(),
  };
}

export async function listShareLinks(db: Kysely<Database>, actor: SignedIn, decisionId: string) {
  await requireVisibleDecision(db, actor, decisionId);
  const now = new Date();
  return (await linksOf(db, actor.workspaceId, decisionId)).map((l) => ({
    id: l.id,
    decisionId: l.decision_id,
    label: l.label,
    expiresAt: l.expires_at.toISOString(),
    revokedAt: l.revoked_at?.toISOString() ?? null,
    createdAt: l.created_at.toISOString(),
    createdByName: l.created_by_name,
    stakeholderId: l.stakeholder_id,
    stakeholderName: l.stakeholder_name,
    lastVisitAt: l.last_seen_at?.toISOString() ?? null,
    visits: l.visit_count,
    active: !l.revoked_at && l.expires_at > now,
  }));
}

/** Closes a link's room at once, in the history. */
export async function revokeShareLink(db: Kysely<Database>, actor: SignedIn, id: string) {
  const link = await findLink(db, actor.workspaceId, id);
  if (!link) throw notFound("The share link");
  await shareableDecision(db, actor, link.decision_id);
  await db.transaction().execute(async (trx) => {
    await revokeLink(trx, actor.workspaceId, link.id);
    await recordChange(trx, actor, {
      entity: "share_link",
      entityId: link.id,
      action: "delete",
      before: { label: link.label },
      parentId: link.decision_id,
    });
  });
}

export async function listCorrections(db: Kysely<Database>, actor: SignedIn, decisionId: string) {
  await requireVisibleDecision(db, actor, decisionId);
  return (await correctionsOf(db, actor.workspaceId, decisionId)).map((r) => ({
    id: r.id,
    verdict: r.verdict,
    text: r.text,
    proposedBy: r.proposed_by,
    verified: r.verified,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  }));
}

/** What buyers did: on one decision the caller may see, or — on their home — on the decisions they own. */
export async function buyerActivity(
  db: Kysely<Database>,
  actor: SignedIn,
  query: z.output<typeof activityQuery>,
) {
  if (query.decisionId) await requireVisibleDecision(db, actor, query.decisionId);
  const rows = await activityOf(db, actor.workspaceId, {
    decisionId: query.decisionId,
    ownerId: query.decisionId || actor.role === "admin" ? undefined : actor.memberId,
    limit: query.limit,
  });
  return rows.map((r) => ({
    id: r.id,
    decisionId: r.decision_id,
    decisionTitle: r.title,
    kind: r.kind,
    summary: r.summary,
    at: r.created_at.toISOString(),
  }));
}

/** Where the decision's people stand, from their roles and their own check-ins. */
export async function decisionConsensus(db: Kysely<Database>, actor: SignedIn, decisionId: string) {
  await requireVisibleDecision(db, actor, decisionId);
  const { facts } = await decisionFacts(db, actor.workspaceId, decisionId);
  return presentConsensus(consensusOf(facts.involvements, facts.checkIns ?? []));
}

/** A stakeholder of this decision whom a personal link (or a mail with one) may be for, with their email. */
export async function involvedPerson(
  db: Kysely<Database>,
  workspaceId: string,
  decisionId: string,
  id: string,
) {
  return involvedStakeholder(db, workspaceId, decisionId, id);
}
