import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { RoomView, roomCheckInBody, roomConcernBody, roomProblemBody } from "../../../contract/room.ts";
import type { RoomSuccessBody } from "../../../contract/success.ts";
import { costOfWaiting } from "../../../domain/decision/cost-of-waiting.ts";
import { BUYER_CONFIDENCE_WORDS, CONFIDENCE_POINTS, type Impact } from "../../../domain/decision/model.ts";
import { slippageOf } from "../../../domain/plan/slippage.ts";
import { type Actor, recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { AppError, invalid, notFound } from "../../http/errors.ts";
import { refreshDerived } from "../decisions/readiness.service.ts";
import { addStepComment, applyStepChange, planStep } from "../plan/plan.service.ts";
import { roomSuccessOf, saveReport } from "../success/success.service.ts";
import {
  addActivity,
  insertBuyerConcern,
  insertCheckIn,
  insertCorrection,
  involvedByName,
  type LinkRow,
  linkByHash,
  recordRoomUse,
  roomRow,
} from "./room.repo.ts";

export const hashSecret = (token: string) => createHash("sha256").update(token).digest("hex");
/** 256 random bits: the link is the only key to the room, so it must not be guessable. */
export const newRoomToken = () => randomBytes(32).toString("base64url");

/** Revoked, expired and unknown links look the same: not found. */
export const linkNotValid = () =>
  new AppError(404, "not_found", "This link is not valid. Ask the person who sent it for a new one.");

export async function activeLink(db: Kysely<Database>, token: string, now = new Date()) {
  const link = await linkByHash(db, hashSecret(token));
  if (!link || link.revoked_at || link.expires_at <= now) return null;
  return link;
}

/** A buyer acting through a link: recorded as the link, with a hash of their address, never the address. */
export function buyerActor(link: LinkRow, ip: string): Actor {
  const ipHash = createHash("sha256").update(`${link.workspace_id}:${ip}`).digest("hex").slice(0, 16);
  return { workspaceId: link.workspace_id, memberId: null, via: `share_link:${link.id} ip:${ipHash}` };
}

/** A visit begins after half an hour without use of the room. */
const VISIT_GAP_MINUTES = 30;
/** Within a minute of the link's last use a request changes nothing a seller reads, so nothing is written. */
const SEEN_PRECISION_MS = 60_000;

/** Any use of the room — opening it or acting in it — is part of a visit. */
export async function recordUse(db: Kysely<Database>, link: LinkRow, ip: string, now = new Date()) {
  if (link.last_seen_at && now.getTime() - link.last_seen_at.getTime() < SEEN_PRECISION_MS) return;
  await recordRoomUse(db, link, buyerActor(link, ip).via!, VISIT_GAP_MINUTES);
  // A kept link (the room's view) is not read again for a while: it must not be recorded again meanwhile.
  link.last_seen_at = now;
}

/**
 * Who is speaking in the room. On a stakeholder's own link it is that stakeholder, verified, whatever name was
 * typed. On a general link it is the name the buyer gave, matched to an involved stakeholder where one goes by
 * it, and unverified: anyone holding the link could have typed it.
 */
async function speaker(
  db: Kysely<Database>,
  link: LinkRow,
  typed: string | undefined,
  /** The body field that must carry a name on a general link; when null the link's label stands in. */
  field: string | null,
) {
  if (link.stakeholder_id && link.stakeholder_name)
    return { name: link.stakeholder_name, stakeholderId: link.stakeholder_id, role: null, verified: true };
  if (!typed && field) throw invalid(field, "tell us your name");
  const known = typed ? await involvedByName(db, link.decision_id, typed) : undefined;
  return {
    name: typed ?? link.label,
    stakeholderId: known?.id ?? null,
    role: known?.role ?? null,
    verified: false,
  };
}

/** A speaker as the seller reads them in buyer activity: a general link's names are only what was typed. */
const said = (who: { name: string; verified: boolean }) =>
  who.verified ? who.name : `${who.name} (unverified)`;

/** The buyer's view: built field by field from an allow-list, never by copying internal records. */
export async function roomView(db: Kysely<Database>, link: LinkRow): Promise<RoomView> {
  const row = await roomRow(db, link);
  if (!row) throw linkNotValid();
  const steps = row.steps.map((s) => ({
    ...s,
    due_date: s.due_date?.slice(0, 10) ?? null,
    first_due_date: s.first_due_date?.slice(0, 10) ?? null,
  }));
  const slippage = slippageOf(
    steps.map((s) => ({
      id: s.id,
      title: s.title,
      dueDate: s.due_date,
      firstDueDate: s.first_due_date,
      dueDateMoves: s.due_date_moves,
      status: s.status,
      doneAt: s.done_at,
      dependsOn: s.depends_on,
    })),
    row.target_date,
    new Date(),
  );
  const cost = costOfWaiting(row.impact as Impact, row.target_date, new Date());
  return {
    decision: {
      title: row.title,
      accountName: row.account_name,
      targetDate: row.target_date,
      problem: row.problem.statement ?? null,
      costOfWaiting: {
        quantified: cost.quantified,
        perMonth: cost.perMonth,
        untilTarget: cost.untilTarget,
        monthsToTarget: cost.monthsToTarget,
        currency: row.currency,
      },
      outcomesSought: (row.outcomes_sought ?? []).map((o) => ({
        measure: o.measure,
        current: o.current ?? null,
        target: o.target ?? null,
      })),
    },
    plan: {
      steps: steps.map((s) => ({
        id: s.id,
        title: s.title,
        description: s.description,
        ownerSide: s.owner_side,
        ownerName: s.owner_name,
        dueDate: s.due_date,
        status: s.status,
        blockedReason: s.blocked_reason,
        canTick: s.owner_side !== "us",
        comments: s.comments.map((c) => ({
          authorName: c.author_name,
          body: c.body,
          at: new Date(c.at).toISOString(),
        })),
      })),
      projectedDecisionDate: slippage.projectedDecisionDate,
    },
    concerns: row.concerns.map((c) => ({ id: c.id, text: c.text, status: c.status, response: c.response })),
    people: row.people,
    sellerName: row.owner_name,
    linkLabel: link.label,
    you: link.stakeholder_name ? { name: link.stakeholder_name } : null,
    success: await roomSuccessOf(db, link.workspace_id, link.decision_id, row.outcome === "won"),
  };
}

/** A buyer's change: in the change log as the link (with a hashed address) and in the seller's buyer activity. */
async function recordBuyerChange(
  db: Kysely<Database>,
  link: LinkRow,
  ip: string,
  change: { entity: string; entityId: string; after: unknown },
  activity: { kind: string; summary: string },
) {
  await recordCreate(
    db,
    buyerActor(link, ip),
    change.entity,
    change.entityId,
    change.after,
    link.decision_id,
  );
  await noteBuyerActivity(db, link, activity);
}

/** What the seller sees in the decision's buyer activity. */
async function noteBuyerActivity(
  db: Kysely<Database>,
  link: LinkRow,
  activity: { kind: string; summary: string },
) {
  await addActivity(db, {
    workspaceId: link.workspace_id,
    decisionId: link.decision_id,
    linkId: link.id,
    ...activity,
  });
}

const clip = (text: string, length = 80) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export async function tickStep(
  db: Kysely<Database>,
  link: LinkRow,
  ip: string,
  stepId: string,
  status: "not_started" | "in_progress" | "done",
  name?: string,
) {
  await db.transaction().execute(async (trx) => {
    const step = await planStep(trx, link.workspace_id, stepId);
    if (!step || step.decision_id !== link.decision_id) throw notFound("The step");
    if (step.owner_side === "us") throw invalid("stepId", "this step is ours to do; ask us about it");
    const who = await speaker(trx, link, name, null);
    await applyStepChange(trx, buyerActor(link, ip), step, {
      action: "update",
      version: step.version,
      input: { status },
    });
    await noteBuyerActivity(trx, link, {
      kind: "step_ticked",
      summary: `${said(who)} marked "${clip(step.title)}" as ${status.replace("_", " ")}.`,
    });
  });
}

export async function commentOnStep(
  db: Kysely<Database>,
  link: LinkRow,
  ip: string,
  stepId: string,
  body: { name?: string | undefined; body: string },
) {
  await db.transaction().execute(async (trx) => {
    const step = await planStep(trx, link.workspace_id, stepId);
    if (!step || step.decision_id !== link.decision_id) throw notFound("The step");
    const who = await speaker(trx, link, body.name, "body.name");
    const comment = { name: who.name, body: body.body };
    await addStepComment(
      trx,
      buyerActor(link, ip),
      step,
      { name: who.name, memberId: null, linkId: link.id },
      comment,
    );
    await noteBuyerActivity(trx, link, {
      kind: "step_comment",
      summary: `${said(who)} commented on "${clip(step.title)}": ${clip(body.body, 120)}`,
    });
  });
}

export async function raiseConcern(
  db: Kysely<Database>,
  link: LinkRow,
  ip: string,
  body: z.output<typeof roomConcernBody>,
) {
  await db.transaction().execute(async (trx) => {
    const id = randomUUID();
    const who = await speaker(trx, link, body.name, null);
    await insertBuyerConcern(trx, {
      id,
      workspace_id: link.workspace_id,
      decision_id: link.decision_id,
      text: body.text,
      kind: body.kind,
      category: "other",
      raised_by: who.stakeholderId,
      severity: "medium",
      status: "open",
      raised_via_link: link.id,
    });
    await recordBuyerChange(
      trx,
      link,
      ip,
      {
        entity: "concern",
        entityId: id,
        after: body,
      },
      {
        kind: "concern_added",
        summary: `${said(who)} raised a concern: ${clip(body.text, 120)}`,
      },
    );
    await refreshDerived(trx, link.workspace_id, link.decision_id);
  });
}

export async function correctProblem(
  db: Kysely<Database>,
  link: LinkRow,
  ip: string,
  body: z.output<typeof roomProblemBody>,
) {
  await db.transaction().execute(async (trx) => {
    const id = randomUUID();
    const who = await speaker(trx, link, body.name, null);
    await insertCorrection(trx, {
      id,
      workspace_id: link.workspace_id,
      decision_id: link.decision_id,
      share_link_id: link.id,
      verdict: body.verdict,
      text: body.text ?? null,
      proposed_by: body.name || who.verified ? who.name : null,
      stakeholder_id: who.stakeholderId,
      verified: who.verified,
      status: body.verdict === "right" ? "accepted" : "proposed",
    });
    await recordBuyerChange(
      trx,
      link,
      ip,
      {
        entity: "problem_correction",
        entityId: id,
        after: body,
      },
      {
        kind: body.verdict === "right" ? "problem_confirmed" : "problem_correction",
        summary:
          body.verdict === "right"
            ? `${said(who)} confirmed the problem statement is right.`
            : `${said(who)} proposed a correction to the problem: ${clip(body.text ?? "", 120)}`,
      },
    );
  });
}

export async function checkIn(
  db: Kysely<Database>,
  link: LinkRow,
  ip: string,
  body: z.output<typeof roomCheckInBody>,
) {
  return db.transaction().execute(async (trx) => {
    const who = await speaker(trx, link, body.stakeholderName, "body.stakeholderName");
    const id = randomUUID();
    await insertCheckIn(trx, {
      id,
      workspace_id: link.workspace_id,
      decision_id: link.decision_id,
      share_link_id: link.id,
      stakeholder_id: who.stakeholderId,
      stakeholder_name: who.name,
      role: body.role ?? who.role,
      verified: who.verified,
      ratings: JSON.stringify(body.ratings),
      comment: body.comment ?? null,
    });
    await recordBuyerChange(
      trx,
      link,
      ip,
      { entity: "check_in", entityId: id, after: { ...body, stakeholderName: who.name } },
      {
        kind: "check_in",
        summary: `${said(who)} checked in (of 5): ${CONFIDENCE_POINTS.map((p) => `${BUYER_CONFIDENCE_WORDS[p].toLowerCase()} ${body.ratings[p]}`).join(", ")}.`,
      },
    );
    await refreshDerived(trx, link.workspace_id, link.decision_id);
    return id;
  });
}

const REACHED_WORDS = { yes: "reached", partly: "partly reached", no: "not reached" } as const;
const AGAIN_WORDS = {
  yes: "would decide the same again",
  unsure: "is unsure they would decide the same again",
  no: "would not decide the same again",
} as const;

/** After the sale, the customer says where each success measure stands and whether they would decide the same. */
export async function reportSuccess(db: Kysely<Database>, link: LinkRow, ip: string, body: RoomSuccessBody) {
  await db.transaction().execute(async (trx) => {
    const row = await roomRow(trx, link);
    if (row?.outcome !== "won")
      throw new AppError(
        409,
        "not_won",
        "There is nothing to report on yet: the decision has not been made.",
      );
    const who = await speaker(trx, link, body.name, "body.name");
    const values = body.values;
    const actor = buyerActor(link, ip);
    await saveReport(trx, actor, {
      workspaceId: link.workspace_id,
      decisionId: link.decision_id,
      shareLinkId: link.id,
      recordedBy: null,
      stakeholderId: who.stakeholderId,
      reporterName: who.name,
      verified: who.verified,
      decideAgain: body.decideAgain,
      inTheWay: body.inTheWay,
      values,
    });
    const met = values.filter((v) => v.reached === "yes").length;
    await noteBuyerActivity(trx, link, {
      kind: "success_report",
      summary: `${said(who)} reported after the sale: ${met} of ${values.length} ${values.length === 1 ? "measure" : "measures"} ${REACHED_WORDS.yes}; ${AGAIN_WORDS[body.decideAgain]}.${body.inTheWay ? ` In the way: ${clip(body.inTheWay, 120)}` : ""}`,
    });
  });
}
