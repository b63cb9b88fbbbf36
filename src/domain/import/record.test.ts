import { describe, expect, it } from "vitest";
import { suggestColumns } from "./fields.ts";
import { readRow, stakeholderRole } from "./record.ts";

const rowOf = (headers: string[], values: string[]) => (column: string) => values[headers.indexOf(column)];

function read(kind: Parameters<typeof readRow>[0], headers: string[], values: string[], extra = {}) {
  return readRow(kind, rowOf(headers, values), {
    row: 2,
    columns: suggestColumns(kind, headers),
    dateOrders: {},
    ...extra,
  });
}

describe("readRow: opportunities", () => {
  const headers = [
    "Id",
    "Name",
    "AccountId",
    "StageName",
    "Amount",
    "CloseDate",
    "Description",
    "NextStep",
    "Loss_Reason__c",
  ];

  it("maps a Salesforce opportunity, keeping description and next step as notes", () => {
    const { record, issues } = read("opportunity", headers, [
      "006A",
      "Scheduling",
      "001A",
      "Needs Analysis",
      "1,200.50",
      "2027-03-31",
      "Overtime",
      "Call CFO",
      "",
    ]);
    expect(issues).toEqual([]);
    expect(record).toEqual({
      kind: "opportunity",
      sourceId: "006A",
      account: { by: "id", value: "001A" },
      title: "Scheduling",
      valueAmount: 120_050,
      currency: null,
      targetDate: "2027-03-31",
      outcome: "open",
      outcomeReason: null,
      outcomeDate: null,
      openedDate: null,
      listAmount: null,
      sourceStage: "Needs Analysis",
      stageKnown: true,
      owner: null,
      productLine: null,
      notes: "Overtime\n\nNext step: Call CFO",
      people: [],
    });
  });

  it("reads the people a deal names: HubSpot's associated contact ids, Pipedrive's contact person", () => {
    const hubspot = read(
      "opportunity",
      ["Record ID", "Deal Name", "Associated Contact IDs"],
      ["5001", "Renewal", "901; 902;901"],
    );
    expect(hubspot.record).toMatchObject({
      people: [
        { by: "id", value: "901", column: "Associated Contact IDs" },
        { by: "id", value: "902", column: "Associated Contact IDs" },
      ],
    });
    const pipedrive = read(
      "opportunity",
      ["Deal - ID", "Deal - Title", "Deal - Contact person"],
      ["301", "Fleet", "Sam Rivera"],
    );
    expect(pipedrive.record).toMatchObject({
      people: [{ by: "name", value: "Sam Rivera", column: "Deal - Contact person" }],
    });
    const many = read(
      "opportunity",
      ["Id", "Name", "Contact Id"],
      ["1", "Deal", Array.from({ length: 60 }, (_, i) => `c${i}`).join(";")],
    );
    expect(many.record).toMatchObject({ kind: "opportunity" });
    expect((many.record as { people: unknown[] }).people).toHaveLength(50);
    expect(many.issues).toContainEqual(
      expect.objectContaining({
        column: "Contact Id",
        severity: "warning",
        message: expect.stringContaining("50"),
      }),
    );
  });

  it.each([
    ["Closed Won", "", "won"],
    ["Closed Lost", "Chose a competitor", "lost"],
    ["Closed Lost", "Customer went dark", "no_decision"],
    ["Closed Lost", "Stayed with status quo", "no_decision"],
    ["closedlost", "", "lost"],
  ])("stage %s with loss reason %j is %s", (stage, reason, outcome) => {
    const { record } = read("opportunity", headers, ["1", "Deal", "001", stage, "", "", "", "", reason]);
    expect(record).toMatchObject({ outcome, sourceStage: stage });
  });

  it("an open deal's loss reason is kept in the notes, not dropped", () => {
    const { record } = read("opportunity", headers, [
      "1",
      "Deal",
      "001",
      "Prospecting",
      "",
      "",
      "",
      "",
      "Budget frozen",
    ]);
    expect(record).toMatchObject({
      outcome: "open",
      outcomeReason: null,
      notes: "Loss reason: Budget frozen",
    });
  });

  it("a row with an error gives no record; the error names column, value and why", () => {
    const { record, issues } = read("opportunity", headers, [
      "1",
      "Deal",
      "001",
      "Prospecting",
      "12 apples",
      "2027-02-30",
      "",
      "",
      "",
    ]);
    expect(record).toBeNull();
    expect(issues).toEqual([
      { row: 2, column: "Amount", value: "12 apples", message: "is not an amount", severity: "error" },
      {
        row: 2,
        column: "CloseDate",
        value: "2027-02-30",
        message: '"2027-02-30" is not a real date (year-month-day)',
        severity: "error",
      },
    ]);
  });

  it("a missing account is a warning; the row still imports", () => {
    const { record, issues } = read("opportunity", ["Id", "Name"], ["1", "Deal"]);
    expect(record).toMatchObject({ account: null });
    expect(issues[0]).toMatchObject({
      severity: "warning",
      message: expect.stringContaining("No account given"),
    });
  });

  it("marked deleted in the source: skipped, not an error", () => {
    const result = read("opportunity", ["Id", "Name", "IsDeleted"], ["1", "Deal", "true"]);
    expect(result).toEqual({ record: null, issues: [], skipped: "marked deleted in the source" });
  });

  it("a cell neutralized by an exporter reads back as written", () => {
    const { record } = read("opportunity", ["Id", "Name"], ["1", "'=SUM(A1)"]);
    expect(record).toMatchObject({ title: "=SUM(A1)" });
  });

  it("values for every row come from the mapping's constants", () => {
    const { record } = readRow("opportunity", rowOf(["mql_id", "segment"], ["m1", "pet"]), {
      row: 2,
      columns: { id: "mql_id", name: "segment" },
      constants: { stage: "Closed Won" },
      dateOrders: {},
    });
    expect(record).toMatchObject({ outcome: "won", title: "pet" });
  });
});

