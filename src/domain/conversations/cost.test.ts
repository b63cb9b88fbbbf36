import { describe, expect, it } from "vitest";
import { statedCost } from "./cost.ts";

describe("the recurring cost in a customer's sentence", () => {
  it.each([
    ["It costs us about $40k a month in overtime.", { amount: 40_000_00, currency: "USD", period: "month" }],
    [
      "We lose 12,000 euros every quarter to scrap.",
      { amount: 12_000_00, currency: "EUR", period: "quarter" },
    ],
    [
      "That's £1.5m per year walking out the door.",
      { amount: 1_500_000_00, currency: "GBP", period: "year" },
    ],
    [
      "Roughly 3 thousand dollars weekly in expedite fees.",
      { amount: 3_000_00, currency: "USD", period: "week" },
    ],
    ["Chargebacks run $8,250/mo.", { amount: 8_250_00, currency: "USD", period: "month" }],
    ["We spend € 900 each week on couriers.", { amount: 900_00, currency: "EUR", period: "week" }],
  ])("%s", (sentence, cost) => {
    expect(statedCost(sentence)).toEqual(cost);
  });

  it.each([
    "We paid $40k for the last system.", // an amount with no period is not recurring
    "We meet every month to go through it.", // a period with no amount
    "It takes 15 hours a week.", // time, not money
    "It happened in 2023 a year ago.",
  ])("reads no recurring cost in %s", (sentence) => {
    expect(statedCost(sentence)).toBeNull();
  });
});
