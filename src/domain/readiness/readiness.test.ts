import { describe, expect, it } from "vitest";
import type { DecisionFacts } from "../decision/model.ts";
import { person, strongDecision, TODAY } from "./fixtures.ts";
import type { GapKey } from "./questions.ts";
import { readinessOf } from "./readiness.ts";

const gapsOf = (facts: DecisionFacts) =>
  readinessOf(facts, TODAY).dimensions.flatMap((d) => d.gaps.map((g) => ({ ...g, dimension: d.key })));

describe("readiness of a well-understood decision", () => {
  it("scores high with evidence in every dimension, and the seller's confidence estimate is the only gap", () => {
    const readiness = readinessOf(strongDecision(), TODAY);
    expect(readiness.overall).toBeGreaterThanOrEqual(90);
    expect(readiness.dimensions.map((d) => d.key)).toEqual([
      "problem",
      "impact",
      "why_change",
      "people",
      "concerns",
      "consensus",
      "process",
      "confidence",
    ]);
    for (const d of readiness.dimensions) expect(d.evidence.length, d.key).toBeGreaterThan(0);
    expect(gapsOf(strongDecision()).map((g) => g.key)).toEqual(["confidence.unconfirmed"]);
  });
});

/** Each rule: take one piece of evidence away and the matching gap, with its question, appears. */
const rules: [string, GapKey, (f: DecisionFacts) => void][] = [
  ["no problem statement", "problem.missing", (f) => (f.problem.statement = "")],
  [
    "a problem written as our product",
    "problem.seller_shaped",
    (f) => (f.problem.statement = "They need to buy a new CRM."),
  ],
  [
    "a problem written as our order",
    "problem.seller_shaped",
    (f) => (f.problem.statement = "We don't get the order unless we discount."),
  ],
  [
    "a vague problem",
    "problem.vague",
    (f) => (f.problem.statement = "They want to improve things generally"),
  ],
  ["a problem nobody at the customer said", "problem.no_source", (f) => (f.problem.saidBy = null)],
  ["no root cause", "problem.no_root_cause", (f) => (f.problem.rootCause = "")],
  ["no current approach", "problem.no_current_approach", (f) => (f.problem.currentApproach = null)],
  [
    "no cost of inaction",
    "impact.no_cost",
    (f) => (f.impact = { ...f.impact, recurringCost: null, risks: [] }),
  ],
  ["an unconfirmed cost", "impact.unconfirmed", (f) => (f.impact.confirmedBy = null)],
  ["no assumptions", "impact.no_assumptions", (f) => (f.impact.assumptions = "")],
  ["no target date", "impact.no_target_date", (f) => (f.targetDate = null)],
  ["no trigger", "why_change.no_trigger", (f) => (f.trigger.event = "")],
  [
    "a trigger that is our quarter",
    "why_change.our_date",
    (f) => (f.trigger.event = "Needs to close by end of Q3 so it counts for this FY"),
  ],
  ["no trigger date", "why_change.no_date", (f) => (f.trigger.date = null)],
  ["our date behind why now", "why_change.our_date", (f) => (f.trigger.dateOwner = "ours")],
  ["only one stakeholder", "people.too_few", (f) => (f.involvements = f.involvements.slice(0, 1))],
  ["no economic buyer", "people.no_economic_buyer", (f) => (f.involvements[0]!.role = "finance")],
  ["no champion", "people.no_champion", (f) => (f.involvements[1]!.role = "user")],
  ["a personal stake unknown", "people.no_personal_stake", (f) => (f.involvements[2]!.personalStake = "")],
  ["no concerns", "concerns.none", (f) => (f.concerns = [])],
  [
    "no individual concern",
    "concerns.no_individual",
    (f) => (f.concerns = f.concerns.filter((c) => c.kind !== "individual")),
  ],
  [
    "no organizational concern",
    "concerns.no_organizational",
    (f) => (f.concerns = f.concerns.filter((c) => c.kind !== "organizational")),
  ],
  [
    "a severe concern without response",
    "concerns.unanswered",
    (f) => Object.assign(f.concerns[0]!, { status: "open", response: "" }),
  ],
  [
    "unknown stances",
    "consensus.unknown_stance",
    (f) =>
      (f.involvements[2]!.stance = {
        problem: "unknown",
        approach: "unknown",
        us: "unknown",
        timing: "unknown",
      }),
  ],
  [
    "the economic buyer doubts the timing",
    "consensus.disagreement",
    (f) => (f.involvements[0]!.stance.timing = "doubts"),
  ],
  [
    "the economic buyer neutral on the problem",
    "consensus.no_economic_buyer_view",
    (f) => (f.involvements[0]!.stance.problem = "neutral"),
  ],
  ["no process steps", "process.no_steps", (f) => (f.process.steps = [])],
  ["no approvers", "process.no_approvers", (f) => (f.process.approverIds = [])],
  ["no criteria", "process.no_criteria", (f) => (f.criteria = [])],
  ["no measured outcome", "process.no_outcomes", (f) => (f.outcomesSought = [{ measure: "Faster close" }])],
  [
    "only do nothing as an option",
    "process.no_alternatives",
    (f) => (f.options = f.options.filter((o) => o.isDoNothing)),
  ],
  ["low seller confidence on risks", "confidence.low", (f) => (f.sellerConfidence.risks = 2)],
];

