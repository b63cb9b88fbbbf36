import { describe, expect, it } from "vitest";
import { outcomeFromStage } from "./outcome.ts";

describe("outcomeFromStage", () => {
  it.each([
    ["Closed Won", null, "won"],
    ["Won", null, "won"],
    ["Closed Lost", "Chose a competitor", "lost"],
    ["Closed Lost", "No decision", "no_decision"],
    ["Lost", "Went dark after the demo", "no_decision"],
    ["Closed Lost", "Status quo — stayed with spreadsheets", "no_decision"],
    ["Prospecting", null, "open"],
    ["Negotiation/Review", null, "open"],
    ["", null, "open"],
  ] as const)("%s / %s → %s", (stage, reason, outcome) => {
    expect(outcomeFromStage(stage, reason)).toBe(outcome);
  });
});
