import type { Kysely } from "kysely";
import type { ReviewFlag } from "../../../domain/decision/model.ts";
import type { ReviewQuestion } from "../../../domain/diagnostics/diagnose.ts";
import type { Database } from "../../db/schema.ts";
import { latestCompletedReviews, latestReview } from "./reviews.repo.ts";

/** What reviews tell the rest of the app: readiness reads the flags, the commit guard the latest answers. */

/** The flagged answers of each decision's latest completed review, which readiness counts as gaps. */
export async function reviewFlagsOf(
  db: Kysely<Database>,
  workspaceId: string,
  decisionIds: string[],
): Promise<Map<string, ReviewFlag[]>> {
  const latest = await latestCompletedReviews(db, workspaceId, decisionIds);
  return new Map(
    latest.map(({ review, answers }) => [
      review.decision_id,
      answers
        .filter((a) => a.label !== "customer")
        .map((a) => ({
          question: a.question as ReviewFlag["question"],
          label: a.label as ReviewFlag["label"],
          explanation: a.explanation,
          suggestion: a.suggestion,
          reviewedAt: (review.completed_at ?? review.created_at).toISOString(),
        })),
    ]),
  );
}

/** The answers of the latest review, open or completed: what the commit guard reads. */
export async function latestReviewAnswers(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  const latest = await latestReview(db, workspaceId, decisionId);
  return (latest?.answers ?? []).map((a) => ({
    question: a.question as ReviewQuestion,
    label: a.label as "customer" | "seller" | "vague",
    reason: a.reason as never,
    explanation: a.explanation,
  }));
}
