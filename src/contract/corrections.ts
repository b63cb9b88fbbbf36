import { z } from "zod";
import { id, timestamp, version } from "./common.ts";
import { label, MAX_STORED_ANSWER, reason, reviewQuestion } from "./reviews.ts";

const SELLER_REASONS = [
  "product_as_problem",
  "our_loss",
  "discount_reflex",
  "inbound_interest",
  "feature_checklist",
  "our_process",
] as const;

/**
 * A manager's verdict on one diagnosis: the label and reason they say are right. Agreeing is a verdict too,
 * so the workspace's agreement figures have a denominator.
 */
export const createCorrectionBody = z
  .object({
    question: reviewQuestion,
    answer: z.string().trim().min(1, "must not be empty").max(MAX_STORED_ANSWER),
    label,
    reason: z.enum(SELLER_REASONS).nullable().optional().describe("required when the label is seller"),
    reviewId: id.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.label === "seller" && !body.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "is required when the label is seller" });
    if (body.label !== "seller" && body.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "is only for a seller label" });
  });

export type CreateCorrectionBody = z.input<typeof createCorrectionBody>;

export const correction = z.object({
  id,
  question: reviewQuestion,
  answer: z.string(),
  predicted: z.object({ label, reason }),
  label,
  reason,
  agrees: z.boolean().describe("whether the diagnosis matched the manager"),
  reviewId: id.nullable(),
  by: z.object({ id: id.nullable(), name: z.string().nullable() }),
  createdAt: timestamp,
  version,
});

export type Correction = z.infer<typeof correction>;

const agreement = z.object({ count: z.number(), agreed: z.number(), rate: z.number().nullable() });

export const correctionList = z.object({
  items: z.array(correction),
  agreement: z.object({
    label: agreement.describe("the diagnosis gave the manager's label"),
    reason: agreement.describe("the diagnosis gave the manager's label and reason"),
    perLabel: z.record(z.string(), agreement).describe("by the manager's label"),
    perReason: z.record(z.string(), agreement).describe("by the manager's reason, for seller answers"),
  }),
});

export type CorrectionList = z.infer<typeof correctionList>;
