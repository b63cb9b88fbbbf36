import type { Kysely } from "kysely";
import type { Backtest, Forecast, Insights, Quarters, Risks } from "../../../contract/insights.ts";
import type { DeliveredInsights } from "../../../contract/success.ts";
import { RangeSum } from "../../../domain/forecast/decision-forecast.ts";
import { type CohortRow, emptyCohort, type SellerOutcomes } from "../../../domain/insights/decided.ts";
import {
  HELP_METRICS,
  METRIC_WORDS,
  type OutcomeCounts,
  relationOf,
  shareWords,
} from "../../../domain/insights/metrics.ts";
import {
  EDGE_DAYS,
  MIN_ACCOUNT_DECISIONS,
  trainedToWait,
  weekOfQuarter,
} from "../../../domain/insights/quarter.ts";
import { HELP, RISK_FLAGS, RISK_WORDS, riskFlags } from "../../../domain/insights/risk.ts";
import type { DecisionSignals } from "../../../domain/insights/signals.ts";
import { MILESTONES } from "../../../domain/readiness/milestone.ts";
import { deliveredShare } from "../../../domain/success/delivery.ts";
import { DAY_MS } from "../../../domain/time.ts";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { visibilityOf } from "../decisions/access.service.ts";
import { judgedSuccess } from "../success/success.service.ts";
import { teamOf } from "../teams/teams.service.ts";
import { decidedTallyOf } from "./decided-facts.ts";
import {
  activityBySeller,
  changesByMember,
  closedForForecast,
  type ForecastRow,
  type OpenFactRow,
  openFacts,
  openForForecast,
  openForRisk,
  openStamps,
  pipelineHistory,
  type Scope,
  type SellerActivityRow,
  wonWithMeasures,
} from "./insights.repo.ts";
import { type Chance, chanceOf, forecastItem } from "./learn.ts";
import { type Learnt, learnOffThread } from "./learner.ts";
import { perDecision, type Worked } from "./per-decision.ts";
import { shownDecision } from "./shown.ts";
import { whileDecidedUnchanged, whileUnchanged } from "./unchanged.ts";

