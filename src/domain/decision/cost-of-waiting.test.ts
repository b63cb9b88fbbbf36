import { describe, expect, it } from "vitest";
import { costOfWaiting } from "./cost-of-waiting.ts";

const today = new Date("2026-01-01T00:00:00Z");

describe("cost of waiting", () => {
  it.each([
    ["week", 100_00, 433_33],
    ["month", 100_00, 100_00],
    ["quarter", 300_00, 100_00],
    ["year", 1_200_00, 100_00],
  ] as const)("normalizes a cost per %s to per month", (period, amount, perMonth) => {
    expect(costOfWaiting({ recurringCost: { amount, period } }, null, today).perMonth).toBe(perMonth);
  });

  it("sizes waiting until the target date, and nothing once it has passed", () => {
    const impact = { recurringCost: { amount: 45_000_00, period: "month" as const } };
    const sixMonths = costOfWaiting(impact, "2026-07-02", today);
    expect(sixMonths.monthsToTarget).toBe(6);
    expect(sixMonths.untilTarget).toBe(270_000_00);
    expect(costOfWaiting(impact, "2025-06-01", today)).toMatchObject({ monthsToTarget: 0, untilTarget: 0 });
  });

  it("weighs one-off risks by their likelihood", () => {
    const impact = {
      risks: [
        { description: "fine", amount: 25_000_00, likelihood: 40 },
        { description: "churn", amount: 100_00, likelihood: 100 },
      ],
    };
    expect(costOfWaiting(impact, null, today).riskExposure).toBe(10_100_00);
  });
});
