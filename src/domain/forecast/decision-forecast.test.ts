import { describe, expect, it } from "vitest";
import { expectedClose } from "./close-month.ts";
import { type Example, expectedRange, fitDecisionModel, forecastDecision } from "./decision-forecast.ts";

const name = (f: string) => f;
const example = (features: Record<string, number>, outcome: Example["outcome"]): Example => ({
  features: new Map(Object.entries(features)),
  outcome,
});

describe("the forecast of an open decision", () => {
  it("learns from evidence that tells outcomes apart, and says what moved the chance", () => {
    const history = Array.from({ length: 200 }, (_, i) =>
      i % 2
        ? example({ "evidence:cost": 1 }, i % 10 === 1 ? "lost" : "won")
        : example({}, i % 4 ? "no_decision" : "lost"),
    );
    const model = fitDecisionModel(history);
    expect(model.decided.model).not.toBeNull();
    const withCost = forecastDecision(model, new Map([["evidence:cost", 1]]), name);
    const without = forecastDecision(model, new Map(), name);
    expect(withCost.won).toBeGreaterThan(without.won + 0.3);
    expect(without.noDecision).toBeGreaterThan(withCost.noDecision);
    expect(withCost.won + withCost.lost + withCost.noDecision).toBeCloseTo(1, 9);
    expect(withCost.why[0]).toBe("evidence:cost raised the chance of winning.");
  });

  it("falls back to the history's rates when nothing on record tells outcomes apart", () => {
    const history = Array.from({ length: 120 }, (_, i) =>
      example({ [`owner:${i % 2}`]: 1 }, (["won", "lost", "no_decision"] as const)[i % 3]!),
    );
    const model = fitDecisionModel(history);
    expect(model.decided.model).toBeNull();
    expect(model.notes[0]).toMatch(/the rate is used/);
    const f = forecastDecision(model, new Map([["owner:1", 1]]), name);
    expect(f.won).toBeCloseTo(1 / 3, 6);
    expect(f.noDecision).toBeCloseTo(1 / 3, 6);
    expect(f.why[0]).toBe(
      "Nothing on record moves it from this workspace's history: 40 of 120 closed decisions won, 40 ended in no decision.",
    );
  });

  it("does not learn from fewer than 50 closed decisions, and is even with none", () => {
    expect(fitDecisionModel([example({ a: 1 }, "won")]).notes[0]).toMatch(/fewer than the 50 needed/);
    const none = forecastDecision(fitDecisionModel([]), new Map(), name);
    expect(none).toMatchObject({ won: 1 / 3, lost: 1 / 3, noDecision: 1 / 3 });
  });

  it("sums uncertain wins into an expected value with a 90% range that never goes below zero", () => {
    expect(expectedRange([{ p: 1, value: 100 }])).toEqual({ expected: 100, low: 100, high: 100 });
    const r = expectedRange(Array.from({ length: 4 }, () => ({ p: 0.5, value: 100 })));
    expect(r.expected).toBe(200);
    expect(r.low).toBeCloseTo(200 - 164.5, 6);
    expect(r.high).toBeCloseTo(200 + 164.5, 6);
    expect(expectedRange([{ p: 0.1, value: 100 }]).low).toBe(0);
  });
});

describe("the expected close", () => {
  const today = new Date("2026-11-29T00:00:00Z");
  it("is the customer's date while it is ahead", () => {
    expect(expectedClose({ targetDate: "2027-02-10", ageDays: 30 }, [], today)).toEqual({
      month: "2027-02",
      why: "Their target date, 2027-02-10.",
    });
  });
  it("otherwise comes from how much longer decisions open as long took", () => {
    const close = expectedClose({ targetDate: "2026-10-01", ageDays: 40 }, [10, 50, 60, 70, 80, 100], today);
    expect(close.month).toBe("2026-12");
    expect(close.why).toBe(
      "Decisions here that were still open after 40 days closed about 30 days later (median of 5).",
    );
  });
  it("says so when there is too little history", () => {
    expect(expectedClose({ targetDate: null, ageDays: 400 }, [10, 20], today).why).toMatch(
      /too little history/,
    );
  });
});