export interface ScopeQuery {
  teamId?: string | undefined;
  memberId?: string | undefined;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function scopeOf(db: Kysely<Database>, actor: SignedIn, query: ScopeQuery): Promise<Scope> {
  if (query.teamId) await teamOf(db, actor.workspaceId, query.teamId);
  return {
    workspaceId: actor.workspaceId,
    visibility: visibilityOf(actor),
    teamId: query.teamId ?? null,
    memberId: query.memberId ?? null,
  };
}

const rate = (count: number, of: number) => (of ? count / of : null);
const share = (count: number, of: number) => ({
  count,
  of,
  rate: rate(count, of),
  words: shareWords(count, of),
});

/** What a seller did in the period: their activity, how their decisions ended, the changes they made. */
type SellerPeriodRow = SellerActivityRow & Omit<SellerOutcomes, "owner_id"> & { changes: number };

function figures(o: SellerOpenRow | undefined, a: SellerPeriodRow | undefined) {
  const closed = a?.closed ?? 0;
  return {
    open: o?.open ?? 0,
    openValue: o?.open_value ?? 0,
    help: Object.fromEntries(HELP_METRICS.map((m) => [m, share(o?.[m] ?? 0, o?.open ?? 0)])),
    outcomes: {
      closed,
      won: a?.won ?? 0,
      lost: a?.lost ?? 0,
      noDecision: a?.no_decision ?? 0,
      winRate: rate(a?.won ?? 0, closed),
      noDecisionRate: rate(a?.no_decision ?? 0, closed),
      cycleDays: closed ? Math.round((a?.cycle_days ?? 0) / closed) : null,
    },
    activity: {
      conversations: a?.conversations ?? 0,
      stepsAdded: a?.steps_added ?? 0,
      changes: a?.changes ?? 0,
      reviews: a?.reviews ?? 0,
    },
    conversations: {
      analysed: a?.analysed ?? 0,
      talkShare: a?.analysed ? (a.talk_share_sum ?? 0) / a.analysed : null,
      insightQuestions: a?.analysed ? a.insight_questions / a.analysed : null,
    },
    sellerCentricReviews: share(a?.seller_centric_reviews ?? 0, a?.reviews ?? 0),
  };
}

/** The line for everyone shown: each seller row's figures added up (a missing figure counts as none). */
function summed<T extends object>(rows: T[]): T | undefined {
  if (!rows.length) return undefined;
  const total: Record<string, number> = {};
  for (const row of rows)
    for (const [key, value] of Object.entries(row))
      if (typeof value === "number" || value === null) total[key] = (total[key] ?? 0) + (value ?? 0);
  return total as T;
}

/** A group's outcome counts as read from the database; none when the group is empty. */
const outcomeCounts = (
  r: { n: number; won: number; lost: number; no_decision: number; cycle_days: number } | undefined,
): OutcomeCounts =>
  r
    ? { n: r.n, won: r.won, lost: r.lost, noDecision: r.no_decision, cycleDays: r.cycle_days }
    : { n: 0, won: 0, lost: 0, noDecision: 0, cycleDays: 0 };

const BANDS = ["0–19", "20–39", "40–59", "60–79", "80–100"];

const COHORT_COUNTS = [
  "opened",
  "won",
  "no_decision",
  "problem_in_words",
  "cost_quantified",
  "economic_buyer",
  "buyer_confirmed",
] as const;

/** A seller's open decisions: how many, their value, and how many carry each piece of customer evidence. */
type SellerOpenRow = {
  owner_id: string;
  owner_name: string;
  team_id: string | null;
  open: number;
  open_value: number | null;
} & Record<(typeof HELP_METRICS)[number], number>;

/** Each open decision's evidence, kept while it, its parts, the names shown and the day stay the same. */
const factsKept = perDecision<OpenFactRow>();

/** Readiness in bands of twenty: 0–19 … 80–100. */
const bandOf = (readiness: number) => Math.min(Math.floor(readiness / 20), 4);

/** Per seller: open decisions, their value, and how many carry each piece of customer evidence. */
function bySeller(facts: OpenFactRow[]): SellerOpenRow[] {
  const sellers = new Map<string, SellerOpenRow>();
  for (const f of facts) {
    let row = sellers.get(f.owner_id);
    if (!row) {
      row = {
        owner_id: f.owner_id,
        owner_name: f.owner_name,
        team_id: f.team_id,
        open: 0,
        open_value: null,
        ...(Object.fromEntries(HELP_METRICS.map((m) => [m, 0])) as Record<
          (typeof HELP_METRICS)[number],
          number
        >),
      };
      sellers.set(f.owner_id, row);
    }
    row.open++;
    if (f.value_amount !== null) row.open_value = (row.open_value ?? 0) + f.value_amount;
    for (const m of HELP_METRICS) if (f[m]) row[m]++;
  }
  return [...sellers.values()];
}

/** The open decisions by the month they were opened, when known. */
function openCohorts(facts: OpenFactRow[]): CohortRow[] {
  const months = new Map<string, CohortRow>();
  for (const f of facts) {
    if (!f.month) continue;
    if (!months.has(f.month)) months.set(f.month, emptyCohort(f.month));
    const row = months.get(f.month)!;
    row.opened++;
    row.problem_in_words += Number(f.problem_in_words);
    row.cost_quantified += Number(f.cost_quantified);
    row.economic_buyer += Number(f.economic_buyer);
    row.buyer_confirmed += Number(f.buyer_confirmed);
  }
  return [...months.values()];
}

/** The cohorts of the `months` months up to the latest one, open and decided added up per month. */
function lastMonths(rows: CohortRow[], months: number): CohortRow[] {
  const byMonth = new Map<string, CohortRow>();
  for (const r of rows) {
    const sum = byMonth.get(r.month);
    if (!sum) byMonth.set(r.month, { ...r });
    else for (const k of COHORT_COUNTS) sum[k] += r[k];
  }
  const sorted = [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
  const latest = sorted.at(-1)?.month;
  if (!latest) return [];
  const [y, m] = latest.split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - months, 1)).toISOString().slice(0, 7);
  return sorted.filter((r) => r.month >= first);
}

