// What the decided decisions say, tallied from one fact per decision: how each help-first metric related to the
// outcome, why decisions ended in no decision, how each seller's ended in a period, the cohorts of the trend, and
// when in the quarter they closed and at what discount. A tally takes a fact in or out in constant time, so an app
// server keeps it and, after a change, takes out the old facts of the decisions touched and adds their new ones:
// thousands of decided decisions are not added up again for one that changed.

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

/** How one seller's decisions decided in a period ended. */
export type SellerOutcomes = ReturnType<DecidedTally["outcomesBySeller"]>[number];

/** How a group of decided decisions ended, with their summed days from opened to decided. */
export interface OutcomeSums {
  n: number;
  won: number;
  lost: number;
  no_decision: number;
  cycle_days: number;
}

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

/** A month's cohort before any decision is counted in it. */
export const emptyCohort = (month: string): CohortRow => ({
  month,
  opened: 0,
  won: 0,
  no_decision: 0,
  problem_in_words: 0,
  cost_quantified: 0,
  economic_buyer: 0,
  buyer_confirmed: 0,
});

const COHORT_EVIDENCE = ["problem_in_words", "cost_quantified", "economic_buyer", "buyer_confirmed"] as const;
const OUTCOMES: Outcome[] = ["won", "lost", "no_decision"];
const GROUPS = 1 << HELP_METRICS.length;

const none = (): OutcomeSums => ({ n: 0, won: 0, lost: 0, no_decision: 0, cycle_days: 0 });

function count(sums: OutcomeSums, f: DecidedFact, cycle: number, sign: number) {
  sums.n += sign;
  sums[f.outcome] += sign;
  sums.cycle_days += sign * cycle;
}

