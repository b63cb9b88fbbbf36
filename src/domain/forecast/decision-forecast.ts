// The forecast of each open decision: the chance it is won, lost or ends in no decision, learned from the
// workspace's closed decisions — two regularised logistic models (decided at all; won once decided), each used
// only where it beats the historical rate on held-out folds — and what moved each chance, in words.
import { beatsBaseRate, type Features, fitLogistic, type Logistic, probability } from "./logistic.ts";

export type Closed = "won" | "lost" | "no_decision";

export interface Example {
  features: Features;
  outcome: Closed;
}

interface Part {
  /** The historical rate, and the model when it beat that rate. */
  rate: number;
  model: Logistic | null;
}

export interface DecisionModel {
  /** How many closed decisions it learned from, and how they ended. */
  trainedOn: { n: number; won: number; lost: number; noDecision: number };
  decided: Part;
  won: Part;
  notes: string[];
}

export interface DecisionForecast {
  won: number;
  lost: number;
  noDecision: number;
  /** What moved the chance of winning away from the rate, strongest first, in words. */
  why: string[];
}

/** Below this many closed decisions nothing is learned and the forecast is the rate (or unknown with none). */
export const MIN_TO_LEARN = 50;
const L2 = 5;

const pct = (x: number) => `${Math.round(x * 100)}%`;

function part(rows: { features: Features; y: 0 | 1 }[], what: string, notes: string[]): Part {
  const rate = rows.length ? rows.reduce((s, r) => s + r.y, 0) / rows.length : 0;
  const useModel = rows.length >= MIN_TO_LEARN && beatsBaseRate(rows, L2);
  notes.push(
    rows.length < MIN_TO_LEARN
      ? `${what}: ${rows.length} closed decisions, fewer than the ${MIN_TO_LEARN} needed to learn from — the rate ${pct(rate)} is used.`
      : useModel
        ? `${what}: the record tells them apart better than the rate ${pct(rate)} on held-out decisions — the model is used.`
        : `${what}: nothing on record told them apart better than the rate ${pct(rate)} on held-out decisions — the rate is used.`,
  );
  return { rate, model: useModel ? fitLogistic(rows, L2) : null };
}

export function fitDecisionModel(examples: Example[]): DecisionModel {
  const notes: string[] = [];
  const count = (o: Closed) => examples.filter((e) => e.outcome === o).length;
  const decided = part(
    examples.map((e) => ({ features: e.features, y: e.outcome === "no_decision" ? 0 : 1 })),
    "Decided at all (won or lost, not no decision)",
    notes,
  );
  const won = part(
    examples
      .filter((e) => e.outcome !== "no_decision")
      .map((e) => ({ features: e.features, y: e.outcome === "won" ? 1 : 0 })),
    "Won, once decided",
    notes,
  );
  return {
    trainedOn: {
      n: examples.length,
      won: count("won"),
      lost: count("lost"),
      noDecision: count("no_decision"),
    },
    decided,
    won,
    notes,
  };
}

const chance = (p: Part, features: Features) => (p.model ? probability(p.model, features) : p.rate);

/**
 * What moved one decision's chances: each feature's pull on the log-odds of being decided and of winning,
 * largest first, named by `nameOf`.
 */
function drivers(model: DecisionModel, features: Features, nameOf: (feature: string) => string) {
  const pulls: { feature: string; pull: number }[] = [];
  for (const [feature, value] of features) {
    const pull =
      (model.decided.model?.weights.get(feature) ?? 0) * value +
      (model.won.model?.weights.get(feature) ?? 0) * value;
    if (Math.abs(pull) >= 0.1) pulls.push({ feature, pull });
  }
  return pulls
    .sort((a, b) => Math.abs(b.pull) - Math.abs(a.pull))
    .slice(0, 3)
    .map((d) => `${nameOf(d.feature)} ${d.pull > 0 ? "raised" : "lowered"} the chance of winning.`);
}

/** One decision's chances alone: what a total needs of each of thousands of decisions. */
export function chancesOf(model: DecisionModel, features: Features): Omit<DecisionForecast, "why"> {
  if (!model.trainedOn.n) return { won: 1 / 3, lost: 1 / 3, noDecision: 1 / 3 };
  const decided = chance(model.decided, features);
  const won = decided * chance(model.won, features);
  return { won, lost: decided - won, noDecision: 1 - decided };
}

export function forecastDecision(
  model: DecisionModel,
  features: Features,
  nameOf: (feature: string) => string,
): DecisionForecast {
  const { n } = model.trainedOn;
  const why = model.decided.model || model.won.model ? drivers(model, features, nameOf) : [];
  if (!why.length)
    why.push(
      n
        ? `Nothing on record moves it from this workspace's history: ${model.trainedOn.won} of ${n} closed decisions won, ${model.trainedOn.noDecision} ended in no decision.`
        : "No closed decisions yet: the chances are even until some close.",
    );
  return { ...chancesOf(model, features), why };
}

/**
 * The total of uncertain amounts, each won with its own chance: the expected value and a 90% range by the
 * normal approximation of the sum of independent wins (never below zero).
 */
export function expectedRange(items: { p: number; value: number }[]) {
  const sum = new RangeSum();
  for (const { p, value } of items) sum.add(p, value);
  return sum.range();
}

/** The same total added up one amount at a time, for totals over thousands of decisions in one pass. */
export class RangeSum {
  count = 0;
  value = 0;
  private expected = 0;
  private variance = 0;

  add(p: number, value: number) {
    this.count++;
    this.value += value;
    this.expected += p * value;
    this.variance += p * (1 - p) * value * value;
  }

  range() {
    const spread = 1.645 * Math.sqrt(this.variance);
    return {
      expected: this.expected,
      low: Math.max(0, this.expected - spread),
      high: this.expected + spread,
    };
  }
}