/** The currency most decisions are in: the one sums are shown in. */
function mostOf(counts: { currency: string; n: number }[]) {
  const total = new Map<string, number>();
  for (const c of counts) total.set(c.currency, (total.get(c.currency) ?? 0) + c.n);
  return [...total].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "USD";
}

const dayBefore = (day: string) => isoDay(new Date(Date.parse(day) - DAY_MS));

// The change log only grows at the present: the changes made before today are counted once a day (per app
// server) and today's are counted on each request.
const settled = new Map<string, Promise<Map<string, number>>>();

const countsOf = async (rows: Promise<{ member_id: string; changes: number }[]>) =>
  new Map((await rows).map((r) => [r.member_id, r.changes]));

/** Per member, the changes they made in the period. */
async function changesIn(db: Kysely<Database>, workspaceId: string, from: string, to: string, today: string) {
  if (to < today) return countsOf(changesByMember(db, workspaceId, from, to));
  const key = JSON.stringify([workspaceId, from, today]);
  let before = settled.get(key);
  if (!before) {
    before = countsOf(changesByMember(db, workspaceId, from, dayBefore(today)));
    if (settled.size > 500) settled.delete(settled.keys().next().value!);
    settled.set(key, before);
    before.catch(() => settled.delete(key));
  }
  const [earlier, latest] = await Promise.all([
    before,
    countsOf(changesByMember(db, workspaceId, today, to)),
  ]);
  const total = new Map(earlier);
  for (const [member, n] of latest) total.set(member, (total.get(member) ?? 0) + n);
  return total;
}

/** The help-first metrics per seller and in total, how each related to outcomes, the pipeline and trends. */
export const insightsView = (
  db: Kysely<Database>,
  actor: SignedIn,
  query: ScopeQuery & { from?: string | undefined; to?: string | undefined },
  now = new Date(),
): Promise<Insights> =>
  whileUnchanged(db, actor, "insightsView", query, isoDay(now), () => insightsFigures(db, actor, query, now));

