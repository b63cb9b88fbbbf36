import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { actionBody, putAnswerBody, updateActionBody } from "../../../contract/reviews.ts";
import { diagnose, REVIEW_QUESTIONS, type ReviewQuestion } from "../../../domain/diagnostics/diagnose.ts";
import { compareReviews } from "../../../domain/reviews/compare.ts";
import { prefillAnswers } from "../../../domain/reviews/prefill.ts";
import { recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { AppError, conflict, forbidden, notFound } from "../../http/errors.ts";
import {
  canAnswerReview,
  canChangeReviewAction,
  canCoachReview,
  requireActionsReader,
  requireReviewOpener,
} from "../../http/policies.ts";
import { requireVisibleDecision } from "../decisions/access.service.ts";
import { decisionFacts, refreshDerived } from "../decisions/readiness.service.ts";
import { requireAssignableMember } from "../members/members.service.ts";
import {
  presentAction,
  presentAnswer,
  presentReview,
  presentReviewState,
  presentSummary,
} from "./reviews.presenter.ts";
import {
  type AnswerRow,
  actionsOfOwner,
  actionsOfReview,
  answersOf,
  findAction,
  findAnswer,
  findReview,
  insertAction,
  insertAnswers,
  insertReview,
  noteReadinessAtCompletion,
  openReviewOf,
  type ReviewRow,
  reviewsOfDecision,
} from "./reviews.repo.ts";

const diagnosed = (question: ReviewQuestion, answer: string) => {
  const d = diagnose(question, answer);
  return {
    label: d.label,
    reason: d.reason,
    explanation: d.explanation,
    suggestion: d.suggestion,
    signals: d.signals,
  };
};

export async function requireReview(db: Kysely<Database>, actor: SignedIn, id: string) {
  const row = await findReview(db, actor.workspaceId, id);
  if (!row) throw notFound("The review");
  // Seeing a review needs seeing its decision.
  await requireVisibleDecision(db, actor, row.decision_id, true);
  return row;
}

const rightsOf = (actor: SignedIn, row: ReviewRow) => ({
  canAnswer: canAnswerReview(actor, row),
  canCoach: canCoachReview(actor, row),
});

export async function openReview(db: Kysely<Database>, actor: SignedIn, decisionId: string) {
  const id = await db.transaction().execute(async (trx) => {
    const decision = await requireVisibleDecision(trx, actor, decisionId);
    requireReviewOpener(actor, decision);
    const kind = decision.owner_id === actor.memberId ? "self" : "manager";
    const open = await openReviewOf(trx, actor.workspaceId, decisionId);
    if (open) {
      throw new AppError(
        409,
        "review_open",
        "This decision already has an open review; continue it or complete it first.",
        [],
        { id: open.id },
      );
    }
    const { facts, readiness } = await decisionFacts(trx, actor.workspaceId, decisionId);
    const prefilled = prefillAnswers(facts, decision.currency, new Date());
    const id = randomUUID();
    await insertReview(trx, {
      id,
      workspace_id: actor.workspaceId,
      decision_id: decisionId,
      reviewer_id: actor.memberId,
      kind,
      readiness_at_start: readiness.overall,
    });
    await insertAnswers(
      trx,
      REVIEW_QUESTIONS.map((question) => ({
        id: randomUUID(),
        workspace_id: actor.workspaceId,
        review_id: id,
        question,
        answer: prefilled[question],
        ...diagnosed(question, prefilled[question]),
        updated_by: actor.memberId,
      })),
    );
    await recordCreate(trx, actor, "review", id, { kind, decisionId }, decisionId);
    return id;
  });
  return reviewDetail(db, actor, id);
}

export async function reviewDetail(db: Kysely<Database>, actor: SignedIn, id: string) {
  const row = await requireReview(db, actor, id);
  const answers = await answersOf(db, actor.workspaceId, [id]);
  const actions = await actionsOfReview(db, actor.workspaceId, id);
  const earlier = (await reviewsOfDecision(db, actor.workspaceId, row.decision_id)).filter(
    (r) => r.status === "completed" && r.id !== id && r.created_at < row.created_at,
  )[0];
  let comparison = null;
  if (earlier) {
    const before = await answersOf(db, actor.workspaceId, [earlier.id]);
    const snapshot = (list: AnswerRow[]) =>
      list.map((a) => ({
        question: a.question as ReviewQuestion,
        answer: a.answer,
        label: a.label as "customer",
      }));
    comparison = {
      previousReviewId: earlier.id,
      previousCompletedAt: earlier.completed_at?.toISOString() ?? null,
      items: compareReviews(snapshot(before), snapshot(answers)).map((item) => ({
        question: item.question,
        change: item.change as "improved",
        before: item.before ? { answer: item.before.answer, label: item.before.label } : null,
      })),
    };
  }
  return presentReview(row, answers, actions, rightsOf(actor, row), comparison);
}

export async function decisionReviews(db: Kysely<Database>, actor: SignedIn, decisionId: string) {
  await requireVisibleDecision(db, actor, decisionId, true);
  const rows = await reviewsOfDecision(db, actor.workspaceId, decisionId);
  const answers = await answersOf(
    db,
    actor.workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    presentSummary(
      row,
      answers.filter((a) => a.review_id === row.id),
    ),
  );
}

type AnswerBody = z.output<typeof putAnswerBody>;

export async function answerQuestion(
  db: Kysely<Database>,
  actor: SignedIn,
  reviewId: string,
  question: ReviewQuestion,
  body: AnswerBody,
) {
  return db.transaction().execute(async (trx) => {
    const row = await requireReview(trx, actor, reviewId);
    if (row.status !== "open")
      throw conflict("This review is completed; open a new review to change answers.");
    if (!rightsOf(actor, row).canAnswer)
      throw forbidden("Only the decision's owner, the reviewer or an admin can answer.");
    const [current] = await answersOf(trx, actor.workspaceId, [reviewId]).then((all) =>
      all.filter((a) => a.question === question),
    );
    if (!current) throw notFound("The answer");
    const d = diagnosed(question, body.answer);
    const { after: updated } = await applyChange(trx, actor, {
      entity: "review_answer",
      table: "review_answer",
      id: current.id,
      // An answer saved without a version (the first keystrokes of a draft) is the latest word on it.
      version: body.version ?? current.version,
      action: "update",
      patch: {
        answer: body.answer,
        ...(body.confirmed !== undefined ? { confirmed: body.confirmed } : {}),
        label: d.label,
        reason: d.reason,
        explanation: d.explanation,
        suggestion: d.suggestion,
        signals: JSON.stringify(d.signals),
        updated_by: actor.memberId,
      },
      current,
      load: () => findAnswer(trx, actor.workspaceId, current.id),
      present: presentAnswer,
      parentId: () => row.decision_id,
      what: "The answer",
    });
    return presentAnswer(updated);
  });
}

/** A coaching change to an open review, by its reviewer or an admin, inside the caller's transaction. */
async function changeReview(
  trx: Kysely<Database>,
  actor: SignedIn,
  id: string,
  version: number,
  patch: Record<string, unknown>,
) {
  const row = await requireReview(trx, actor, id);
  if (!canCoachReview(actor, row)) {
    throw row.status === "open"
      ? forbidden("Only the reviewer or an admin can do this.")
      : conflict("This review is already completed.");
  }
  await applyChange(trx, actor, {
    entity: "review",
    table: "review",
    id,
    version,
    action: "update",
    patch,
    load: () => findReview(trx, actor.workspaceId, id),
    present: presentReviewState,
    parentId: () => row.decision_id,
    what: "The review",
  });
  return row;
}

export async function coach(
  db: Kysely<Database>,
  actor: SignedIn,
  id: string,
  body: { version: number; coachingNotes: string | null },
) {
  await db
    .transaction()
    .execute((trx) => changeReview(trx, actor, id, body.version, { coaching_notes: body.coachingNotes }));
  return reviewDetail(db, actor, id);
}

/** Completing keeps the review in the decision's history; its flagged answers now count in readiness. */
export async function completeReview(db: Kysely<Database>, actor: SignedIn, id: string, version: number) {
  await db.transaction().execute(async (trx) => {
    const row = await changeReview(trx, actor, id, version, {
      status: "completed",
      completed_at: new Date(),
    });
    const { readiness } = await refreshDerived(trx, actor.workspaceId, row.decision_id);
    await noteReadinessAtCompletion(trx, actor.workspaceId, id, readiness.overall);
  });
  return reviewDetail(db, actor, id);
}

type ActionBody = z.output<typeof actionBody>;
type ActionPatch = z.output<typeof updateActionBody>;

export async function addAction(db: Kysely<Database>, actor: SignedIn, reviewId: string, body: ActionBody) {
  const id = await db.transaction().execute(async (trx) => {
    const row = await requireReview(trx, actor, reviewId);
    if (!rightsOf(actor, row).canAnswer)
      throw forbidden("Only the decision's owner, the reviewer or an admin can agree actions.");
    await requireAssignableMember(trx, actor.workspaceId, body.ownerId, "ownerId", "The member");
    const id = randomUUID();
    await insertAction(trx, {
      id,
      workspace_id: actor.workspaceId,
      review_id: reviewId,
      decision_id: row.decision_id,
      what: body.what,
      owner_id: body.ownerId,
      due_date: body.dueDate ?? null,
    });
    await recordCreate(trx, actor, "review_action", id, body, row.decision_id);
    return id;
  });
  return presentAction((await findAction(db, actor.workspaceId, id))!);
}

export async function changeAction(db: Kysely<Database>, actor: SignedIn, id: string, body: ActionPatch) {
  await db.transaction().execute(async (trx) => {
    const action = await findAction(trx, actor.workspaceId, id);
    if (!action) throw notFound("The action");
    const review = await requireReview(trx, actor, action.review_id);
    if (!canChangeReviewAction(actor, action, review))
      throw forbidden("Only the action's owner, the reviewer or an admin can change it.");
    const patch: Record<string, unknown> = {};
    if (body.what !== undefined) patch.what = body.what;
    if (body.dueDate !== undefined) patch.due_date = body.dueDate;
    if (body.status !== undefined) {
      patch.status = body.status;
      patch.done_at = body.status === "done" ? new Date() : null;
    }
    await applyChange(trx, actor, {
      entity: "review_action",
      table: "review_action",
      id,
      version: body.version,
      action: "update",
      patch,
      current: action,
      load: () => findAction(trx, actor.workspaceId, id),
      present: presentAction,
      parentId: (row) => row.decision_id,
      what: "The action",
    });
  });
  return presentAction((await findAction(db, actor.workspaceId, id))!);
}

export async function actionsFor(
  db: Kysely<Database>,
  actor: SignedIn,
  owner: string,
  status: "open" | "done" | "all",
) {
  const ownerId = owner === "me" ? actor.memberId : owner;
  requireActionsReader(actor, ownerId);
  return (await actionsOfOwner(db, actor.workspaceId, actor, ownerId, status)).map(presentAction);
}