/** An entry of `map` at `key`, made by `make` when there is none. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V) {
  if (!map.has(key)) map.set(key, make());
  return map.get(key)!;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class DecidedTally {
  // Decisions by outcome and by which metrics they had (3 × 2⁶ groups): each metric's with and without is added
  // up from the groups when asked, so a fact reads its six metrics once.
  private readonly groupCount = new Float64Array(OUTCOMES.length * GROUPS);
  private readonly groupCycles = new Float64Array(OUTCOMES.length * GROUPS);
  private readonly conceded = { with: none(), without: none() };
  private readonly cohorts = new Map<string, CohortRow>();
  private readonly currencies = new Map<string, number>();
  private readonly reasons = new Map<string, number>();
  private readonly days = new Map<
    string,
    { date: string; closes: number; discounted: number; depth_sum: number; given: number }
  >();
  private readonly accounts = new Map<
    string,
    { account_id: string; account_name: string; decided: number; discounted_at_end: number }
  >();
  /** Per seller, per day decided: for any period. */
  private readonly sellers = new Map<string, Map<string, OutcomeSums>>();
  // Thousands of decisions close on hundreds of days: where in its quarter each day falls is worked out once.
  private readonly lastWeeks = new Map<string, boolean>();

  /** `today` leaves out of the trend the decisions opened after it. */
  constructor(
    private readonly today: string,
    facts: Iterable<DecidedFact> = [],
  ) {
    for (const f of facts) this.add(f);
  }

  /** Takes a decision's fact in (`sign` 1) or out (-1). */
  add(f: DecidedFact, sign: 1 | -1 = 1) {
    this.currencies.set(f.currency, (this.currencies.get(f.currency) ?? 0) + sign);
    if (f.outcome === "no_decision") {
      const reason = f.reason || "No reason recorded";
      this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + sign);
    }
    if (f.opened_known && f.opened <= this.today) {
      const month = f.opened.slice(0, 7);
      const row = entry(this.cohorts, month, () => emptyCohort(month));
      row.opened += sign;
      if (f.outcome === "won") row.won += sign;
      if (f.outcome === "no_decision") row.no_decision += sign;
      for (const k of COHORT_EVIDENCE) if (f[k]) row[k] += sign;
    }
    const date = f.outcome_date;
    if (date === null) return;
    const cycle = Math.max(0, f.cycle);
    let had = 0;
    for (let i = 0; i < HELP_METRICS.length; i++) if (f[HELP_METRICS[i]!]) had |= 1 << i;
    const group = OUTCOMES.indexOf(f.outcome) * GROUPS + had;
    this.groupCount[group] = this.groupCount[group]! + sign;
    this.groupCycles[group] = this.groupCycles[group]! + sign * cycle;
    count(f.conceded ? this.conceded.with : this.conceded.without, f, cycle, sign);
    const day = entry(this.days, date, () => ({ date, closes: 0, discounted: 0, depth_sum: 0, given: 0 }));
    day.closes += sign;
    if (f.depth > 0) day.discounted += sign;
    day.depth_sum += sign * f.depth;
    day.given += sign * f.below_list;
    const account = entry(this.accounts, f.account_id, () => ({
      account_id: f.account_id,
      account_name: f.account_name,
      decided: 0,
      discounted_at_end: 0,
    }));
    account.decided += sign;
    if (f.depth > 0 && entry(this.lastWeeks, date, () => inQuarter(date).last))
      account.discounted_at_end += sign;
    count(
      entry(
        entry(this.sellers, f.owner_id, () => new Map()),
        date,
        none,
      ),
      f,
      f.cycle,
      sign,
    );
  }

  /** For each help-first metric, how the decisions decided with it and without it ended. */
  relations() {
    return HELP_METRICS.flatMap((metric, i) =>
      [true, false].map((has) => {
        const sums = none();
        for (let o = 0; o < OUTCOMES.length; o++)
          for (let had = 0; had < GROUPS; had++) {
            if (Boolean(had & (1 << i)) !== has) continue;
            const n = this.groupCount[o * GROUPS + had]!;
            sums.n += n;
            sums[OUTCOMES[o]!] += n;
            sums.cycle_days += this.groupCycles[o * GROUPS + had]!;
          }
        return { metric, has, ...sums };
      }),
    );
  }

  /** How the decisions decided with an approved concession and without one ended. */
  concessionOutcomes() {
    return { with: { ...this.conceded.with }, without: { ...this.conceded.without } };
  }

  /** Per seller, how their decisions decided from `from` to `to` (days, both included) ended. */
  outcomesBySeller(from: string, to: string) {
    return [...this.sellers].flatMap(([owner_id, days]) => {
      const s = none();
      for (const [date, sums] of days)
        if (date >= from && date <= to) {
          s.n += sums.n;
          s.won += sums.won;
          s.lost += sums.lost;
          s.no_decision += sums.no_decision;
          s.cycle_days += sums.cycle_days;
        }
      return s.n
        ? [
            {
              owner_id,
              closed: s.n,
              won: s.won,
              lost: s.lost,
              no_decision: s.no_decision,
              cycle_days: s.cycle_days,
            },
          ]
        : [];
    });
  }

  /** The decided decisions by the month they were opened, up to today; those opened at no known date left out. */
  decidedCohorts(): CohortRow[] {
    return [...this.cohorts.values()].filter((c) => c.opened > 0).map((c) => ({ ...c }));
  }

  /** How many decided decisions are in each currency. */
  decidedCurrencies() {
    return [...this.currencies].filter(([, n]) => n > 0).map(([currency, n]) => ({ currency, n }));
  }

  /** Why decisions ended in no decision, as recorded, the most frequent first (then alphabetically). */
  noDecisionReasons(limit: number) {
    return [...this.reasons]
      .filter(([, count]) => count > 0)
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || byText(a.reason, b.reason))
      .slice(0, limit);
  }

  /** Per day decisions were decided: how many, of the won ones how many at a discount, their depth and margin given. */
  closesByDay() {
    return [...this.days.values()]
      .filter((d) => d.closes > 0)
      .map((d) => ({ ...d }))
      .sort((a, b) => byText(a.date, b.date));
  }

  /**
   * Accounts with at least `min` decided decisions: how many, and how many of them were won at a discount in the
   * last days of a quarter; those most often so first (at most 200).
   */
  accountsAtQuarterEnd(min: number) {
    return [...this.accounts.values()]
      .filter((a) => a.decided >= min)
      .map((a) => ({ ...a }))
      .sort(
        (a, b) =>
          b.discounted_at_end - a.discounted_at_end ||
          b.decided - a.decided ||
          a.account_name.localeCompare(b.account_name),
      )
      .slice(0, 200);
  }
}