async function insightsFigures(
  db: Kysely<Database>,
  actor: SignedIn,
  query: ScopeQuery & { from?: string | undefined; to?: string | undefined },
  now = new Date(),
): Promise<Insights> {
  const scope = await scopeOf(db, actor, query);
  const today = isoDay(now);
  const from = query.from ?? "0001-01-01";
  const to = query.to ?? today;
  const [facts, doing, decided, changes] = await Promise.all([
    openStamps(db, scope).then((open) =>
      factsKept(
        actor.workspaceId,
        { ...open, common: `${open.common}|${today}` },
        (ids) => openFacts(db, scope, today, ids),
        (r) => r,
      ),
    ),
    activityBySeller(db, scope, from, to),
    decidedTallyOf(db, scope, today),
    changesIn(db, actor.workspaceId, from, to, today),
  ]);
  const relations = decided.relations();
  const outcomes = decided.outcomesBySeller(from, to);
  const cohorts = decided.decidedCohorts();
  const currencies = decided.decidedCurrencies();
  const open = bySeller(facts);
  const trend = lastMonths([...cohorts, ...openCohorts(facts)], 12);
  const currency = mostOf([...currencies, ...facts.map((f) => ({ currency: f.currency, n: 1 }))]);
  const activity: SellerPeriodRow[] = doing.map((a) => {
    const o = outcomes.find((r) => r.owner_id === a.owner_id);
    return {
      ...a,
      closed: o?.closed ?? 0,
      won: o?.won ?? 0,
      lost: o?.lost ?? 0,
      no_decision: o?.no_decision ?? 0,
      cycle_days: o?.cycle_days ?? 0,
      changes: changes.get(a.owner_id) ?? 0,
    };
  });
  const sellers = [...new Set([...open.map((o) => o.owner_id), ...activity.map((a) => a.owner_id)])].map(
    (id) => {
      const o = open.find((r) => r.owner_id === id);
      const a = activity.find((r) => r.owner_id === id);
      return { memberId: id, name: (o ?? a)!.owner_name, teamId: (o ?? a)!.team_id, ...figures(o, a) };
    },
  );
  sellers.sort((x, y) => x.name.localeCompare(y.name));
  const counts = (metric: string, has: boolean) =>
    outcomeCounts(relations.find((x) => x.metric === metric && x.has === has));
  // The pipeline by milestone and by readiness band, in one pass over the open decisions.
  const byMilestone = MILESTONES.filter((m) => m !== "decided").map((milestone) => ({
    milestone,
    count: 0,
    value: 0,
  }));
  const byReadiness = BANDS.map((band) => ({ band, count: 0, value: 0 }));
  for (const f of facts)
    for (const stage of [
      byMilestone.find((m) => m.milestone === f.milestone),
      byReadiness[bandOf(f.readiness)],
    ])
      if (stage) {
        stage.count++;
        stage.value += f.value_amount ?? 0;
      }
  return {
    period: { from: query.from ?? null, to },
    currency,
    metrics: HELP_METRICS.map((key) => ({ key, ...METRIC_WORDS[key] })),
    total: figures(summed(open), summed(activity)),
    sellers,
    relations: HELP_METRICS.map((metric) => ({
      metric,
      label: METRIC_WORDS[metric].label,
      ...relationOf(METRIC_WORDS[metric].label, counts(metric, true), counts(metric, false)),
    })),
    pipeline: { byMilestone, byReadiness },
    trend: trend.map((t) => ({
      month: t.month,
      opened: t.opened,
      won: t.won,
      noDecision: t.no_decision,
      problemInWords: t.problem_in_words,
      costQuantified: t.cost_quantified,
      economicBuyer: t.economic_buyer,
      buyerConfirmed: t.buyer_confirmed,
    })),
    noDecisionReasons: decided.noDecisionReasons(10),
  };
}

const EMPTY_SIGNALS: DecisionSignals = {
  problemInWords: false,
  costQuantified: false,
  economicBuyer: false,
  buyerConfirmed: false,
  options: [],
  trigger: false,
  riskConcerns: [],
  confidence: null,
  confidenceDrop: null,
  disagreements: [],
};

/** Open decisions at risk of no decision, the most flagged first, each flag with its evidence and the help to offer. */
export const risksView = (
  db: Kysely<Database>,
  actor: SignedIn,
  query: ScopeQuery & { limit: number },
  now = new Date(),
): Promise<Risks> =>
  whileUnchanged(db, actor, "risksView", query, isoDay(now), () => risksFigures(db, actor, query, now));

const risksKept = perDecision<Risks["items"][number]>();

async function risksFigures(
  db: Kysely<Database>,
  actor: SignedIn,
  query: ScopeQuery & { limit: number },
  now = new Date(),
): Promise<Risks> {
  const scope = await scopeOf(db, actor, query);
  const today = isoDay(now);
  const open = await openStamps(db, scope);
  const items = await risksKept(
    actor.workspaceId,
    { ...open, common: `${open.common}|${today}` },
    (ids) => openForRisk(db, scope, today, ids),
    (r) => ({
      ...shownDecision(r),
      milestone: r.milestone,
      readiness: r.readiness,
      flags: riskFlags(
        {
          signals: { ...EMPTY_SIGNALS, ...(r.signals as Partial<DecisionSignals>) },
          targetDate: r.target_date,
          lateSteps: r.late_steps ?? [],
          learnedAt: new Date(r.learned_at).toISOString(),
        },
        now,
      ).map((f) => ({ ...f, helpLabel: HELP[f.help] })),
    }),
  );
  const flagged = items.filter((i) => i.flags.length);
  flagged.sort((a, b) => b.flags.length - a.flags.length || (b.valueAmount ?? 0) - (a.valueAmount ?? 0));
  return {
    open: items.length,
    flagged: flagged.length,
    byFlag: RISK_FLAGS.map((key) => ({
      key,
      title: RISK_WORDS[key],
      count: flagged.filter((i) => i.flags.some((f) => f.key === key)).length,
    })),
    items: flagged.slice(0, query.limit),
  };
}

