import { describe, expect, it } from "vitest";
import { auc, brier, ece, logLoss, relativeGain } from "./scoring.ts";

describe("scoring probabilities against what happened", () => {
  it("Brier and log loss are 0-ish for confident right forecasts and large for confident wrong ones", () => {
    expect(
      brier([
        { p: 1, y: 1 },
        { p: 0, y: 0 },
      ]),
    ).toBe(0);
    expect(brier([{ p: 0, y: 1 }])).toBe(1);
    expect(
      brier([
        { p: 0.5, y: 1 },
        { p: 0.5, y: 0 },
      ]),
    ).toBe(0.25);
    expect(logLoss([{ p: 0.5, y: 1 }])).toBeCloseTo(Math.log(2));
    expect(logLoss([{ p: 0, y: 1 }])).toBeGreaterThan(10);
  });

  it("AUC is 1 for a perfect ranking, 0 for a reversed one, 0.5 when all forecasts tie", () => {
    const rows = [
      { p: 0.9, y: 1 as const },
      { p: 0.8, y: 1 as const },
      { p: 0.2, y: 0 as const },
    ];
    expect(auc(rows)).toBe(1);
    expect(auc(rows.map((r) => ({ ...r, p: 1 - r.p })))).toBe(0);
    expect(auc(rows.map((r) => ({ ...r, p: 0.5 })))).toBe(0.5);
  });

  it("calibration error is 0 when each bin's forecast matches its rate, and shows an overconfident one", () => {
    const calibrated = [
      { p: 0.25, y: 1 as const },
      { p: 0.25, y: 0 as const },
      { p: 0.25, y: 0 as const },
      { p: 0.25, y: 0 as const },
    ];
    expect(ece(calibrated)).toBeCloseTo(0);
    expect(ece(calibrated.map((r) => ({ ...r, p: 0.95 })))).toBeCloseTo(0.7);
  });

  it("the relative gain and its bootstrap interval are the same on every run, and bracket the gain", () => {
    const outcomes = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 1 : 0) as 0 | 1);
    const model = outcomes.map((y) => (y ? 0.6 : 0.2));
    const baseline = outcomes.map(() => 1 / 3);
    const first = relativeGain(model, baseline, outcomes);
    expect(first).toEqual(relativeGain(model, baseline, outcomes));
    expect(first.gain).toBeGreaterThan(0);
    expect(first.ci95[0]).toBeLessThanOrEqual(first.gain);
    expect(first.ci95[1]).toBeGreaterThanOrEqual(first.gain);
  });
});
