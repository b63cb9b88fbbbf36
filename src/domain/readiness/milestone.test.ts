import { describe, expect, it } from "vitest";
import type { DecisionFacts } from "../decision/model.ts";
import { strongDecision, TODAY } from "./fixtures.ts";
import { type Milestone, milestoneOf } from "./milestone.ts";
import { readinessOf } from "./readiness.ts";

const milestone = (facts: DecisionFacts) => readinessOf(facts, TODAY);

/** Each milestone's rule: met by the strong decision, missed when its own evidence is taken away. */
const rules: [Milestone, Milestone, string, (f: DecisionFacts) => void][] = [
  [
    "problem_agreed",
    "exploring",
    "the problem in the customer's terms, not ours",
    (f) => (f.problem.statement = "They need a CRM."),
  ],
  [
    "problem_agreed",
    "exploring",
    "a customer stakeholder who states the problem",
    (f) => (f.problem.saidBy = null),
  ],
  [
    "impact_quantified",
    "problem_agreed",
    "the cost of doing nothing, quantified",
    (f) => (f.impact = { confirmedBy: "s-cfo" }),
  ],
  [
    "impact_quantified",
    "problem_agreed",
    "a customer stakeholder who confirms that cost",
    (f) => (f.impact.confirmedBy = null),
  ],
  [
    "consensus_forming",
    "impact_quantified",
    "the economic buyer, identified",
    (f) => (f.involvements[0]!.role = "finance"),
  ],
  [
    "consensus_forming",
    "impact_quantified",
    "the stance on the problem of at least two stakeholders",
    (f) => {
      for (const other of f.involvements.slice(1)) other.stance.problem = "unknown";
    },
  ],
  ["plan_agreed", "consensus_forming", "the customer's decision steps", (f) => (f.process.steps = [])],
  ["plan_agreed", "consensus_forming", "the customer's target decision date", (f) => (f.targetDate = null)],
  [
    "deciding",
    "plan_agreed",
    "the economic buyer supporting the problem and the timing",
    (f) => (f.involvements[0]!.stance.timing = "doubts"),
  ],
  [
    "deciding",
    "plan_agreed",
    "no high-influence stakeholder opposing",
    (f) =>
      Object.assign(f.involvements[1]!, {
        influence: "high",
        stance: { problem: "supports", approach: "opposes", us: "neutral", timing: "supports" },
      }),
  ],
  [
    "deciding",
    "plan_agreed",
    "a response to every open high-severity concern",
    (f) => Object.assign(f.concerns[0]!, { status: "open", response: null }),
  ],
];

describe("customer milestone, derived from evidence", () => {
  it("a decision with all evidence is deciding; a recorded outcome makes it decided", () => {
    expect(milestone(strongDecision()).milestone).toBe("deciding");
    for (const outcome of ["won", "lost", "no_decision"] as const) {
      expect(milestone({ ...strongDecision(), outcome }).milestone).toBe("decided");
    }
  });

  it.each(rules)("%s falls back to %s without %s", (_target, fallback, missing, takeAway) => {
    const facts = strongDecision();
    takeAway(facts);
    const result = milestone(facts);
    expect(result.milestone).toBe(fallback);
    expect(result.next?.missing).toContain(missing);
  });

  it("says what is missing for the next milestone", () => {
    const result = milestoneOf({ ...strongDecision(), problem: {} }, null);
    expect(result).toEqual({
      milestone: "exploring",
      next: {
        milestone: "problem_agreed",
        missing: ["the problem, written down", "a customer stakeholder who states the problem"],
      },
    });
  });
});