/** How many of the latest closed decisions the forecast learns from: recent history, bounded work. */
const TRAINING_LIMIT = 5000;
/** How many decisions the workspace's own backtest replays (the most recently opened). */
const BACKTEST_LIMIT = 20000;

/** An open decision's chances, with what the totals read of it (its row is read again only to be listed). */
type Chanced = Chance & Pick<ForecastRow, "id" | "value_amount" | "currency" | "forecast_category">;

const chancedOf = (chance: Chance, r: ForecastRow): Chanced => ({
  ...chance,
  id: r.id,
  value_amount: r.value_amount,
  currency: r.currency,
  forecast_category: r.forecast_category,
});

/** A learning, numbered, with the open decisions' chances it worked out ahead for `chancesKept`. */
type Learned = Omit<Learnt, "chances"> & { serial: number; day: string; ahead: Worked<Chanced> };

/** Every decision of the workspace: the history, and the forecasts worked ahead, belong to the workspace. */
const wholeWorkspace = (workspaceId: string): Scope => ({
  workspaceId,
  visibility: { memberId: workspaceId, role: "admin" },
  teamId: null,
  memberId: null,
});

/** The part of the forecast kept per open decision: what changes with the decision, the day and the model. */
const forecastCommon = (stamps: string, day: string, serial: number) => `${stamps}|${day}|${serial}`;

/**
 * The model learned from the workspace's decided decisions (every owner's: the history belongs to the workspace),
 * learned again only when a change touches them: a pure function of the database, so every app server computes
 * the same and none needs to hear from the others. It is learned on a thread of its own, together with every
 * open decision's forecast, so that neither holds up requests.
 */
let learnings = 0;

const learnedFor = (db: Kysely<Database>, workspaceId: string, now = new Date()): Promise<Learned> =>
  whileDecidedUnchanged(
    db,
    { workspaceId, memberId: null, role: "workspace" },
    "learned",
    {},
    async () => {
      const serial = ++learnings;
      const day = isoDay(now);
      const scope = wholeWorkspace(workspaceId);
      // Stamps before rows: a decision changed in between is worked out again, never kept with an old stamp.
      const stamps = await openStamps(db, scope);
      const [closed, history, open] = await Promise.all([
        closedForForecast(db, workspaceId, TRAINING_LIMIT),
        pipelineHistory(db, workspaceId, BACKTEST_LIMIT),
        openForForecast(db, scope),
      ]);
      const { chances, ...learning } = await learnOffThread(closed, history, open, now);
      const stampOf = new Map(stamps.stamps.map((s) => [s.id, s.stamp]));
      const kept = new Map<string, { stamp: string; value: Chanced }>();
      open.forEach((row, i) => {
        const stamp = stampOf.get(row.id);
        if (stamp !== undefined) kept.set(row.id, { stamp, value: chancedOf(chances[i]!, row) });
      });
      return {
        ...learning,
        serial,
        day,
        ahead: { common: forecastCommon(stamps.common, day, serial), kept },
      };
    },
    (learned) => learned.took,
  );

