import { describe, expect, it } from "vitest";
import { BLANK_LINE, FillDown, groupedColumns, reportLine } from "./report-lines.ts";

describe("reportLine", () => {
  it.each([
    [["", "", ""], BLANK_LINE],
    [["Grand Totals (12 records)", "", "1,200.00"], "the report's totals line (“Grand Totals (12 records)”)"],
    [["", "Subtotal", "", "42,000.00"], "the report's totals line (“Subtotal”)"],
    [["Total", "", "72,500"], "the report's totals line (“Total”)"],
    [["Gesamtsumme (3 Datensätze)"], "the report's totals line (“Gesamtsumme (3 Datensätze)”)"],
    [
      ["Confidential Information - Do Not Distribute"],
      "the report's notice (“Confidential Information - Do Not Distribute”)",
    ],
    [
      ["Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."],
      "the report's notice (“Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.”)",
    ],
  ])("%j is not a record: %s", (values, why) => {
    expect(reportLine(values)).toBe(why);
  });

  it.each([
    [["Contoso - Scheduling", "Contoso", "Closed Won", "1,200"]],
    [["Total Rewards rollout", "Acme", "Prospecting", "9,000"]],
    [["Confidential Information - Do Not Distribute", "Acme", "Closed Won"]],
    [["Copyright renewal", "Acme"]],
  ])("%j is a record", (values) => {
    expect(reportLine(values)).toBeNull();
  });
});

describe("grouped report columns", () => {
  const grouped = [
    ["Dana", "Won", "Payroll"],
    ["", "", "Expenses"],
    ["", "Open", "Close"],
    ["Sam", "Lost", "Planning"],
    ["", "", "Budgeting"],
  ];

  it("are the leading columns printed only on a group's first row, filled down", () => {
    expect(groupedColumns(grouped)).toEqual([0, 1]);
    const fill = new FillDown([0, 1]);
    expect(grouped.map((r) => fill.fill(r).join("|"))).toEqual([
      "Dana|Won|Payroll",
      "Dana|Won|Expenses",
      "Dana|Open|Close",
      "Sam|Lost|Planning",
      "Sam|Lost|Budgeting",
    ]);
  });

  it("are none in a flat export, even with a few empty cells in the first column", () => {
    const flat = [
      ["Acme", "Won", "Payroll"],
      ["Globex", "Open", "Close"],
      ["", "Open", "Expenses"],
      ["Initech", "Lost", "Planning"],
      ["Umbrella", "Open", "Budgeting"],
      ["Hooli", "Open", "Audit"],
    ];
    expect(groupedColumns(flat)).toEqual([]);
    expect(
      groupedColumns([
        ["", "Open", "x"],
        ["", "Won", "y"],
        ["", "Lost", "z"],
      ]),
    ).toEqual([]);
  });
});
