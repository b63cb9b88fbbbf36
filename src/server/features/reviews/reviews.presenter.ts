import type { Review, ReviewAction, ReviewAnswer, ReviewSummary } from "../../../contract/reviews.ts";
import { REVIEW_QUESTIONS, type ReviewQuestion } from "../../../domain/diagnostics/diagnose.ts";
import { CUSTOMER_QUESTIONS } from "../../../domain/reviews/customer-questions.ts";
import type { ActionRow, AnswerRow, ReviewRow } from "./reviews.repo.ts";

export function presentAnswer(row: AnswerRow): ReviewAnswer {
  return {
    question: row.question as ReviewQuestion,
    prompt: CUSTOMER_QUESTIONS[row.question as ReviewQuestion],
    answer: row.answer,
    confirmed: row.confirmed,
    label: row.label as ReviewAnswer["label"],
    reason: row.reason as ReviewAnswer["reason"],
    explanation: row.explanation,
    suggestion: row.suggestion,
    signals: row.signals as ReviewAnswer["signals"],
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function presentAction(row: ActionRow): ReviewAction {
  return {
    id: row.id,
    reviewId: row.review_id,
    decisionId: row.decision_id,
    decisionTitle: row.decision_title,
    what: row.what,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    dueDate: row.due_date,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

const order = (answers: AnswerRow[]) =>
  [...answers].sort(
    (a, b) =>
      REVIEW_QUESTIONS.indexOf(a.question as ReviewQuestion) -
      REVIEW_QUESTIONS.indexOf(b.question as ReviewQuestion),
  );

export function presentSummary(row: ReviewRow, answers: AnswerRow[]): ReviewSummary {
  return {
    id: row.id,
    decisionId: row.decision_id,
    decisionTitle: row.decision_title,
    accountName: row.account_name,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_name,
    kind: row.kind,
    status: row.status,
    readinessAtStart: row.readiness_at_start,
    readinessAtCompletion: row.readiness_at_completion,
    completedAt: row.completed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    version: row.version,
    flagged: order(answers)
      .filter((a) => a.label !== "customer")
      .map((a) => ({ question: a.question as ReviewQuestion, label: a.label as "seller" | "vague" })),
  };
}

export function presentReview(
  row: ReviewRow,
  answers: AnswerRow[],
  actions: ActionRow[],
  rights: { canAnswer: boolean; canCoach: boolean },
  comparison: Review["comparison"],
): Review {
  const { flagged: _flagged, ...summary } = presentSummary(row, answers);
  return {
    ...summary,
    coachingNotes: row.coaching_notes,
    answers: order(answers).map(presentAnswer),
    actions: actions.map(presentAction),
    ...rights,
    comparison,
  };
}

/** A review's coaching state, as its history records it. */
export const presentReviewState = (row: ReviewRow) => ({
  id: row.id,
  status: row.status,
  coachingNotes: row.coaching_notes,
  version: row.version,
});