const quarterOf = (month: string) =>
  `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

const CATEGORY_WORDS: Record<string, string> = {
  commit: "Commit",
  best_case: "Best case",
  pipeline: "Pipeline",
  omitted: "Omitted",
};

/** Each open decision's chances and expected close, expected won value by month and quarter, by category. */
export const forecastView = (
  db: Kysely<Database>,
  actor: SignedIn,
  query: ScopeQuery & { limit: number },
  now = new Date(),
): Promise<Forecast> =>
  whileUnchanged(db, actor, "forecastView", query, isoDay(now), () => forecastFigures(db, actor, query, now));

const chancesKept = perDecision<Chanced>();

async function forecastFigures(
  db: Kysely<Database>,
  actor: SignedIn,
  query: ScopeQuery & { limit: number },
  now = new Date(),
): Promise<Forecast> {
  const scope = await scopeOf(db, actor, query);
  const today = isoDay(now);
  const [entry, open] = await Promise.all([learnedFor(db, actor.workspaceId, now), openStamps(db, scope)]);
  const { model, cycles } = entry;
  // Each decision's chances hold while it, the day and the model do; the learning worked them out ahead. Why
  // is worked out only for the decisions listed.
  const chanced = await chancesKept(
    actor.workspaceId,
    { ...open, common: forecastCommon(open.common, today, entry.serial) },
    (ids) => openForForecast(db, scope, ids),
    (row) => chancedOf(chanceOf(model, cycles, row, now), row),
    entry.ahead,
  );
  // One pass over thousands of decisions: the totals by month, quarter and category, and the most likely value
  // won (the ones listed, with why).
  const currency = mostCommon(chanced.map((c) => c.currency)) ?? "USD";
  const months = new Map<string, RangeSum>();
  const quarters = new Map<string, RangeSum>();
  const categories = new Map(
    ["commit", "best_case", "pipeline"].map((c) => [c, { sum: new RangeSum(), unlikely: 0 }]),
  );
  const top: Chanced[] = [];
  const worth = (c: Chanced) => c.won * (c.value_amount ?? 0);
  for (const c of chanced) {
    if (top.length < query.limit || (top.length && worth(c) > worth(top.at(-1)!))) {
      const at = top.findIndex((t) => worth(c) > worth(t));
      top.splice(at === -1 ? top.length : at, 0, c);
      if (top.length > query.limit) top.pop();
    }
    const value = c.value_amount;
    if (c.currency !== currency || value === null) continue;
    sumAt(months, c.closeMonth).add(c.won, value);
    sumAt(quarters, quarterOf(c.closeMonth)).add(c.won, value);
    const category = categories.get(c.forecast_category);
    if (category) {
      category.sum.add(c.won, value);
      if (c.won < 0.3) category.unlikely++;
    }
  }
  const ranges = <K extends string>(sums: Map<string, RangeSum>, key: K) =>
    [...sums]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([at, sum]) =>
          ({ [key]: at, count: sum.count, ...sum.range() }) as Record<K, string> & {
            count: number;
            expected: number;
            low: number;
            high: number;
          },
      );
  return {
    currency,
    model: { trainedOn: model.trainedOn, notes: model.notes },
    byMonth: ranges(months, "month"),
    byQuarter: ranges(quarters, "quarter"),
    categories: [...categories].map(([category, { sum, unlikely }]) => ({
      category,
      count: sum.count,
      value: sum.value,
      expected: sum.range().expected,
      said: `${CATEGORY_WORDS[category]}: ${sum.count} decisions${category === "commit" && unlikely ? `, ${unlikely} of which the evidence gives under a 30% chance` : ""}.`,
    })),
    items: (
      await openForForecast(
        db,
        scope,
        top.map((c) => c.id),
      )
    )
      .sort((a, b) => top.findIndex((c) => c.id === a.id) - top.findIndex((c) => c.id === b.id))
      .map((row) => forecastItem(model, cycles, row, now)),
    actual: entry.replay.revenue,
  };
}

/** The sum at `key`, started when there is none. */
function sumAt(sums: Map<string, RangeSum>, key: string) {
  if (!sums.has(key)) sums.set(key, new RangeSum());
  return sums.get(key)!;
}

function mostCommon(values: string[]) {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export async function backtestView(
  db: Kysely<Database>,
  actor: SignedIn,
  now = new Date(),
): Promise<Backtest> {
  return (await learnedFor(db, actor.workspaceId, now)).replay.backtest;
}

/** Closes and discounts by week of the quarter, the margin given away, and accounts trained to wait. */
export const quartersView = (db: Kysely<Database>, actor: SignedIn, query: ScopeQuery, now = new Date()) =>
  whileUnchanged(db, actor, "quartersView", query, isoDay(now), () => quartersFigures(db, actor, query, now));

async function quartersFigures(
  db: Kysely<Database>,
  actor: SignedIn,
  query: ScopeQuery,
  now: Date,
): Promise<Quarters> {
  const scope = await scopeOf(db, actor, query);
  const decided = await decidedTallyOf(db, scope, isoDay(now));
  const days = decided.closesByDay();
  const conceded = decided.concessionOutcomes();
  const weeks = weekOfQuarter(
    days.map((d) => ({ date: d.date, closes: d.closes, discounted: d.discounted, depthSum: d.depth_sum })),
  );
  return {
    currency: mostOf(decided.decidedCurrencies()),
    ...weeks,
    said:
      weeks.ratio === null
        ? "Not enough closed decisions in the first weeks of quarters to compare."
        : `${weeks.lastWeeks} decisions closed in the last ${EDGE_DAYS} days of a quarter against ${weeks.firstWeeks} in its first ${EDGE_DAYS}: ${weeks.ratio.toFixed(1)}×.`,
    marginGiven: days.reduce((s, d) => s + d.given, 0),
    concessions: relationOf(
      "An approved concession",
      outcomeCounts(conceded.with),
      outcomeCounts(conceded.without),
    ),
    trainedToWait: decided
      .accountsAtQuarterEnd(MIN_ACCOUNT_DECISIONS)
      .filter((a) => trainedToWait({ decided: a.decided, discountedAtQuarterEnd: a.discounted_at_end }))
      .map((a) => ({
        accountId: a.account_id,
        accountName: a.account_name,
        decided: a.decided,
        discountedAtQuarterEnd: a.discounted_at_end,
      })),
  };
}

/**
 * Decisions that delivered: of the won decisions whose customers reported on their success measures, the share
 * where every outcome sought was reached, per seller and overall, and each decision where one was missed.
 */
export const deliveredView = (db: Kysely<Database>, actor: SignedIn, query: ScopeQuery, now = new Date()) =>
  whileUnchanged(db, actor, "deliveredView", query, isoDay(now), () =>
    deliveredFigures(db, actor, query, now),
  );

async function deliveredFigures(
  db: Kysely<Database>,
  actor: SignedIn,
  query: ScopeQuery,
  now: Date,
): Promise<DeliveredInsights> {
  const won = await wonWithMeasures(db, await scopeOf(db, actor, query));
  const judged = await judgedSuccess(
    db,
    actor.workspaceId,
    won.map((d) => d.id),
    isoDay(now),
  );
  const deliveryOf = (id: string) => judged.get(id)?.delivery ?? "none";
  const sellers = new Map<string, string>(won.map((d) => [d.owner_id, d.owner_name]));
  return {
    overall: deliveredShare(won.map((d) => deliveryOf(d.id))),
    perSeller: [...sellers]
      .map(([memberId, name]) => ({
        memberId,
        name,
        ...deliveredShare(won.filter((d) => d.owner_id === memberId).map((d) => deliveryOf(d.id))),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    missed: won
      .filter((d) => deliveryOf(d.id) === "missed")
      .map((d) => ({
        decisionId: d.id,
        title: d.title,
        accountName: d.account_name,
        ownerName: d.owner_name,
        why: judged.get(d.id)!.why,
      })),
  };
}
