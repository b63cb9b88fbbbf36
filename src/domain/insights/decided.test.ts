import { describe, expect, it } from "vitest";
import { type DecidedFact, DecidedTally } from "./decided.ts";

const tally = (facts: DecidedFact[], today = "2026-11-29") => new DecidedTally(today, facts);

let next = 0;
const fact = (over: Partial<DecidedFact>): DecidedFact => ({
  id: `d${++next}`,
  owner_id: "ana",
  account_id: "acme",
  account_name: "Acme",
  outcome: "won",
  outcome_date: "2026-03-10",
  opened: "2026-01-09",
  opened_known: true,
  cycle: 60,
  currency: "USD",
  reason: null,
  depth: 0,
  below_list: 0,
  conceded: false,
  problem_in_words: false,
  cost_quantified: false,
  economic_buyer: false,
  buyer_confirmed: false,
  plan_shared: false,
  steps_on_time: false,
  ...over,
});

describe("what decided decisions add up to", () => {
  it("splits each metric's decisions into with and without it, by outcome, cycles never below zero", () => {
    const sums = tally([
      fact({ economic_buyer: true, cycle: 30 }),
      fact({ economic_buyer: true, outcome: "no_decision", cycle: -5 }),
      fact({ outcome: "lost", cycle: 90 }),
      fact({ economic_buyer: true, outcome_date: null }),
    ]).relations();
    expect(sums.find((s) => s.metric === "economic_buyer" && s.has)).toEqual({
      metric: "economic_buyer",
      has: true,
      n: 2,
      won: 1,
      lost: 0,
      no_decision: 1,
      cycle_days: 30,
    });
    expect(sums.find((s) => s.metric === "economic_buyer" && !s.has)).toMatchObject({
      n: 1,
      lost: 1,
      cycle_days: 90,
    });
    expect(sums.find((s) => s.metric === "plan_shared" && !s.has)).toMatchObject({ n: 3 });
  });

  it("counts a seller's outcomes only when decided within the period, both days included", () => {
    const facts = [
      fact({ outcome_date: "2026-03-01" }),
      fact({ outcome_date: "2026-03-31", outcome: "lost" }),
      fact({ outcome_date: "2026-04-01" }),
      fact({ owner_id: "bo", outcome_date: "2026-03-15", outcome: "no_decision", cycle: 10 }),
    ];
    expect(tally(facts).outcomesBySeller("2026-03-01", "2026-03-31")).toEqual([
      { owner_id: "ana", closed: 2, won: 1, lost: 1, no_decision: 0, cycle_days: 120 },
      { owner_id: "bo", closed: 1, won: 0, lost: 0, no_decision: 1, cycle_days: 10 },
    ]);
  });

  it("leaves out of the trend decisions opened at no known date or after today", () => {
    const cohorts = tally(
      [
        fact({ opened: "2026-01-20", problem_in_words: true }),
        fact({ opened: "2026-01-03", outcome: "no_decision" }),
        fact({ opened: "2026-02-01", opened_known: false }),
        fact({ opened: "2026-12-01" }),
      ],
      "2026-11-29",
    ).decidedCohorts();
    expect(cohorts).toEqual([
      {
        month: "2026-01",
        opened: 2,
        won: 1,
        no_decision: 1,
        problem_in_words: 1,
        cost_quantified: 0,
        economic_buyer: 0,
        buyer_confirmed: 0,
      },
    ]);
  });

  it("ranks no-decision reasons by count, then by name, an empty one as not recorded", () => {
    const nd = (reason: string | null) => fact({ outcome: "no_decision", reason });
    expect(
      tally([
        nd("Status quo"),
        nd(null),
        nd("Budget"),
        nd("Status quo"),
        fact({ reason: "x" }),
      ]).noDecisionReasons(2),
    ).toEqual([
      { reason: "Status quo", count: 2 },
      { reason: "Budget", count: 1 },
    ]);
  });

  it("adds up closes per day with their discounts and the margin given below list", () => {
    const days = tally([
      fact({ outcome_date: "2026-03-30", depth: 0.1, below_list: 500 }),
      fact({ outcome_date: "2026-03-30" }),
      fact({ outcome_date: "2026-01-05", outcome: "lost" }),
    ]).closesByDay();
    expect(days).toEqual([
      { date: "2026-01-05", closes: 1, discounted: 0, depth_sum: 0, given: 0 },
      { date: "2026-03-30", closes: 2, discounted: 1, depth_sum: 0.1, given: 500 },
    ]);
  });

  it("compares decisions with an approved concession against those without", () => {
    const c = tally([
      fact({ conceded: true }),
      fact({ outcome: "lost" }),
      fact({ conceded: true }),
    ]).concessionOutcomes();
    expect(c.with).toMatchObject({ n: 2, won: 2 });
    expect(c.without).toMatchObject({ n: 1, lost: 1 });
  });

  it("finds accounts with enough decided decisions, those discounted in a quarter's last weeks first", () => {
    const facts = [
      ...[1, 2, 3].map(() =>
        fact({ account_id: "acme", account_name: "Acme", outcome_date: "2026-03-25", depth: 0.2 }),
      ),
      ...[1, 2, 3, 4].map(() =>
        fact({ account_id: "bolt", account_name: "Bolt", outcome_date: "2026-02-01", depth: 0.2 }),
      ),
      fact({ account_id: "tiny", account_name: "Tiny", outcome_date: "2026-03-30", depth: 0.2 }),
    ];
    expect(tally(facts).accountsAtQuarterEnd(3)).toEqual([
      { account_id: "acme", account_name: "Acme", decided: 3, discounted_at_end: 3 },
      { account_id: "bolt", account_name: "Bolt", decided: 4, discounted_at_end: 0 },
    ]);
  });

  it("takes a fact out as it took it in: a changed decision leaves the tally as if it had always been so", () => {
    const before = fact({ outcome: "no_decision", reason: "Status quo", economic_buyer: true, depth: 0 });
    const after = {
      ...before,
      outcome: "won" as const,
      reason: null,
      depth: 0.2,
      below_list: 300,
      conceded: true,
    };
    const others = [fact({ outcome: "lost" }), fact({ opened: "2026-02-03" })];
    const changed = tally([...others, before]);
    changed.add(before, -1);
    changed.add(after);
    const fresh = tally([...others, after]);
    for (const view of [
      (t: DecidedTally) => t.relations(),
      (t: DecidedTally) => t.outcomesBySeller("0001-01-01", "2026-12-31"),
      (t: DecidedTally) => t.decidedCohorts(),
      (t: DecidedTally) => t.decidedCurrencies(),
      (t: DecidedTally) => t.noDecisionReasons(10),
      (t: DecidedTally) => t.closesByDay(),
      (t: DecidedTally) => t.concessionOutcomes(),
      (t: DecidedTally) => t.accountsAtQuarterEnd(1),
    ])
      expect(view(changed)).toEqual(view(fresh));
    expect(changed.noDecisionReasons(10)).toEqual([]);
  });
});
