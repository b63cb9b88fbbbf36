import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/server/features/imports/imports.service.ts";
import { createTestApp, type TestApp } from "../app.ts";
import { collectIssues, fixture, importedDecisions, importWorkspace } from "./import-helpers.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const decisions = (workspaceId: string) => importedDecisions(t, workspaceId);

describe("report exports as a sales manager makes them", () => {
  it("a Salesforce opportunity report (Details only, Windows-1252, with its footer) imports with --format auto; again, nothing new", async () => {
    const { actor } = await importWorkspace(t, "SF report");
    const { issues, onIssues } = collectIssues();
    const file = fixture("salesforce-opportunity-report.csv");
    const result = await importFiles(t.db, actor, [file], {}, { onIssues });
    expect(result.plans.map((p) => [p.format, p.kind, p.head.encoding])).toEqual([
      ["salesforce_report", "opportunity", "windows-1252"],
    ]);
    expect(result.counts).toMatchObject({ created: 4, errors: 0 });
    // The totals line and the two notices are noted, never records or errors; blank lines pass silently (and,
    // as everywhere, rows are counted as records: the header is row 1, a blank line is not counted).
    expect(issues.map((i) => [i.row, i.severity, i.message])).toEqual([
      [6, "warning", "not a record, skipped: the report's totals line (“Grand Totals (4 records)”)"],
      [
        7,
        "warning",
        "not a record, skipped: the report's notice (“Confidential Information - Do Not Distribute”)",
      ],
      [
        8,
        "warning",
        "not a record, skipped: the report's notice (“Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.”)",
      ],
    ]);
    const rows = await decisions(actor.workspaceId);
    expect(rows.map((r) => [r.title, r.account, r.outcome, Number(r.value_amount), r.source_stage])).toEqual([
      ["Contoso – Scheduling", "Contoso", "lost", 1_800_000, "Closed Lost"],
      ["Fabrikam - Field service", "Fabrikam", "open", 990_000, "Prospecting"],
      ["Müller GmbH - Plant ledgers", "Müller GmbH", "open", 4_550_000, "Negotiation/Review"],
      ["Société Générale - Treasury close", "Société Générale", "won", 12_000_000, "Closed Won"],
    ]);
    expect(rows.find((r) => r.account === "Müller GmbH")!.target_date).toEqual("2026-06-30");
    const again = await importFiles(t.db, actor, [file], {});
    expect(again.counts).toMatchObject({ created: 0, errors: 0 });
  });

  it("a grouped (summary) report: each group's value is filled down, its subtotal and total lines skipped", async () => {
    const { actor } = await importWorkspace(t, "SF grouped");
    const result = await importFiles(t.db, actor, [fixture("salesforce-grouped-report.csv")], {});
    expect(result.plans[0]).toMatchObject({
      format: "salesforce_report",
      kind: "opportunity",
      filledDown: [0, 1],
    });
    expect(result.counts).toMatchObject({ created: 5, errors: 0 });
    const rows = await decisions(actor.workspaceId);
    expect(rows.map((r) => [r.title, r.outcome, r.source_owner])).toEqual([
      ["Adatum - Planning", "lost", "Sam Rep"],
      ["Litware - Budgeting", "lost", "Sam Rep"],
      ["Northwind - Expenses", "won", "Dana Seller"],
      ["Northwind - Payroll", "won", "Dana Seller"],
      ["Tailspin - Close", "open", "Dana Seller"],
    ]);
  });
});
