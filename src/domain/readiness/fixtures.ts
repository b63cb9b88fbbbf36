import type { DecisionFacts, InvolvementFacts } from "../decision/model.ts";

export const TODAY = new Date("2026-03-01T00:00:00Z");

export function person(
  over: Partial<InvolvementFacts> & { stakeholderId: string; name: string },
): InvolvementFacts {
  return {
    role: "user",
    influence: "medium",
    personalStake: "Gets her evenings back",
    stance: { problem: "supports", approach: "supports", us: "neutral", timing: "supports" },
    ...over,
  };
}

/** A decision where every readiness check is met; tests take pieces away. */
export function strongDecision(): DecisionFacts {
  return {
    title: "Close the books in 5 days, not 12",
    targetDate: "2026-06-30",
    problem: {
      statement:
        "Month-end close takes 12 days because plant ledgers are reconciled in spreadsheets; the CFO wants 5.",
      saidBy: "s-cfo",
      rootCause: "Each plant keeps its own ledger format.",
      currentApproach: "Analysts export ledgers to spreadsheets and reconcile by hand.",
    },
    impact: {
      recurringCost: { amount: 4_000_000, period: "month" },
      risks: [{ description: "Covenant penalty", amount: 20_000_000, likelihood: 25 }],
      assumptions: "8 analysts × 7 extra days at loaded cost.",
      confirmedBy: "s-cfo",
    },
    trigger: {
      event: "New CFO promised the board a 5-day close by June.",
      date: "2026-06-30",
      dateOwner: "customer",
    },
    outcomesSought: [{ measure: "Days to close", current: "12", target: "5" }],
    options: [{ name: "Do nothing", isDoNothing: true }, { name: "Hire two more analysts" }],
    criteria: ["Time to close", "Audit trail"],
    process: { steps: [{ name: "Finance review" }, { name: "Board approval" }], approverIds: ["s-cfo"] },
    sellerConfidence: { problem: 5, solution: 4, risks: 4, me: 4, agreement: 4 },
    outcome: "open",
    involvements: [
      person({ stakeholderId: "s-cfo", name: "Dana Lee", role: "economic_buyer", influence: "high" }),
      person({ stakeholderId: "s-ctl", name: "Sam Ortiz", role: "champion" }),
      person({ stakeholderId: "s-it", name: "Kim Park", role: "technical_evaluator" }),
    ],
    concerns: [
      {
        text: "Close gets worse during cutover",
        kind: "individual",
        category: "disruption",
        severity: "high",
        status: "addressed",
        response: "Parallel run for one month",
        raisedBy: "s-ctl",
      },
      {
        text: "Audit timing",
        kind: "organizational",
        category: "timing",
        severity: "medium",
        status: "open",
        response: "Cutover after the audit",
        raisedBy: "s-cfo",
      },
    ],
    checkIns: [],
  };
}
