// What the help-first metrics and the no-decision flags read of one decision's record. Derived with readiness
// (the same facts, in the same transaction) and stored, so metrics over a whole workspace are one aggregate
// query. Everything here is timeless; what depends on today (dates passed, staleness, late steps) is read
// when asked (risk.ts).
import type { DecisionFacts } from "../decision/model.ts";
import { averageRating, consensusOf, latestCheckIns, steepestDrop } from "../readiness/consensus.ts";
import type { Readiness } from "../readiness/readiness.ts";

/** Bump when the rules below change: stored signals of an older version are derived again on start. */
export const SIGNALS_VERSION = 1;

export interface DecisionSignals {
  /** The problem is written down, read as the customer's (not ours, not vague) and attributed to someone there. */
  problemInWords: boolean;
  costQuantified: boolean;
  economicBuyer: boolean;
  /** At least one buyer rated their own confidence in the buyer room. */
  buyerConfirmed: boolean;
  /** The options the customer still weighs besides doing nothing, by name. */
  options: string[];
  /** "Why now" is known and is the customer's own. */
  trigger: boolean;
  /** Open concerns about risk (failure, disruption, job or reputation) with no response yet. */
  riskConcerns: string[];
  /** The mean of buyers' latest check-ins (1–5), when any. */
  confidence: number | null;
  confidenceDrop: { name: string; previous: number; latest: number } | null;
  /** Where the people involved disagree, in words (stances we recorded, and their own check-ins). */
  disagreements: string[];
}

const PROBLEM_GAPS = new Set([
  "problem.missing",
  "problem.seller_shaped",
  "problem.vague",
  "problem.no_source",
]);
const RISK_CATEGORIES = new Set(["risk_of_failure", "disruption", "job_or_reputation"]);

export function signalsOf(facts: DecisionFacts, readiness: Readiness): DecisionSignals {
  const gaps = readiness.dimensions.flatMap((d) => d.gaps);
  const hasGap = (key: string) => gaps.some((g) => g.key === key);
  const checkIns = facts.checkIns ?? [];
  const latest = latestCheckIns(checkIns);
  return {
    problemInWords: !gaps.some((g) => PROBLEM_GAPS.has(g.key)),
    costQuantified: !hasGap("impact.no_cost"),
    economicBuyer: !hasGap("people.no_economic_buyer"),
    buyerConfirmed: checkIns.length > 0,
    options: facts.options.filter((o) => !o.isDoNothing).map((o) => o.name),
    trigger: !hasGap("why_change.no_trigger") && !hasGap("why_change.our_date"),
    riskConcerns: facts.concerns
      .filter((c) => c.status === "open" && !c.response?.trim() && RISK_CATEGORIES.has(c.category))
      .map((c) => c.text),
    confidence: latest.length
      ? Math.round((latest.reduce((s, c) => s + averageRating(c.ratings), 0) / latest.length) * 10) / 10
      : null,
    confidenceDrop: steepestDrop(checkIns),
    disagreements: [
      ...gaps.filter((g) => g.key === "consensus.disagreement").map((g) => g.text),
      ...consensusOf(facts.involvements, checkIns).divergences,
    ],
  };
}
