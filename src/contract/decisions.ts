import { z } from "zod";
import {
  CONCERN_CATEGORIES,
  CONCERN_KINDS,
  CONCERN_STATUSES,
  INFLUENCE,
  OUTCOMES,
  PERIODS,
  SEVERITIES,
  STAKEHOLDER_ROLES,
  STANCES,
} from "../domain/decision/model.ts";
import { DIMENSIONS } from "../domain/readiness/dimension.ts";
import { MILESTONES } from "../domain/readiness/milestone.ts";
import {
  confidenceRatings,
  currency,
  customerConfidence,
  decisionSource,
  id,
  isoDate,
  money,
  name,
  optionalShort,
  optionalText,
  short,
  text,
  timestamp,
  version,
} from "./common.ts";

export const FORECAST_CATEGORIES = ["omitted", "pipeline", "best_case", "commit"] as const;

// ---------- the decision and its parts ----------
export const problem = z
  .object({
    statement: optionalText,
    saidBy: id.nullable().optional(),
    rootCause: optionalText,
    currentApproach: optionalText,
  })
  .strict();

export const impact = z
  .object({
    recurringCost: z
      .object({ amount: money, period: z.enum(PERIODS) })
      .nullable()
      .optional(),
    risks: z
      .array(
        z.object({
          description: short.min(1, "must not be empty"),
          amount: money,
          likelihood: z.number().min(0).max(100),
        }),
      )
      .max(50)
      .optional(),
    assumptions: optionalText,
    confirmedBy: id.nullable().optional(),
  })
  .strict();

export const trigger = z
  .object({
    event: optionalText,
    date: isoDate.nullable().optional(),
    dateOwner: z.enum(["customer", "ours"]).nullable().optional(),
  })
  .strict();

const outcomeSought = z
  .object({ measure: short.min(1, "must not be empty"), current: optionalShort, target: optionalShort })
  .strict();

const option = z
  .object({
    name: short.min(1, "must not be empty"),
    notes: optionalText,
    isDoNothing: z.boolean().optional(),
  })
  .strict();

export const decisionProcess = z
  .object({
    steps: z
      .array(
        z
          .object({
            name: short.min(1, "must not be empty"),
            who: optionalShort,
            date: isoDate.nullable().optional(),
          })
          .strict(),
      )
      .max(100)
      .optional(),
    approverIds: z.array(id).max(50).optional(),
  })
  .strict();

const decisionFields = {
  ownerId: id.optional(),
  valueAmount: money.nullable().optional(),
  currency: currency.optional(),
  targetDate: isoDate.nullable().optional(),
  problem: problem.optional(),
  impact: impact.optional(),
  trigger: trigger.optional(),
  outcomesSought: z.array(outcomeSought).max(50).optional(),
  options: z.array(option).max(50).optional(),
  criteria: z.array(short.min(1, "must not be empty")).max(50).optional(),
  process: decisionProcess.optional(),
  sellerConfidence: confidenceRatings.optional(),
  outcome: z.enum(OUTCOMES).optional(),
  forecastCategory: z.enum(FORECAST_CATEGORIES).optional(),
  outcomeReason: optionalText,
  outcomeDate: isoDate.nullable().optional(),
  notes: optionalText,
};

export const createDecisionBody = z.object({ accountId: id, title: name, ...decisionFields }).strict();

export const updateDecisionBody = z
  .object({ version, title: name.optional(), accountId: id.optional(), ...decisionFields })
  .strict();

export type CreateDecisionBody = z.input<typeof createDecisionBody>;

export type UpdateDecisionBody = z.input<typeof updateDecisionBody>;

export const stance = z.enum(STANCES);

export const stanceSet = z.object({ problem: stance, approach: stance, us: stance, timing: stance });

export const involvementBody = z
  .object({
    stakeholderId: id,
    role: z.enum(STAKEHOLDER_ROLES),
    influence: z.enum(INFLUENCE).optional(),
    personalStake: optionalText,
    stance: stanceSet.partial().optional(),
  })
  .strict();

export const updateInvolvementBody = involvementBody
  .omit({ stakeholderId: true })
  .partial()
  .extend({ version })
  .strict();

export const involvement = z.object({
  id,
  decisionId: id,
  stakeholderId: id,
  stakeholderName: z.string(),
  stakeholderTitle: z.string().nullable(),
  role: z.enum(STAKEHOLDER_ROLES),
  influence: z.enum(INFLUENCE),
  personalStake: z.string().nullable(),
  stance: stanceSet,
  version,
});

export type Involvement = z.infer<typeof involvement>;

export const concernBody = z
  .object({
    text: text.trim().min(1, "must not be empty"),
    kind: z.enum(CONCERN_KINDS),
    category: z.enum(CONCERN_CATEGORIES),
    raisedBy: id.nullable().optional(),
    severity: z.enum(SEVERITIES).optional(),
    status: z.enum(CONCERN_STATUSES).optional(),
    response: optionalText,
  })
  .strict();

export const updateConcernBody = concernBody.partial().extend({ version }).strict();

export const concern = z.object({
  id,
  decisionId: id,
  text: z.string(),
  kind: z.enum(CONCERN_KINDS),
  category: z.enum(CONCERN_CATEGORIES),
  raisedBy: id.nullable(),
  raisedByName: z.string().nullable(),
  severity: z.enum(SEVERITIES),
  status: z.enum(CONCERN_STATUSES),
  response: z.string().nullable(),
  createdAt: timestamp,
  version,
});

