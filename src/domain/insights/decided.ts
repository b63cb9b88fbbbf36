// What the decided decisions say, added up from one fact per decision: how each help-first metric related to the
// outcome, why decisions ended in no decision, how each seller's ended in a period, the cohorts of the trend, and
// when in the quarter they closed and at what discount. One fact per decision (rather than sums in the database)
// lets an app server keep the facts and, after a change, read again only the decisions it touched.

import { HELP_METRICS, type HelpMetric } from "./metrics.ts";
import { inQuarter } from "./quarter.ts";

export type Outcome = "won" | "lost" | "no_decision";

/** One decided decision, with each help-first metric as it stood on the day it was decided. */
export type DecidedFact = {
  id: string;
  owner_id: string;
  account_id: string;
  account_name: string;
  outcome: Outcome;
  outcome_date: string | null;
  /** When it was opened, and whether that is known (an import whose source never said is not). */
  opened: string;
  opened_known: boolean;
  /** Days from opened to decided (negative where the record says it was decided before it was opened; 0 undated). */
  cycle: number;
  currency: string;
  /** Why it ended in no decision, as recorded (trimmed; null when none was). */
  reason: string | null;
  /** A won decision's discount (0–1) and how far below list price it closed, in minor units; 0 otherwise. */
  depth: number;
  below_list: number;
  /** Whether an approved concession was given. */
  conceded: boolean;
} & Record<HelpMetric, boolean>;

/** How a group of decided decisions ended, with their summed days from opened to decided. */
export interface OutcomeSums {
  n: number;
  won: number;
  lost: number;
  no_decision: number;
  cycle_days: number;
}

const none = (): OutcomeSums => ({ n: 0, won: 0, lost: 0, no_decision: 0, cycle_days: 0 });

function add(sums: OutcomeSums, f: DecidedFact, cycle: number) {
  sums.n++;
  sums[f.outcome]++;
  sums.cycle_days += cycle;
}

const dated = (facts: DecidedFact[]) => facts.filter((f) => f.outcome_date !== null);

const OUTCOMES: Outcome[] = ["won", "lost", "no_decision"];

/** For each help-first metric, how the decisions decided with it and without it ended. */
export function relations(facts: DecidedFact[]) {
  // One pass counting the decisions by outcome and by which metrics they had (3 × 2⁶ groups), then each metric's
  // with and without added up from the groups: six metrics are read once per decision, not added six times.
  const groups = 1 << HELP_METRICS.length;
  const count = new Float64Array(OUTCOMES.length * groups);
  const cycles = new Float64Array(OUTCOMES.length * groups);
  for (const f of facts) {
    if (f.outcome_date === null) continue;
    let had = 0;
    for (let i = 0; i < HELP_METRICS.length; i++) if (f[HELP_METRICS[i]!]) had |= 1 << i;
    const group = OUTCOMES.indexOf(f.outcome) * groups + had;
    count[group] = count[group]! + 1;
    cycles[group] = cycles[group]! + Math.max(0, f.cycle);
  }
  return HELP_METRICS.flatMap((metric, i) =>
    [true, false].map((has) => {
      const sums = none();
      for (let o = 0; o < OUTCOMES.length; o++)
        for (let had = 0; had < groups; had++) {
          if (Boolean(had & (1 << i)) !== has) continue;
          const n = count[o * groups + had]!;
          sums.n += n;
          sums[OUTCOMES[o]!] += n;
          sums.cycle_days += cycles[o * groups + had]!;
        }
      return { metric, has, ...sums };
    }),
  );
}

/** How the decisions decided with an approved concession and without one ended. */
export function concessionOutcomes(facts: DecidedFact[]) {
  const withIt = none();
  const without = none();
  for (const f of dated(facts)) add(f.conceded ? withIt : without, f, Math.max(0, f.cycle));
  return { with: withIt, without };
}

/** Per seller, how their decisions decided from `from` to `to` (days, both included) ended. */
export function outcomesBySeller(facts: DecidedFact[], from: string, to: string) {
  const sellers = new Map<string, OutcomeSums>();
  for (const f of facts) {
    if (!f.outcome_date || f.outcome_date < from || f.outcome_date > to) continue;
    const sums = sellers.get(f.owner_id) ?? none();
    add(sums, f, f.cycle);
    sellers.set(f.owner_id, sums);
  }
  return [...sellers].map(([owner_id, s]) => ({
    owner_id,
    closed: s.n,
    won: s.won,
    lost: s.lost,
    no_decision: s.no_decision,
    cycle_days: s.cycle_days,
  }));
}
export type SellerOutcomes = ReturnType<typeof outcomesBySeller>[number];