describe("readRow: contacts and accounts", () => {
  it("joins first and last name; an account-only row of a report is an account", () => {
    const headers = ["Account: Account Name", "Contact: First Name", "Contact: Last Name", "Contact: Email"];
    expect(read("contact", headers, ["Acme", "Lena", "Olsen", "lena@acme.example"]).record).toMatchObject({
      kind: "contact",
      name: "Lena Olsen",
      account: { by: "name", value: "Acme" },
      sourceId: "email:lena@acme.example",
    });
    expect(read("contact", headers, ["Acme", "", "", ""]).record).toMatchObject({
      kind: "account",
      name: "Acme",
    });
  });

  it("a contact with neither name nor email is an error", () => {
    const { record, issues } = read("contact", ["Id", "FirstName", "LastName"], ["1", "", ""]);
    expect(record).toBeNull();
    expect(issues.some((i) => i.severity === "error" && i.message.includes("needs a name"))).toBe(true);
  });
});

describe("stakeholderRole", () => {
  it.each([
    ["Economic Buyer", "economic_buyer"],
    ["Decision Maker", "economic_buyer"],
    ["Executive Sponsor", "economic_buyer"],
    ["Technical Buyer", "technical_evaluator"],
    ["Evaluator", "technical_evaluator"],
    ["Business User", "user"],
    ["Influencer", "influencer"],
    ["Other", "other"],
    [null, "other"],
  ])("%s → %s", (source, role) => {
    expect(stakeholderRole(source)).toBe(role);
  });
});

describe("suggestColumns", () => {
  it("reads API names, report labels, Pipedrive prefixes and snake_case alike", () => {
    expect(suggestColumns("opportunity", ["STAGENAME", "CLOSEDATE"])).toEqual({
      stage: "STAGENAME",
      closeDate: "CLOSEDATE",
    });
    expect(suggestColumns("opportunity", ["Deal - Title", "Deal - Expected close date"])).toEqual({
      name: "Deal - Title",
      closeDate: "Deal - Expected close date",
    });
    expect(suggestColumns("opportunity", ["deal_stage", "close_value"])).toEqual({
      stage: "deal_stage",
      amount: "close_value",
    });
  });
});
