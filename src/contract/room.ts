import { z } from "zod";
import { LIMITS, ratings } from "./common.ts";

/**
 * What a buyer sees: the decision in the customer's language. Never our notes, reviews, forecast, value
 * or other decisions. Every field here is on the allow-list the room's tests walk.
 */
export const roomView = z.object({
  decision: z.object({
    title: z.string(),
    accountName: z.string(),
    targetDate: z.string().nullable(),
    problem: z.string().nullable(),
    costOfWaiting: z.object({
      perMonth: z.number(),
      untilTarget: z.number(),
      monthsToTarget: z.number(),
      currency: z.string(),
    }),
    outcomesSought: z.array(
      z.object({ measure: z.string(), current: z.string().nullable(), target: z.string().nullable() }),
    ),
  }),
  plan: z.object({
    steps: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string().nullable(),
        ownerSide: z.enum(["customer", "us", "both"]),
        ownerName: z.string().nullable(),
        dueDate: z.string().nullable(),
        status: z.enum(["not_started", "in_progress", "done", "blocked"]),
        blockedReason: z.string().nullable(),
        canTick: z.boolean(),
        comments: z.array(z.object({ authorName: z.string(), body: z.string(), at: z.string() })),
      }),
    ),
    projectedDecisionDate: z.string().nullable(),
  }),
  concerns: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      status: z.enum(["open", "addressed", "accepted"]),
      response: z.string().nullable(),
    }),
  ),
  people: z.array(z.object({ id: z.string(), name: z.string(), title: z.string().nullable() })),
  sellerName: z.string(),
  linkLabel: z.string(),
});
export type RoomView = z.infer<typeof roomView>;

export const roomParams = z.object({ token: z.string().min(10).max(100) });
export const roomStepParams = roomParams.extend({ stepId: z.uuid({ message: "must be a UUID" }) });
const buyerName = z.string().trim().min(1, "tell us your name").max(200);

export const roomStepBody = z
  .object({ status: z.enum(["not_started", "in_progress", "done"]), name: buyerName.optional() })
  .strict();
export const roomCommentBody = z
  .object({ name: buyerName, body: z.string().trim().min(1, "must not be empty").max(2000) })
  .strict();
export const roomConcernBody = z
  .object({
    name: buyerName.optional(),
    text: z.string().trim().min(1, "must not be empty").max(LIMITS.text),
    kind: z.enum(["individual", "organizational"]).default("organizational"),
  })
  .strict();
export const roomProblemBody = z
  .object({
    verdict: z.enum(["right", "not_quite"]),
    text: z.string().trim().max(LIMITS.text).optional(),
    name: buyerName.optional(),
  })
  .strict()
  .refine((b) => b.verdict === "right" || Boolean(b.text), {
    message: "say how you see the problem",
    path: ["text"],
  });
export const roomCheckInBody = z
  .object({
    stakeholderName: buyerName,
    role: z.string().trim().max(100).optional(),
    ratings,
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();
export const roomOk = z.object({ ok: z.literal(true) });