/** Per month decisions were opened: how many, how they ended, and how many carry each piece of evidence. */
export interface CohortRow {
  month: string;
  opened: number;
  won: number;
  no_decision: number;
  problem_in_words: number;
  cost_quantified: number;
  economic_buyer: number;
  buyer_confirmed: number;
}

/** The decided decisions by the month they were opened, up to `today`; those opened at no known date left out. */
export function decidedCohorts(facts: DecidedFact[], today: string): CohortRow[] {
  const months = new Map<string, CohortRow>();
  for (const f of facts) {
    if (!f.opened_known || f.opened > today) continue;
    const month = f.opened.slice(0, 7);
    let row = months.get(month);
    if (!row) {
      row = {
        month,
        opened: 0,
        won: 0,
        no_decision: 0,
        problem_in_words: 0,
        cost_quantified: 0,
        economic_buyer: 0,
        buyer_confirmed: 0,
      };
      months.set(month, row);
    }
    row.opened++;
    if (f.outcome === "won") row.won++;
    if (f.outcome === "no_decision") row.no_decision++;
    for (const k of ["problem_in_words", "cost_quantified", "economic_buyer", "buyer_confirmed"] as const)
      if (f[k]) row[k]++;
  }
  return [...months.values()];
}

const counted = <K>(keys: K[]) => {
  const counts = new Map<K, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
};

/** How many decided decisions are in each currency. */
export const decidedCurrencies = (facts: DecidedFact[]) =>
  [...counted(facts.map((f) => f.currency))].map(([currency, n]) => ({ currency, n }));

/** Why decisions ended in no decision, as recorded, the most frequent first (then alphabetically). */
export function noDecisionReasons(facts: DecidedFact[], limit: number) {
  const reasons = counted(
    facts.filter((f) => f.outcome === "no_decision").map((f) => f.reason || "No reason recorded"),
  );
  return [...reasons]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0))
    .slice(0, limit);
}

/** Per day decisions were decided: how many, of the won ones how many at a discount, their depth and margin given. */
export function closesByDay(facts: DecidedFact[]) {
  const days = new Map<
    string,
    { date: string; closes: number; discounted: number; depth_sum: number; given: number }
  >();
  for (const f of dated(facts)) {
    const date = f.outcome_date!;
    const day = days.get(date) ?? { date, closes: 0, discounted: 0, depth_sum: 0, given: 0 };
    day.closes++;
    if (f.depth > 0) day.discounted++;
    day.depth_sum += f.depth;
    day.given += f.below_list;
    days.set(date, day);
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * Accounts with at least `min` decided decisions: how many, and how many of them were won at a discount in the
 * last days of a quarter; those most often so first (at most 200).
 */
export function accountsAtQuarterEnd(facts: DecidedFact[], min: number) {
  // Thousands of decisions close on hundreds of days: where in its quarter each day falls is worked out once.
  const days = new Map<string, boolean>();
  const lastWeeks = (date: string) => {
    if (!days.has(date)) days.set(date, inQuarter(date).last);
    return days.get(date)!;
  };
  const accounts = new Map<
    string,
    { account_id: string; account_name: string; decided: number; discounted_at_end: number }
  >();
  for (const f of dated(facts)) {
    const a = accounts.get(f.account_id) ?? {
      account_id: f.account_id,
      account_name: f.account_name,
      decided: 0,
      discounted_at_end: 0,
    };
    a.decided++;
    if (f.depth > 0 && lastWeeks(f.outcome_date!)) a.discounted_at_end++;
    accounts.set(f.account_id, a);
  }
  return [...accounts.values()]
    .filter((a) => a.decided >= min)
    .sort(
      (a, b) =>
        b.discounted_at_end - a.discounted_at_end ||
        b.decided - a.decided ||
        a.account_name.localeCompare(b.account_name),
    )
    .slice(0, 200);
}
