import { describe, expect, it } from "vitest";
import { MIN_CLOSED, type OutcomeCounts, relationOf, shareWords } from "./metrics.ts";
import { inQuarter, trainedToWait, weekOfQuarter } from "./quarter.ts";

const counts = (n: number, won: number, noDecision: number, cycle: number): OutcomeCounts => ({
  n,
  won,
  lost: n - won - noDecision,
  noDecision,
  cycleDays: cycle * n,
});

describe("how a metric relates to outcomes", () => {
  it("compares win, no-decision and cycle with and without the evidence when both sides have enough", () => {
    const r = relationOf("Cost of inaction quantified", counts(40, 20, 6, 45), counts(60, 18, 27, 80));
    expect(r.enough).toBe(true);
    expect(r.withIt).toEqual({ n: 40, winRate: 0.5, noDecisionRate: 0.15, cycleDays: 45 });
    expect(r.summary).toBe(
      "With cost of inaction quantified: won 50%, no decision 15%, 45 days (40 closed). Without: won 30%, no decision 45%, 80 days (60 closed).",
    );
  });

  it.each([
    [MIN_CLOSED - 1, 60],
    [60, MIN_CLOSED - 1],
    [0, 0],
  ])("says 'not enough data' with %i with and %i without", (a, b) => {
    const r = relationOf("Plan shared", counts(a, 0, 0, 0), counts(b, 0, 0, 0));
    expect(r.enough).toBe(false);
    expect(r.summary).toBe(
      `Not enough data: ${a} closed decisions with plan shared and ${b} without; ${MIN_CLOSED} of each are needed.`,
    );
  });

  it("words a share, and says when there is nothing to measure", () => {
    expect(shareWords(3, 8)).toBe("3 of 8 (38%)");
    expect(shareWords(0, 0)).toBe("no open decisions");
  });
});

describe("the quarter", () => {
  it.each([
    ["2026-01-01", 1, true, false],
    ["2026-03-31", 13, false, true],
    ["2026-03-11", 10, false, true],
    ["2026-03-10", 10, false, false],
    ["2026-02-15", 7, false, false],
    ["2026-12-31", 14, false, true],
  ] as const)("%s is week %i, first weeks %s, last weeks %s", (date, week, first, last) => {
    expect(inQuarter(date)).toMatchObject({ week, first, last });
  });

  it("counts closes and discounts per week and the last weeks against the first", () => {
    const q = weekOfQuarter([
      { date: "2026-01-05", closes: 2, discounted: 0, depthSum: 0 },
      { date: "2026-03-28", closes: 5, discounted: 2, depthSum: 0.3 },
    ]);
    expect(q).toMatchObject({ firstWeeks: 2, lastWeeks: 5, ratio: 2.5 });
    expect(q.weeks[12]).toEqual({ week: 13, closes: 5, discounted: 2, meanDepth: 0.15 });
    expect(weekOfQuarter([{ date: "2026-03-28", closes: 5, discounted: 0, depthSum: 0 }]).ratio).toBeNull();
  });

  it("calls an account trained to wait only with enough decisions, most discounted at quarter end", () => {
    expect(trainedToWait({ decided: 4, discountedAtQuarterEnd: 2 })).toBe(true);
    expect(trainedToWait({ decided: 4, discountedAtQuarterEnd: 1 })).toBe(false);
    expect(trainedToWait({ decided: 2, discountedAtQuarterEnd: 2 })).toBe(false);
  });
});
