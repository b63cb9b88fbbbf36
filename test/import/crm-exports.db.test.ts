// Each CRM's own export, as its users download it, imports with --format auto: the system and the record kind
// come from the labels its headers use, stages and statuses of any pipeline give the outcome.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/server/features/imports/imports.service.ts";
import { MappingNeededError } from "../../src/server/features/imports/plan.ts";
import { createTestApp, type TestApp } from "../app.ts";
import { fixture, importedDecisions, importWorkspace } from "./import-helpers.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const decisions = (workspaceId: string) => importedDecisions(t, workspaceId);

type Row = [title: string, account: string, outcome: string, value: number, target: string | null];

const SHAPES: [file: string, format: string, rows: Row[], unknownStages: Record<string, number>][] = [
  [
    "zoho-deals.csv",
    "zoho",
    [
      ["Adatum - Planning", "Adatum", "lost", 800_000, "2026-07-01"],
      ["Contoso - Route planning", "Contoso", "open", 4_500_000, "2027-03-31"],
      ["Fabrikam - Field service", "Fabrikam", "won", 1_250_000, "2026-10-15"],
      ["Litware - Budgeting", "Litware", "no_decision", 3_000_000, "2026-08-30"],
      ["Northwind - Payroll", "Northwind", "open", 6_000_000, "2027-01-20"],
    ],
    { "Technische Prüfung": 1 },
  ],
  [
    "dynamics-opportunities.csv",
    "dynamics",
    [
      ["Budget consolidation", "Litware Inc", "no_decision", 3_000_000, "2026-08-31"],
      ["Fleet telematics", "Fabrikam Inc", "won", 12_000_000, "2026-09-15"],
      ["Planning suite", "Adatum Corporation", "lost", 1_800_000, "2026-07-31"],
      ["Warehouse scanning rollout", "Contoso Ltd", "open", 4_500_000, "2027-03-31"],
    ],
    {},
  ],
  [
    "close-opportunities.csv",
    "close",
    [
      ["Contoso", "Contoso", "open", 1_500_000, null],
      ["Fabrikam", "Fabrikam", "won", 4_800_000, null],
      ["Litware", "Litware", "lost", 900_000, null],
    ],
    {},
  ],
  [
    "copper-opportunities.csv",
    "copper",
    [
      ["Adatum - Audit", "Adatum", "lost", 750_000, "2026-07-15"],
      ["Contoso - Dispatch", "Contoso", "open", 2_500_000, "2027-03-31"],
      ["Fabrikam - Inspections", "Fabrikam", "won", 4_000_000, "2026-10-30"],
      ["Litware - Forecasting", "Litware", "no_decision", 1_200_000, "2026-08-31"],
    ],
    {},
  ],
  [
    "hubspot-deals-export.csv",
    "hubspot",
    [
      ["Contoso renewal", "Contoso", "open", 1_850_000, "2027-02-27"],
      ["Fabrikam new seats", "Fabrikam", "won", 6_000_000, "2026-10-15"],
      ["Litware analytics", "Litware", "no_decision", 2_200_000, "2026-08-01"],
    ],
    {},
  ],
];

describe("each CRM's own export imports with --format auto", () => {
  it.each(SHAPES)(
    "%s is read as %s, with its titles, accounts, outcomes, values and dates; again, nothing new",
    async (file, format, rows, unknownStages) => {
      const { actor } = await importWorkspace(t, file);
      const result = await importFiles(t.db, actor, [fixture(file)], {});
      expect(result.plans.map((p) => [p.format, p.kind])).toEqual([[format, "opportunity"]]);
      expect(result.counts).toMatchObject({ created: rows.length, errors: 0 });
      expect(result.unknownStages).toEqual(unknownStages);
      const imported = await decisions(actor.workspaceId);
      expect(
        imported.map((r) => [r.title, r.account, r.outcome, Number(r.value_amount), r.target_date]),
      ).toEqual(rows);
      const again = await importFiles(t.db, actor, [fixture(file)], {});
      expect(again.counts).toMatchObject({ created: 0, errors: 0 });
    },
  );

  it("--format names the system and the columns are still mapped by their labels", async () => {
    const { actor } = await importWorkspace(t, "forced");
    const result = await importFiles(t.db, actor, [fixture("copper-opportunities.csv")], {
      format: "dynamics",
    });
    expect(result.plans.map((p) => [p.format, p.kind])).toEqual([["dynamics", "opportunity"]]);
    expect(result.counts).toMatchObject({ created: 4, errors: 0 });
    const sources = await t.db
      .selectFrom("decision")
      .select("source_system")
      .distinct()
      .where("workspace_id", "=", actor.workspaceId)
      .execute();
    expect(sources).toEqual([{ source_system: "dynamics" }]);
  });

  it("keeps when each was opened and decided, and an unknown stage as the source says it", async () => {
    const { actor } = await importWorkspace(t, "dates");
    await importFiles(t.db, actor, [fixture("dynamics-opportunities.csv"), fixture("zoho-deals.csv")], {});
    const imported = await decisions(actor.workspaceId);
    expect(imported.find((r) => r.title === "Fleet telematics")).toMatchObject({
      opened_on: "2026-04-14",
      outcome_date: "2026-09-15",
      source_stage: "Won",
    });
    expect(imported.find((r) => r.title === "Northwind - Payroll")).toMatchObject({
      opened_on: "2026-10-01",
      source_stage: "Technische Prüfung",
    });
  });

  it("an unknown CSV whose values make the mapping clear imports with it; one whose titles could be in two columns stops with a proposal", async () => {
    const { actor } = await importWorkspace(t, "unknown");
    const result = await importFiles(t.db, actor, [fixture("projekt-liste.csv")], {});
    expect(result.plans[0]).toMatchObject({ format: "csv", kind: "opportunity" });
    expect(result.plans[0]!.proposal).toMatchObject({ clear: true });
    expect(result.counts).toMatchObject({ created: 5, errors: 0 });
    const imported = await decisions(actor.workspaceId);
    expect(
      imported.map((r) => [r.title, r.account, r.outcome, Number(r.value_amount), r.target_date]),
    ).toEqual([
      ["Contoso – Lagerverwaltung", "Contoso", "open", 4_500_000, "2027-03-31"],
      ["Contoso – Zeiterfassung", "Contoso", "open", 800_000, "2027-01-20"],
      ["Fabrikam – Flottenplanung", "Fabrikam", "won", 1_250_000, "2026-10-15"],
      ["Litware – Budgetierung", "Litware", "lost", 3_000_000, "2026-08-30"],
      ["Northwind – Lohnabrechnung", "Northwind", "open", 6_000_000, "2027-02-28"],
    ]);
    expect((await importFiles(t.db, actor, [fixture("projekt-liste.csv")], {})).counts).toMatchObject({
      created: 0,
    });

    const stopped = await importFiles(t.db, actor, [fixture("codes-and-notes.csv")], {}).catch(
      (e: Error) => e,
    );
    expect(stopped).toBeInstanceOf(MappingNeededError);
    const needed = stopped as MappingNeededError;
    expect(needed.message).toContain(
      "the titles could be in “Label” or “Remark”: give a column mapping (--map)",
    );
    expect(needed.proposal?.fields).toMatchObject({ name: { column: "Label", confidence: 0.5 } });
  });
});
