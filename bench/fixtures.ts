import type { DecisionFacts } from "../src/domain/decision/model.ts";

/** A small deterministic generator, so every run measures the same decisions. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PROBLEMS = [
  "Month-end close takes {n} days because plant ledgers are reconciled in spreadsheets.",
  "Dispatchers rekey about {n} loads a day; 4% have errors that cause redelivery fees.",
  "They need to buy a new CRM.",
  "Claim denials are at {n}% versus a 5% benchmark, mostly coding errors.",
  "Want our analytics module plus the mobile add-on.",
  "Teachers spend {n} hours a week on grading admin and parent emails.",
  "Efficiency, the usual stuff.",
  "Store managers cannot see stock across {n} stores, so they mark down items sold out elsewhere.",
];
const TRIGGERS = [
  "New CFO promised the board a 5-day close by June.",
  "Promo pricing expires at quarter end.",
  "State mandate starts in October.",
  "",
];
const ROLES = ["economic_buyer", "champion", "user", "technical_evaluator", "finance"] as const;
const STANCES = ["supports", "neutral", "doubts", "opposes", "unknown"] as const;

export function generateFacts(count: number, seed = 42): DecisionFacts[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, (_, i) => ({
    title: `Decision ${i}`,
    targetDate: next() < 0.8 ? `2027-0${1 + Math.floor(next() * 9)}-15` : null,
    problem: {
      statement: pick(PROBLEMS).replace("{n}", String(3 + Math.floor(next() * 400))),
      saidBy: next() < 0.6 ? "s0" : null,
      rootCause: next() < 0.5 ? "Each site keeps its own process." : null,
      currentApproach: next() < 0.5 ? "Spreadsheets." : null,
    },
    impact: {
      recurringCost:
        next() < 0.6
          ? {
              amount: Math.floor(next() * 10_000_000),
              period: pick(["week", "month", "quarter", "year"] as const),
            }
          : null,
      risks: next() < 0.3 ? [{ description: "Fine", amount: 5_000_000, likelihood: 40 }] : [],
      assumptions: next() < 0.4 ? "Loaded cost of 8 analysts." : null,
      confirmedBy: next() < 0.4 ? "s0" : null,
    },
    trigger: {
      event: pick(TRIGGERS),
      date: next() < 0.5 ? "2027-06-30" : null,
      dateOwner: next() < 0.7 ? "customer" : "ours",
    },
    outcomesSought: next() < 0.5 ? [{ measure: "Days to close", current: "12", target: "5" }] : [],
    options: [{ name: "Do nothing", isDoNothing: true }],
    criteria: next() < 0.5 ? ["Time to value"] : [],
    process: { steps: next() < 0.5 ? [{ name: "Board approval" }] : [], approverIds: [] },
    sellerConfidence: { problem: 1 + Math.floor(next() * 5), agreement: 1 + Math.floor(next() * 5) },
    outcome: "open",
    involvements: Array.from({ length: 5 }, (_, s) => ({
      stakeholderId: `s${s}`,
      name: `Person ${s}`,
      role: ROLES[s]!,
      influence: pick(["low", "medium", "high"] as const),
      personalStake: next() < 0.5 ? "Wants her evenings back." : null,
      stance: { problem: pick(STANCES), approach: pick(STANCES), us: pick(STANCES), timing: pick(STANCES) },
    })),
    concerns: Array.from({ length: 4 }, (_, c) => ({
      text: `Concern ${c}: cutover during the audit.`,
      kind: c % 2 ? "organizational" : "individual",
      category: "disruption",
      severity: pick(["low", "medium", "high"] as const),
      status: pick(["open", "addressed", "accepted"] as const),
      response: next() < 0.5 ? "Parallel run." : null,
    })),
  }));
}
