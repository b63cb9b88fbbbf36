import type { DecisionFacts } from "../decision/model.ts";
import type { Diagnosis } from "../diagnostics/types.ts";

export const MILESTONES = [
  "exploring",
  "problem_agreed",
  "impact_quantified",
  "consensus_forming",
  "plan_agreed",
  "deciding",
  "decided",
] as const;
export type Milestone = (typeof MILESTONES)[number];

export interface MilestoneResult {
  milestone: Milestone;
  /** The next milestone and what is missing to reach it, in words a seller accepts. */
  next: { milestone: Milestone; missing: string[] } | null;
}

type Rule = {
  milestone: Milestone;
  requires: (facts: DecisionFacts, diagnosis: Diagnosis | null) => string[];
};

/**
 * The customer's milestone is derived from evidence, never typed in. Each milestone needs everything the
 * ones before it need, plus its own evidence (docs/readiness.md).
 */
const RULES: Rule[] = [
  {
    milestone: "problem_agreed",
    requires: (facts, diagnosis) => [
      ...(facts.problem.statement?.trim() ? [] : ["the problem, written down"]),
      ...(diagnosis && diagnosis.label !== "customer"
        ? ["the problem in the customer's terms, not ours"]
        : []),
      ...(facts.involvements.some((i) => i.stakeholderId === facts.problem.saidBy)
        ? []
        : ["a customer stakeholder who states the problem"]),
    ],
  },
  {
    milestone: "impact_quantified",
    requires: (facts) => [
      ...(facts.impact.recurringCost?.amount || (facts.impact.risks ?? []).some((r) => r.amount > 0)
        ? []
        : ["the cost of doing nothing, quantified"]),
      ...(facts.involvements.some((i) => i.stakeholderId === facts.impact.confirmedBy)
        ? []
        : ["a customer stakeholder who confirms that cost"]),
    ],
  },
  {
    milestone: "consensus_forming",
    requires: (facts) => [
      ...(facts.involvements.some((i) => i.role === "economic_buyer")
        ? []
        : ["the economic buyer, identified"]),
      ...(facts.involvements.filter((i) => i.stance.problem !== "unknown").length >= 2
        ? []
        : ["the stance on the problem of at least two stakeholders"]),
    ],
  },
  {
    milestone: "plan_agreed",
    requires: (facts) => [
      ...((facts.process.steps ?? []).length > 0 ? [] : ["the customer's decision steps"]),
      ...(facts.targetDate ? [] : ["the customer's target decision date"]),
    ],
  },
  {
    milestone: "deciding",
    requires: (facts) => {
      const buyer = facts.involvements.find((i) => i.role === "economic_buyer");
      return [
        ...(buyer?.stance.problem === "supports" && buyer.stance.timing === "supports"
          ? []
          : ["the economic buyer supporting the problem and the timing"]),
        ...(facts.involvements.some(
          (i) => i.influence === "high" && Object.values(i.stance).includes("opposes"),
        )
          ? ["no high-influence stakeholder opposing"]
          : []),
        ...(facts.concerns.some((c) => c.severity === "high" && c.status === "open" && !c.response?.trim())
          ? ["a response to every open high-severity concern"]
          : []),
      ];
    },
  },
];

/** Everything still missing for a decision to reach `target`, across every milestone up to it. */
export function missingFor(facts: DecisionFacts, diagnosis: Diagnosis | null, target: Milestone) {
  const until = MILESTONES.indexOf(target);
  return RULES.filter((rule) => MILESTONES.indexOf(rule.milestone) <= until).flatMap((rule) =>
    rule.requires(facts, diagnosis),
  );
}

export function milestoneOf(facts: DecisionFacts, diagnosis: Diagnosis | null): MilestoneResult {
  if (facts.outcome !== "open") return { milestone: "decided", next: null };
  let reached: Milestone = "exploring";
  for (const rule of RULES) {
    const missing = rule.requires(facts, diagnosis);
    if (missing.length) return { milestone: reached, next: { milestone: rule.milestone, missing } };
    reached = rule.milestone;
  }
  return { milestone: reached, next: { milestone: "decided", missing: ["the customer's decision"] } };
}