describe.each(rules)("rule: %s", (_name, key, takeAway) => {
  it("passes with the evidence", () => {
    expect(gapsOf(strongDecision()).some((g) => g.key === key && g.key !== "confidence.unconfirmed")).toBe(
      false,
    );
  });
  it("fails without it: a gap in words and the next question, and a lower score", () => {
    const facts = strongDecision();
    takeAway(facts);
    const gap = gapsOf(facts).find((g) => g.key === key);
    expect(gap, key).toBeDefined();
    expect(gap!.text.length).toBeGreaterThan(15);
    expect(gap!.question).toMatch(/\?$/);
    expect(readinessOf(facts, TODAY).overall).toBeLessThan(readinessOf(strongDecision(), TODAY).overall);
  });
});

describe("special cases", () => {
  it("names the stakeholder and the point in a consensus gap", () => {
    const facts = strongDecision();
    facts.involvements[0]!.stance.timing = "doubts";
    const gap = gapsOf(facts).find((g) => g.key === "consensus.disagreement")!;
    expect(gap.text).toBe("Dana Lee (economic buyer, high influence) doubts the timing.");
    expect(gap.question).toBe("What would Dana Lee need to see to feel comfortable about the timing?");
  });

  it("scores a problem in the customer's terms above one written as our product", () => {
    const product = strongDecision();
    product.problem.statement = "They need to buy a new CRM";
    const score = (f: DecisionFacts) =>
      readinessOf(f, TODAY).dimensions.find((d) => d.key === "problem")!.score;
    expect(score(strongDecision())).toBeGreaterThan(score(product) + 25);
  });

  it("uses the workspace's wording of a question", () => {
    const facts = strongDecision();
    facts.impact.confirmedBy = null;
    const readiness = readinessOf(facts, TODAY, {
      "impact.unconfirmed": "Shall we check the number with finance?",
    });
    const gap = readiness.dimensions.find((d) => d.key === "impact")!.gaps[0]!;
    expect(gap.question).toBe("Shall we check the number with finance?");
  });

  it("caps the seller's own confidence estimate and marks it unconfirmed; buyer check-ins come first", () => {
    const facts = strongDecision();
    facts.sellerConfidence = { problem: 5, solution: 5, risks: 5, me: 5, agreement: 5 };
    const seller = readinessOf(facts, TODAY).dimensions.find((d) => d.key === "confidence")!;
    expect(seller.score).toBe(60);
    expect(seller.evidence[0]).toMatch(/unconfirmed/);
    facts.checkIns = [
      {
        stakeholderName: "Dana Lee",
        ratings: { problem: 5, solution: 4, risks: 4, me: 4, agreement: 2 },
        at: "2026-02-01T00:00:00Z",
      },
      {
        stakeholderName: "Sam Ortiz",
        ratings: { problem: 5, solution: 5, risks: 4, me: 5, agreement: 5 },
        at: "2026-02-02T00:00:00Z",
      },
    ];
    const buyers = readinessOf(facts, TODAY).dimensions.find((d) => d.key === "confidence")!;
    expect(buyers.evidence[0]).toMatch(/confirmed by the customer/);
    expect(buyers.gaps.map((g) => g.key)).toEqual(["confidence.divergent"]);
    expect(buyers.gaps[0]!.text).toMatch(/Dana Lee rates whether their organization agrees 2/);
  });

  it("an empty decision scores near zero, with a gap in every dimension", () => {
    const empty: DecisionFacts = {
      title: "x",
      problem: {},
      impact: {},
      trigger: {},
      outcomesSought: [],
      options: [],
      criteria: [],
      process: {},
      sellerConfidence: {},
      outcome: "open",
      involvements: [],
      concerns: [],
    };
    const readiness = readinessOf(empty, TODAY);
    expect(readiness.overall).toBeLessThan(5);
    expect(readiness.milestone).toBe("exploring");
    for (const d of readiness.dimensions) expect(d.gaps.length, d.key).toBeGreaterThan(0);
  });

  it("reports the weakest dimension", () => {
    const facts = strongDecision();
    facts.concerns = [];
    expect(readinessOf(facts, TODAY).weakest).toBe("concerns");
    void person;
  });
});

describe("review answers show in readiness as gaps, never as evidence", () => {
  it("a seller-centric impact answer in the last review is an impact gap with the diagnosis's question; the score moves only with customer evidence", () => {
    const facts = strongDecision();
    const before = readinessOf(facts, TODAY);
    facts.reviewFlags = [
      {
        question: "impact",
        label: "seller",
        explanation: "The answer describes what we would lose.",
        suggestion: "What if nothing changes for another year?",
        reviewedAt: "2026-02-20T10:00:00Z",
      },
    ];
    const after = readinessOf(facts, TODAY);
    const impact = after.dimensions.find((d) => d.key === "impact")!;
    expect(impact.score).toBe(before.dimensions.find((d) => d.key === "impact")!.score);
    expect(impact.gaps[0]).toEqual({
      key: "review.flagged",
      text: "In the review of 2026-02-20, the answer on what happens if they don't solve it was about us, not the customer: The answer describes what we would lose.",
      question: "What if nothing changes for another year?",
    });
    expect(after.overall).toBe(before.overall);
  });

  it("a vague worries answer counts against the concerns dimension", () => {
    const facts = strongDecision();
    facts.reviewFlags = [
      {
        question: "worries",
        label: "vague",
        explanation: "Too general.",
        suggestion: "What worries you?",
        reviewedAt: "2026-02-20",
      },
    ];
    expect(readinessOf(facts, TODAY).dimensions.find((d) => d.key === "concerns")!.gaps[0]!.key).toBe(
      "review.flagged",
    );
  });
});
