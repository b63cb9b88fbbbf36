import { describe, expect, it } from "vitest";
import { proposalAsMapping, proposeMapping } from "./propose.ts";

const columnsOf = (headers: string[], rows: string[][]) =>
  proposalAsMapping(proposeMapping(headers, rows)).columns;

describe("a mapping proposed from what the columns hold", () => {
  it("finds title, account, stage, amount, date, owner and id in a list with headers no system uses", () => {
    const proposal = proposeMapping(
      ["Nr.", "Vorhaben", "Kunde", "Phase", "Volumen", "Termin", "Betreuer"],
      [
        [
          "101",
          "Contoso – Lagerverwaltung",
          "Contoso",
          "Angebot",
          "45.000,00 €",
          "31.03.2027",
          "dana@x.test",
        ],
        [
          "102",
          "Fabrikam – Flottenplanung",
          "Fabrikam",
          "Gewonnen",
          "12.500,00 €",
          "15.10.2026",
          "dana@x.test",
        ],
        ["103", "Litware – Budgetierung", "Litware", "Verloren", "30.000,00 €", "30.08.2026", "sam@x.test"],
        [
          "104",
          "Contoso – Zeiterfassung",
          "Contoso",
          "Verhandlung",
          "8.000,00 €",
          "20.01.2027",
          "sam@x.test",
        ],
      ],
    );
    expect(proposal.clear).toBe(true);
    expect(proposalAsMapping(proposal)).toEqual({
      kind: "opportunity",
      columns: {
        id: "Nr.",
        name: "Vorhaben",
        accountName: "Kunde",
        stage: "Phase",
        amount: "Volumen",
        closeDate: "Termin",
        ownerEmail: "Betreuer",
      },
    });
    expect(proposal.fields.id!.why).toBe(
      "its values are numbers or codes, each different: “101”, “102”, “103”",
    );
    expect(proposal.fields.stage!.why).toBe(
      "its values are a pipeline's stages: “Angebot”, “Gewonnen”, “Verloren”",
    );
    expect(proposal.said).toBe(
      "its values show the title (“Vorhaben”), the stage (“Phase”), the amount (“Volumen”), the date (“Termin”)",
    );
  });

  it("takes a column its header names as sure, and guesses the rest from values", () => {
    const proposal = proposeMapping(
      ["Deal Name", "Worth"],
      [
        ["Renewal", "$1,200"],
        ["Expansion", "$9,000"],
      ],
    );
    expect(proposal.fields.name).toEqual({
      column: "Deal Name",
      confidence: 1,
      why: "its header “Deal Name” names it",
    });
    expect(proposal.fields.amount).toMatchObject({ column: "Worth", confidence: 0.9 });
    expect(proposal.clear).toBe(true);
  });

  it("with two date columns, the later is the close date and the earlier when it opened, less surely", () => {
    const columns = columnsOf(
      ["Project description", "Start", "End"],
      [
        ["Warehouse scanning for 40 depots", "2026-01-10", "2026-06-30"],
        ["Fleet telematics for the north", "2026-02-01", "2026-09-15"],
      ],
    );
    expect(columns).toMatchObject({ name: "Project description", closeDate: "End", openedDate: "Start" });
    const proposal = proposeMapping(
      ["Project description", "Start", "End"],
      [
        ["Warehouse scanning for 40 depots", "2026-01-10", "2026-06-30"],
        ["Fleet telematics for the north", "2026-02-01", "2026-09-15"],
      ],
    );
    expect(proposal.fields.closeDate!.confidence).toBeLessThan(0.8);
    expect(proposal.clear).toBe(false);
  });

  it("reads percentages as a probability and never a row number as an amount", () => {
    const columns = columnsOf(
      ["#", "What", "Chance", "Money"],
      [
        ["1", "Scheduling for the plant", "20", "1200.50"],
        ["2", "Payroll for the stores", "100", "980.00"],
        ["3", "Budget tool for finance", "20", "15000.00"],
      ],
    );
    expect(columns).toMatchObject({ id: "#", name: "What", probability: "Chance", amount: "Money" });
  });

  it("never takes codes for titles: a hash or a reference is an id", () => {
    const proposal = proposeMapping(
      ["mql_id", "first_contact_date", "origin"],
      [
        ["dac32acd4db4c29c230538b72f8dd87d", "01-02-2018", "social"],
        ["8c18d1de7f67e60dbd64e3c07d7e9d5d", "20-10-2017", "paid_search"],
        ["b4bc852d233dfefc5131f593b538befa", "22-03-2018", "social"],
      ],
    );
    expect(proposal.fields.name).toBeUndefined();
    expect(proposal.fields.id).toMatchObject({ column: "mql_id" });
    expect(proposal.clear).toBe(false);
  });

  it.each([
    [
      "two columns could hold the titles",
      ["Ref", "Label", "Remark"],
      [
        ["A-17", "Blue folder", "Call back"],
        ["B-22", "Green folder", "Send leaflet"],
      ],
      "the titles could be in “Label” or “Remark”",
    ],
    [
      "no column differs on every row",
      ["Colour"],
      [["Blue"], ["Blue"]],
      "no column can be told to hold the titles",
    ],
    [
      "a title but nothing else",
      ["Subject"],
      [["Call the plant manager"], ["Send the leaflet"]],
      "no stage, amount or date column was found with confidence",
    ],
  ])("is not clear when %s", (_, headers, rows, said) => {
    const proposal = proposeMapping(headers, rows);
    expect(proposal.clear).toBe(false);
    expect(proposal.said).toBe(said);
  });
});