export type Concern = z.infer<typeof concern>;

export const readiness = z.object({
  overall: z.number(),
  milestone: z.enum(MILESTONES),
  next: z.object({ milestone: z.enum(MILESTONES), missing: z.array(z.string()) }).nullable(),
  weakest: z.enum(DIMENSIONS),
  dimensions: z.array(
    z.object({
      key: z.enum(DIMENSIONS),
      score: z.number(),
      evidence: z.array(z.string()),
      gaps: z.array(z.object({ key: z.string(), text: z.string(), question: z.string() })),
    }),
  ),
  costOfWaiting: z.object({
    /** False when no one has put a figure on it: the zeros then mean unknown. */
    quantified: z.boolean(),
    perMonth: z.number(),
    riskExposure: z.number(),
    monthsToTarget: z.number(),
    untilTarget: z.number(),
    currency: z.string(),
  }),
});

export type ReadinessView = z.infer<typeof readiness>;

const decisionCore = {
  id,
  title: z.string(),
  accountId: id,
  accountName: z.string(),
  ownerId: id,
  ownerName: z.string(),
  valueAmount: z.number().nullable(),
  currency: z.string(),
  targetDate: z.string().nullable(),
  outcome: z.enum(OUTCOMES),
  forecastCategory: z.enum(FORECAST_CATEGORIES),
  readiness: z.number(),
  milestone: z.enum(MILESTONES),
  weakestDimension: z.enum(DIMENSIONS).nullable(),
  costOfWaitingMonthly: z.number(),
  updatedAt: timestamp,
  version,
};

export const decisionCard = z.object({ ...decisionCore, problemHeadline: z.string().nullable() });

export type DecisionCard = z.infer<typeof decisionCard>;

export const decision = z.object({
  ...decisionCore,
  problem: z.object({
    statement: z.string().nullable(),
    saidBy: id.nullable(),
    rootCause: z.string().nullable(),
    currentApproach: z.string().nullable(),
  }),
  impact: z.object({
    recurringCost: z.object({ amount: z.number(), period: z.enum(PERIODS) }).nullable(),
    risks: z.array(z.object({ description: z.string(), amount: z.number(), likelihood: z.number() })),
    assumptions: z.string().nullable(),
    confirmedBy: id.nullable(),
  }),
  trigger: z.object({
    event: z.string().nullable(),
    date: z.string().nullable(),
    dateOwner: z.enum(["customer", "ours"]).nullable(),
  }),
  outcomesSought: z.array(
    z.object({ measure: z.string(), current: z.string().nullable(), target: z.string().nullable() }),
  ),
  options: z.array(z.object({ name: z.string(), notes: z.string().nullable(), isDoNothing: z.boolean() })),
  criteria: z.array(z.string()),
  process: z.object({
    steps: z.array(z.object({ name: z.string(), who: z.string().nullable(), date: z.string().nullable() })),
    approverIds: z.array(id),
  }),
  sellerConfidence: confidenceRatings,
  outcomeReason: z.string().nullable(),
  outcomeDate: z.string().nullable(),
  notes: z.string().nullable(),
  source: decisionSource,
  createdAt: timestamp,
});

export type Decision = z.infer<typeof decision>;

export const decisionDetail = decision.extend({
  involvements: z.array(involvement),
  concerns: z.array(concern),
  readinessDetail: readiness,
  confidence: customerConfidence,
  canEdit: z.boolean(),
});

export type DecisionDetail = z.infer<typeof decisionDetail>;

export const DECISION_SORTS = [
  "readiness",
  "-readiness",
  "value",
  "-value",
  "targetDate",
  "-targetDate",
  "costOfWaiting",
  "-costOfWaiting",
  "updated",
  "-updated",
] as const;

export const decisionListQuery = z
  .object({
    owner: z.union([id, z.literal("me")]).optional(),
    team: id.optional(),
    account: id.optional(),
    outcome: z.enum(OUTCOMES).optional(),
    milestone: z.enum(MILESTONES).optional(),
    readinessBelow: z.coerce.number().int().min(0).max(101).optional(),
    targetFrom: isoDate.optional(),
    targetTo: isoDate.optional(),
    q: z.string().max(200).optional(),
    sort: z.enum(DECISION_SORTS).default("-updated"),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .refine((q) => !q.targetFrom || !q.targetTo || q.targetFrom <= q.targetTo, {
    message: "must not be after targetTo",
    path: ["targetFrom"],
  });

export type DecisionListQuery = z.infer<typeof decisionListQuery>;

export const decisionList = z.object({ items: z.array(decisionCard), nextCursor: z.string().nullable() });

export const boardQuery = z.object({
  owner: z.union([id, z.literal("me")]).optional(),
  team: id.optional(),
  account: id.optional(),
  perColumn: z.coerce.number().int().min(1).max(100).default(20),
});

export const board = z.object({
  columns: z.array(
    z.object({
      milestone: z.enum(MILESTONES),
      count: z.number(),
      more: z.boolean().describe("true when there are more decisions than count (counts stop at 1,000)"),
      items: z.array(decisionCard),
    }),
  ),
});
