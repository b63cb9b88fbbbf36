import { describe, expect, it } from "vitest";
import { type OutcomeEvidence, outcomeOf } from "./outcome.ts";

describe("the outcome of a deal from what its CRM says", () => {
  it.each([
    [{ stage: "Closed Won" }, "won"],
    [{ stage: "Won" }, "won"],
    [{ stage: "Gewonnen" }, "won"],
    [{ stage: "Gagnée" }, "won"],
    [{ stage: "Closed Lost", reason: "Chose a competitor" }, "lost"],
    [{ stage: "Verloren", reason: "Preis" }, "lost"],
    [{ stage: "Closed Lost", reason: "No decision" }, "no_decision"],
    [{ stage: "Lost", reason: "Went dark after the demo" }, "no_decision"],
    [{ stage: "Closed Lost", reason: "Status quo — stayed with spreadsheets" }, "no_decision"],
    [{ stage: "Closed Lost", reason: "Project postponed to next year" }, "no_decision"],
    [{ stage: "Closed Lost", reason: "No budget this year" }, "no_decision"],
    [{ status: "Lost", stage: "Propose", reason: "Canceled" }, "no_decision"],
    [{ status: "Lost", stage: "Propose", reason: "Out-Sold" }, "lost"],
    [{ status: "Won", stage: "Close" }, "won"],
    [{ status: "Abandoned", stage: "Proposal" }, "no_decision"],
    [{ status: "Open", stage: "Abschluss" }, "open"],
    [{ stage: "Vertrag unterschrieben", probability: 100 }, "won"],
    [{ stage: "Prospecting" }, "open"],
    [{ stage: "Negotiation/Review" }, "open"],
    [{ stage: "" }, "open"],
  ] as [OutcomeEvidence, string][])("%o → %s", (evidence, outcome) => {
    expect(outcomeOf(evidence).outcome).toBe(outcome);
  });

  it.each([
    [{ stage: "Prospecting" }, true],
    [{ stage: "Qualified to Buy" }, true],
    [{ stage: "contractsent" }, true],
    [{ stage: "Closed Lost" }, true],
    [{ stage: "Abschluss", status: "Open" }, true],
    [{}, true],
    [{ stage: "Stufe 3" }, false],
    [{ stage: "Blue" }, false],
  ] as [OutcomeEvidence, boolean][])("knows the stage of %o: %s", (evidence, known) => {
    expect(outcomeOf(evidence).known).toBe(known);
  });
});
