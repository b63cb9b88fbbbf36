import { z } from "zod";
import { id, isoDate, LIMITS, optionalShort, short, timestamp, version } from "./common.ts";

/** After the sale: the success measures of a won decision and what the customer reported on them. */
export const reached = z.enum(["yes", "partly", "no"]);
export const decideAgain = z.enum(["yes", "unsure", "no"]);
export const delivery = z.enum(["none", "delivered", "missed", "awaiting", "in_progress"]);
export const measureState = z.enum(["not_due", "on_the_way", "awaiting", "met", "partly", "missed"]);

export const successMeasureBody = z
  .object({
    measure: short.min(1, "must not be empty"),
    baseline: optionalShort.describe("what it was before, in the customer's terms"),
    target: optionalShort.describe("what the customer aims for"),
    dueOn: isoDate.describe("by when; the customer is asked on this day"),
  })
  .strict();
export type SuccessMeasureBody = z.infer<typeof successMeasureBody>;

export const successMeasurePatch = successMeasureBody.partial().extend({ version }).strict();

export const said = z.object({ value: z.string(), reached, on: z.string(), by: z.string() });

export const successMeasure = z.object({
  id,
  decisionId: id,
  measure: z.string(),
  baseline: z.string().nullable(),
  target: z.string().nullable(),
  dueOn: z.string(),
  state: measureState,
  progress: z
    .number()
    .nullable()
    .describe("0 at the baseline, 1 at the target, when the figures are numbers"),
  flagged: z.boolean().describe("not reached by its date: the promised outcome was missed"),
  why: z.string(),
  latest: said.nullable(),
  version,
});
export type SuccessMeasure = z.infer<typeof successMeasure>;

export const successReport = z.object({
  id,
  reporterName: z.string(),
  verified: z.boolean().describe("came through the person's own link, or was recorded by a member"),
  recordedBy: z
    .string()
    .nullable()
    .describe("the member who recorded it from a conversation; null from the room"),
  decideAgain,
  inTheWay: z.string().nullable(),
  values: z.array(z.object({ measureId: id, measure: z.string(), value: z.string(), reached })),
  createdAt: timestamp,
});

export const successView = z.object({
  decisionId: id,
  won: z.boolean(),
  delivery,
  deliveryWords: z.string(),
  why: z.string(),
  measures: z.array(successMeasure),
  reports: z.array(successReport),
});
export type SuccessView = z.infer<typeof successView>;

const reportFields = {
  values: z
    .array(z.object({ measureId: id, value: short.min(1, "say where it stands now"), reached }).strict())
    .min(1, "say where at least one measure stands")
    .max(50, "must be at most 50 measures"),
  decideAgain,
  inTheWay: z.string().trim().max(LIMITS.text).nullable().optional(),
};

/** A member records what the customer said (in a call, a meeting), naming who said it. */
export const successReportBody = z
  .object({ reporterName: short.min(1, "say who said it"), ...reportFields })
  .strict();
export type SuccessReportBody = z.infer<typeof successReportBody>;

/** The customer reports in the buyer room; on a general link they say who they are. */
export const roomSuccessBody = z
  .object({ name: z.string().trim().min(1, "tell us your name").max(200).optional(), ...reportFields })
  .strict();
export type RoomSuccessBody = z.infer<typeof roomSuccessBody>;

/** What the buyer room shows of the success measures: the measures and where the customer last left them. */
export const roomSuccess = z.object({
  due: z.boolean().describe("a measure's date has come and the customer has not said since"),
  measures: z.array(
    z.object({
      id,
      measure: z.string(),
      baseline: z.string().nullable(),
      target: z.string().nullable(),
      dueOn: z.string(),
      latest: said.nullable(),
    }),
  ),
});

export const deliveredQuery = z.object({ teamId: id.optional(), memberId: id.optional() }).strict();

const share = z.object({
  delivered: z.number().int(),
  missed: z.number().int(),
  awaiting: z.number().int(),
  of: z.number().int(),
  rate: z.number().nullable(),
  words: z.string(),
});

export const deliveredInsights = z.object({
  overall: share,
  perSeller: z.array(share.extend({ memberId: id, name: z.string() })),
  missed: z.array(
    z.object({
      decisionId: id,
      title: z.string(),
      accountName: z.string(),
      ownerName: z.string(),
      why: z.string(),
    }),
  ),
});
export type DeliveredInsights = z.infer<typeof deliveredInsights>;

export const accountSuccess = z.object({
  items: z.array(
    z.object({
      decisionId: id,
      title: z.string(),
      wonOn: z.string().nullable(),
      delivery,
      deliveryWords: z.string(),
      why: z.string(),
    }),
  ),
});
export type AccountSuccess = z.infer<typeof accountSuccess>;
