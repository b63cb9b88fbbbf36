// The help-first metrics: what share of open decisions carry each piece of customer evidence, beside the
// activity counts they replace, and how each related to how closed decisions ended. Definitions in
// docs/insights.md; every figure is computed from the record, never typed.

export const HELP_METRICS = [
  "problem_in_words",
  "cost_quantified",
  "economic_buyer",
  "buyer_confirmed",
  "plan_shared",
  "steps_on_time",
] as const;
export type HelpMetric = (typeof HELP_METRICS)[number];

export const METRIC_WORDS: Record<HelpMetric, { label: string; definition: string }> = {
  problem_in_words: {
    label: "Problem in the customer's words",
    definition: "The problem is written down, reads as the customer's, and is attributed to someone there.",
  },
  cost_quantified: {
    label: "Cost of inaction quantified",
    definition: "What doing nothing costs them is a figure: a recurring cost or a risk with its likelihood.",
  },
  economic_buyer: {
    label: "Economic buyer involved",
    definition: "The person who signs is recorded among the people in the decision.",
  },
  buyer_confirmed: {
    label: "Buyer-confirmed check-in",
    definition: "At least one buyer rated their own confidence in the buyer room.",
  },
  plan_shared: {
    label: "Plan shared",
    definition: "The buyer room has been opened by the customer through a link to it.",
  },
  steps_on_time: {
    label: "Customer steps on time",
    definition: "The plan has customer-owned steps and none of the open ones is past its due date.",
  },
};

/** Below this many closed decisions on either side, a relation is "not enough data". */
export const MIN_CLOSED = 20;

export interface OutcomeCounts {
  n: number;
  won: number;
  lost: number;
  noDecision: number;
  /** Days from opening to the outcome, summed over the `n` decisions. */
  cycleDays: number;
}

export interface Side {
  n: number;
  winRate: number | null;
  noDecisionRate: number | null;
  cycleDays: number | null;
}

export interface Relation {
  withIt: Side;
  without: Side;
  enough: boolean;
  summary: string;
}

const side = (c: OutcomeCounts): Side => ({
  n: c.n,
  winRate: c.n ? c.won / c.n : null,
  noDecisionRate: c.n ? c.noDecision / c.n : null,
  cycleDays: c.n ? Math.round(c.cycleDays / c.n) : null,
});

const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);

/** How closed decisions with something (a piece of evidence, a concession) ended, beside those without it. */
export function relationOf(what: string, withIt: OutcomeCounts, without: OutcomeCounts): Relation {
  const a = side(withIt);
  const b = side(without);
  const enough = a.n >= MIN_CLOSED && b.n >= MIN_CLOSED;
  const label = what.toLowerCase();
  const summary = enough
    ? `With ${label}: won ${pct(a.winRate)}, no decision ${pct(a.noDecisionRate)}, ${a.cycleDays} days (${a.n} closed). Without: won ${pct(b.winRate)}, no decision ${pct(b.noDecisionRate)}, ${b.cycleDays} days (${b.n} closed).`
    : `Not enough data: ${a.n} closed decisions with ${label} and ${b.n} without; ${MIN_CLOSED} of each are needed.`;
  return { withIt: a, without: b, enough, summary };
}

/** A share in words: "12 of 40 (30%)". */
export const shareWords = (count: number, of: number) =>
  of ? `${count} of ${of} (${Math.round((count / of) * 100)}%)` : "no open decisions";
