import { z } from "zod";
import { REVIEW_QUESTIONS } from "../domain/diagnostics/types.ts";
import { id, isoDate, LIMITS, timestamp, version } from "./common.ts";
import { decisionCard } from "./decisions.ts";

export const reviewQuestion = z.enum(REVIEW_QUESTIONS, {
  message: `must be one of ${REVIEW_QUESTIONS.join(", ")}`,
});

export const label = z.enum(["customer", "seller", "vague"]);

export const reason = z
  .enum([
    "product_as_problem",
    "our_loss",
    "discount_reflex",
    "inbound_interest",
    "feature_checklist",
    "our_process",
    "vague",
  ])
  .nullable();

const signals = z.object({
  money: z.array(z.string()),
  quantities: z.array(z.string()),
  people: z.array(z.string()),
  dates: z.array(z.string()),
  causal: z.array(z.string()),
  quotes: z.array(z.string()),
});

/** Answers longer than this are accepted and diagnosed on their first 5,000 characters. */
export const MAX_STORED_ANSWER = 20_000;

export const diagnosticsBody = z
  .object({ question: reviewQuestion, answer: z.string().max(MAX_STORED_ANSWER).default("") })
  .strict();

export const diagnosis = z.object({
  label,
  reason,
  explanation: z.string(),
  suggestion: z.string(),
  signals,
  truncated: z.boolean(),
});

export type DiagnosisView = z.infer<typeof diagnosis>;

export const reviewAnswer = diagnosis.omit({ truncated: true }).extend({
  question: reviewQuestion,
  prompt: z.string(),
  answer: z.string(),
  confirmed: z.boolean(),
  updatedAt: timestamp,
  version,
});

export type ReviewAnswer = z.infer<typeof reviewAnswer>;

export const reviewAction = z.object({
  id,
  reviewId: id,
  decisionId: id,
  decisionTitle: z.string(),
  what: z.string(),
  ownerId: id,
  ownerName: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(["open", "done"]),
  createdAt: timestamp,
  version,
});

export type ReviewAction = z.infer<typeof reviewAction>;

const reviewCore = {
  id,
  decisionId: id,
  decisionTitle: z.string(),
  accountName: z.string(),
  ownerId: id,
  ownerName: z.string(),
  reviewerId: id,
  reviewerName: z.string(),
  kind: z.enum(["manager", "self"]),
  status: z.enum(["open", "completed"]),
  readinessAtStart: z.number(),
  readinessAtCompletion: z.number().nullable(),
  completedAt: timestamp.nullable(),
  createdAt: timestamp,
  version,
};

export const reviewSummary = z.object({
  ...reviewCore,
  flagged: z.array(z.object({ question: reviewQuestion, label })),
});

export type ReviewSummary = z.infer<typeof reviewSummary>;

export const review = z.object({
  ...reviewCore,
  coachingNotes: z.string().nullable(),
  answers: z.array(reviewAnswer),
  actions: z.array(reviewAction),
  canAnswer: z.boolean(),
  canCoach: z.boolean(),
  comparison: z
    .object({
      previousReviewId: id,
      previousCompletedAt: timestamp.nullable(),
      items: z.array(
        z.object({
          question: reviewQuestion,
          change: z.enum(["improved", "regressed", "unchanged", "reworded", "new", "unanswered"]),
          before: z.object({ answer: z.string(), label }).nullable(),
        }),
      ),
    })
    .nullable(),
});

export type Review = z.infer<typeof review>;

export const answerParams = z.object({ id, question: reviewQuestion });

export const putAnswerBody = z
  .object({
    answer: z
      .string()
      .max(MAX_STORED_ANSWER, `must be at most ${MAX_STORED_ANSWER.toLocaleString("en")} characters`),
    confirmed: z.boolean().optional(),
    version: version.optional(),
  })
  .strict();

export const updateReviewBody = z
  .object({ version, coachingNotes: z.string().max(LIMITS.text).nullable() })
  .strict();

export const actionBody = z
  .object({
    what: z.string().trim().min(1, "must not be empty").max(1000),
    ownerId: id,
    dueDate: isoDate.nullable().optional(),
  })
  .strict();

export const updateActionBody = z
  .object({
    version,
    what: z.string().trim().min(1).max(1000).optional(),
    dueDate: isoDate.nullable().optional(),
    status: z.enum(["open", "done"]).optional(),
  })
  .strict();

export const actionsQuery = z.object({
  owner: z.union([id, z.literal("me")]).default("me"),
  status: z.enum(["open", "done", "all"]).default("open"),
});

export const actionList = z.object({ items: z.array(reviewAction) });

export const reviewList = z.object({ items: z.array(reviewSummary) });

export const queueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const queue = z.object({
  items: z.array(
    z.object({
      decision: decisionCard,
      score: z.number(),
      reasons: z.array(z.string()),
      openReviewId: id.nullable(),
      lastReviewedAt: timestamp.nullable(),
    }),
  ),
});
