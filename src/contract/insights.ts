import { z } from "zod";
import { id, isoDate } from "./common.ts";

export const insightsQuery = z
  .object({
    teamId: id.optional().describe("only this team's sellers"),
    memberId: id.optional().describe("only this seller"),
    from: isoDate
      .optional()
      .describe("start of the period for activity and closed decisions (default: all time)"),
    to: isoDate.optional().describe("end of the period (default: today)"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be after `to`", path: ["from"] });

const share = z.object({ count: z.number(), of: z.number(), rate: z.number().nullable(), words: z.string() });
const side = z.object({
  n: z.number(),
  winRate: z.number().nullable(),
  noDecisionRate: z.number().nullable(),
  cycleDays: z.number().nullable(),
});
const outcomes = z.object({
  closed: z.number(),
  won: z.number(),
  lost: z.number(),
  noDecision: z.number(),
  winRate: z.number().nullable(),
  noDecisionRate: z.number().nullable().describe("no decision is an outcome of its own, beside won and lost"),
  cycleDays: z.number().nullable(),
});
const sellerFigures = z.object({
  open: z.number(),
  openValue: z.number(),
  help: z.record(z.string(), share).describe("per help-first metric: open decisions with the evidence"),
  outcomes,
  activity: z.object({
    conversations: z.number(),
    stepsAdded: z.number(),
    changes: z.number(),
    reviews: z.number(),
  }),
  conversations: z.object({
    analysed: z.number(),
    talkShare: z.number().nullable().describe("the seller's mean share of the words, 0–1"),
    insightQuestions: z.number().nullable().describe("insight questions per analysed conversation"),
  }),
  sellerCentricReviews: share,
});

export const insights = z.object({
  period: z.object({ from: z.string().nullable(), to: z.string() }),
  currency: z.string(),
  metrics: z.array(z.object({ key: z.string(), label: z.string(), definition: z.string() })),
  total: sellerFigures,
  sellers: z.array(sellerFigures.extend({ memberId: id, name: z.string(), teamId: id.nullable() })),
  relations: z.array(
    z.object({
      metric: z.string(),
      label: z.string(),
      withIt: side,
      without: side,
      enough: z.boolean(),
      summary: z.string(),
    }),
  ),
  pipeline: z.object({
    byMilestone: z.array(z.object({ milestone: z.string(), count: z.number(), value: z.number() })),
    byReadiness: z.array(z.object({ band: z.string(), count: z.number(), value: z.number() })),
  }),
  trend: z.array(
    z.object({
      month: z.string(),
      opened: z.number(),
      won: z.number(),
      noDecision: z.number(),
      problemInWords: z.number(),
      costQuantified: z.number(),
      economicBuyer: z.number(),
      buyerConfirmed: z.number(),
    }),
  ),
  noDecisionReasons: z.array(z.object({ reason: z.string(), count: z.number() })),
});
export type Insights = z.infer<typeof insights>;

export const risksQuery = z.object({
  teamId: id.optional(),
  memberId: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const flag = z.object({
  key: z.string(),
  title: z.string(),
  evidence: z.string().describe("what on record raised it"),
  help: z.enum(["recommend", "limit_exploration", "take_risk_off"]),
  helpLabel: z.string(),
  advice: z.string().describe("the help to offer the customer"),
});

export const risks = z.object({
  open: z.number(),
  flagged: z.number(),
  byFlag: z.array(z.object({ key: z.string(), title: z.string(), count: z.number() })),
  items: z.array(
    z.object({
      decisionId: id,
      title: z.string(),
      accountName: z.string(),
      ownerName: z.string(),
      valueAmount: z.number().nullable(),
      currency: z.string(),
      milestone: z.string(),
      readiness: z.number(),
      flags: z.array(flag),
    }),
  ),
});
export type Risks = z.infer<typeof risks>;

const range = z.object({ expected: z.number(), low: z.number(), high: z.number() });

export const forecast = z.object({
  currency: z.string(),
  model: z.object({
    trainedOn: z.object({ n: z.number(), won: z.number(), lost: z.number(), noDecision: z.number() }),
    notes: z.array(z.string()),
  }),
  byMonth: z.array(range.extend({ month: z.string(), count: z.number() })),
  byQuarter: z.array(range.extend({ quarter: z.string(), count: z.number() })),
  categories: z.array(
    z.object({
      category: z.string(),
      count: z.number(),
      value: z.number(),
      expected: z.number(),
      said: z.string(),
    }),
  ),
  items: z.array(
    z.object({
      decisionId: id,
      title: z.string(),
      accountName: z.string(),
      ownerName: z.string(),
      valueAmount: z.number().nullable(),
      currency: z.string(),
      category: z.string(),
      won: z.number(),
      lost: z.number(),
      noDecision: z.number(),
      closeMonth: z.string(),
      closeWhy: z.string(),
      why: z.array(z.string()),
    }),
  ),
  actual: z
    .array(
      z.object({
        at: z.string(),
        model: z.number(),
        baseline: z.number(),
        actual: z.number(),
      }),
    )
    .describe(
      "forecast vs actual: won value expected within 3 months at the start of each past month, and what came",
    ),
});
export type Forecast = z.infer<typeof forecast>;

export const backtest = z.object({
  enough: z.boolean(),
  why: z.string(),
  report: z
    .object({
      n: z.number(),
      brier: z.object({ model: z.number(), baseline: z.number() }),
      relativeGain: z.number(),
      ci95: z.tuple([z.number(), z.number()]),
      logLoss: z.object({ model: z.number(), baseline: z.number() }),
      auc: z.object({ model: z.number(), baseline: z.number() }),
      ece: z.object({ model: z.number(), baseline: z.number() }),
      revenueError: z.object({ model: z.number(), baseline: z.number() }).nullable(),
      calibration: z.array(
        z.object({ bin: z.number(), n: z.number(), predicted: z.number(), actual: z.number() }),
      ),
      notes: z.array(z.string()),
    })
    .nullable(),
});
export type Backtest = z.infer<typeof backtest>;

export const quarters = z.object({
  currency: z.string(),
  weeks: z.array(
    z.object({
      week: z.number(),
      closes: z.number(),
      discounted: z.number(),
      meanDepth: z.number().nullable(),
    }),
  ),
  firstWeeks: z.number(),
  lastWeeks: z.number(),
  ratio: z.number().nullable(),
  said: z.string(),
  marginGiven: z.number().describe("list price minus close value over won decisions closed below list price"),
  concessions: z
    .object({ withIt: side, without: side, enough: z.boolean(), summary: z.string() })
    .describe("how decided decisions ended with an approved concession and without"),
  trainedToWait: z.array(
    z.object({
      accountId: id,
      accountName: z.string(),
      decided: z.number(),
      discountedAtQuarterEnd: z.number(),
    }),
  ),
});
export type Quarters = z.infer<typeof quarters>;

export const INSIGHT_TABLES = [
  "sellers",
  "relations",
  "risks",
  "forecast",
  "months",
  "weeks",
  "trend",
] as const;
export const exportParams = z.object({ table: z.enum(INSIGHT_TABLES) });
