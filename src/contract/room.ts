import { z } from "zod";
import { id, LIMITS, ratings, timestamp, version } from "./common.ts";
import { roomSuccess } from "./success.ts";

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
      quantified: z.boolean(),
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
  /** The stakeholder whose own link this is: the room greets them and never asks their name. */
  you: z.object({ name: z.string() }).nullable(),
  /** After the sale: the success measures the customer is asked about; null before the win. */
  success: roomSuccess.nullable(),
});

export type RoomView = z.infer<typeof roomView>;

export const roomParams = z.object({ token: z.string().min(10).max(100) });

export const roomStepParams = roomParams.extend({ stepId: z.uuid({ message: "must be a UUID" }) });

const buyerName = z.string().trim().min(1, "tell us your name").max(200);

export const roomStepBody = z
  .object({ status: z.enum(["not_started", "in_progress", "done"]), name: buyerName.optional() })
  .strict();

export const roomCommentBody = z
  .object({ name: buyerName.optional(), body: z.string().trim().min(1, "must not be empty").max(2000) })
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
    /** Required on a general link; on a stakeholder's own link the check-in is theirs whatever is typed. */
    stakeholderName: buyerName.optional(),
    role: z.string().trim().max(100).optional(),
    ratings,
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();

export const roomOk = z.object({ ok: z.literal(true) });

export const shareLinkBody = z
  .object({
    label: z.string().trim().min(1, "say who it is for").max(200).optional(),
    /** A stakeholder's own link: what comes through it is theirs. */
    stakeholderId: id.optional(),
    expiresAt: z.iso.datetime({ offset: true, message: "must be an ISO date-time" }).optional(),
  })
  .strict()
  .refine((b) => b.label || b.stakeholderId, { message: "say who it is for", path: ["label"] });

export const createdShareLink = z.object({
  id,
  url: z.string(),
  token: z.string().describe("Shown only in this answer; only its hash is stored"),
  label: z.string(),
  expiresAt: timestamp,
});

export const shareLink = z.object({
  id,
  decisionId: id,
  label: z.string(),
  expiresAt: timestamp,
  revokedAt: timestamp.nullable(),
  createdAt: timestamp,
  createdByName: z.string(),
  /** Whose own link this is; null for a general link, whose answers are unverified. */
  stakeholderId: id.nullable(),
  stakeholderName: z.string().nullable(),
  lastVisitAt: timestamp.nullable(),
  /** Visits: stretches of use of the room (opening it or acting in it), not reloads of its data. */
  visits: z.number(),
  active: z.boolean(),
});

export const shareLinkList = z.object({ items: z.array(shareLink) });

export const checkIn = z.object({
  id,
  stakeholderId: id.nullable(),
  /** Through the stakeholder's own link; a general link's check-in carries only the name typed. */
  verified: z.boolean(),
  stakeholderName: z.string(),
  role: z.string().nullable(),
  ratings,
  comment: z.string().nullable(),
  at: timestamp,
});

export const consensus = z.object({
  people: z.array(
    z.object({
      name: z.string(),
      stakeholderId: id.nullable(),
      role: z.string().nullable(),
      influence: z.string().nullable(),
      stance: z
        .object({ problem: z.string(), approach: z.string(), us: z.string(), timing: z.string() })
        .nullable(),
      latest: checkIn.nullable(),
      history: z.array(z.object({ at: timestamp, average: z.number(), agreement: z.number() })),
    }),
  ),
  divergences: z.array(z.string()),
  trend: z.array(z.object({ at: timestamp, average: z.number() })),
});

export const correction = z.object({
  id,
  verdict: z.enum(["right", "not_quite"]),
  text: z.string().nullable(),
  proposedBy: z.string().nullable(),
  verified: z.boolean(),
  status: z.enum(["proposed", "accepted", "dismissed"]),
  createdAt: timestamp,
  version,
});

export const resolveCorrectionBody = z
  .object({ version, status: z.enum(["accepted", "dismissed"]) })
  .strict();

export const activity = z.object({
  id: z.number(),
  decisionId: id,
  decisionTitle: z.string(),
  kind: z.string(),
  summary: z.string(),
  at: timestamp,
});

export const activityList = z.object({ items: z.array(activity) });

export const activityQuery = z.object({
  decisionId: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(30),
});
