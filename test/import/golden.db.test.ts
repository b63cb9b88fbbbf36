import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dryRun, importFiles } from "../../src/server/features/imports/imports.service.ts";
import { createTestApp, type TestApp } from "../app.ts";
import { sharedData } from "../shared-data.ts";
import { collectIssues, importWorkspace, tally as tallyOf } from "./import-helpers.ts";

const shared = sharedData();
const when = it.skipIf(!shared.present);
const SKIP = " (skipped when the shared data is not beside the project)";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const workspace = (name: string) => importWorkspace(t, name);
const tally = (workspaceId: string) => tallyOf(t, workspaceId).then(({ involvements: _, ...rest }) => rest);
const collect = collectIssues;

describe("golden imports of the shared CRM exports", () => {
  when(
    `Maven CRM: 85 accounts, 8,800 decisions with their outcomes; the product mismatch and missing accounts are row warnings${SKIP}`,
    async () => {
      const { actor } = await workspace("Maven golden");
      const files = ["accounts.csv", "products.csv", "sales_pipeline.csv", "sales_teams.csv"].map((f) =>
        shared.file(`maven-crm/${f}`),
      );
      const { issues, onIssues } = collect();
      const result = await importFiles(t.db, actor, files, {}, { onIssues });
      expect(result.counts).toMatchObject({ created: 85 + 8800, updated: 0, errors: 0 });
      // 85 accounts plus "No account given" for the 1,425 open deals without one.
      expect(await tally(actor.workspaceId)).toEqual({
        accounts: 86,
        stakeholders: 0,
        decisions: 8800,
        outcomes: { won: 4238, lost: 2473, open: 1589 + 500 },
      });
      const products = issues.filter((i) => i.message.includes("GTXPro"));
      expect(products).toHaveLength(1480);
      expect(products.every((i) => i.severity === "warning" && i.column === "product")).toBe(true);
      expect(issues.filter((i) => i.message.startsWith("no account given"))).toHaveLength(1425);
      const won = await sql<{ total: number; gtx: number }>`SELECT sum(value_amount)::bigint AS total,
      count(*) FILTER (WHERE product_line = 'GTX Pro')::int AS gtx FROM decision
      WHERE workspace_id = ${actor.workspaceId} AND outcome = 'won'`.execute(t.db);
      expect(Number(won.rows[0]!.total)).toBe(10_005_534 * 100);
      expect(result.unknownOwners["Darcel Schlecht"]).toBeGreaterThan(0);
      const deal = await t.db
        .selectFrom("decision")
        .selectAll()
        .where("workspace_id", "=", actor.workspaceId)
        .where("source_id", "=", "1C1I7A6R")
        .executeTakeFirstOrThrow();
      expect(deal).toMatchObject({
        source_system: "maven",
        source_stage: "Won",
        outcome: "won",
        target_date: "2017-03-01",
        value_amount: 105_400,
        product_line: "GTX Plus Basic",
        source_owner: "Moses Frase",
      });

      // Importing the same files again updates and never duplicates.
      const again = await importFiles(t.db, actor, files, {});
      expect(again.counts).toMatchObject({ created: 0, updated: 85 + 8800 });
      expect((await tally(actor.workspaceId)).decisions).toBe(8800);
    },
  );

  when(`Salesforce Data Loader: 423 accounts, 38 opportunities linked to them, 8 won${SKIP}`, async () => {
    const { actor } = await workspace("Salesforce golden");
    const files = ["opportunityData.csv", "accountData.csv"].map((f) =>
      shared.file(`salesforce-dataloader-samples/${f}`),
    );
    const result = await importFiles(t.db, actor, files, {});
    expect(result.plans.map((p) => p.kind)).toEqual(["account", "opportunity"]);
    expect(result.plans[0]!.head.encoding).toBe("windows-1252");
    expect(result.counts).toMatchObject({ created: 461, errors: 0 });
    expect(await tally(actor.workspaceId)).toEqual({
      accounts: 423,
      stakeholders: 0,
      decisions: 38,
      outcomes: { won: 8, open: 30 },
    });
    const first = await sql<{ title: string; value_amount: number; account: string; notes: string }>`
      SELECT d.title, d.value_amount, a.name AS account, d.notes FROM decision d JOIN account a ON a.id = d.account_id
      WHERE d.workspace_id = ${actor.workspaceId} AND d.source_id = '006x0000001YtCrAAK'`.execute(t.db);
    expect(first.rows[0]).toMatchObject({
      title: "George Foundation - 5000 Widgets",
      value_amount: 50_000_000,
    });
    expect(first.rows[0]!.notes).toContain("Initial deal for 5000 widgets");
    expect(first.rows[0]!.notes).toContain("Next step: Closed!");
    expect(result.unknownOwners).toEqual({ "005x0000000fNSiAAM": 38 });
  });

  when(
    `Salesforce result files: a duplicate id in one file is a row error naming the first row${SKIP}`,
    async () => {
      const { actor } = await workspace("Salesforce results");
      const { issues, onIssues } = collect();
      const result = await importFiles(
        t.db,
        actor,
        [shared.file("salesforce-dataloader-samples/error0413060133.csv")],
        {},
        { onIssues },
      );
      expect(result.counts.errors).toBe(1);
      // Its accounts were never exported with it: each gets an account named by its id, and a warning.
      expect(issues.filter((i) => i.message.includes("named by its id")).length).toBeGreaterThan(0);
      expect(issues.filter((i) => i.severity === "error")).toEqual([
        expect.objectContaining({
          row: 3,
          severity: "error",
          message: "the same id is on row 2; only the first is imported",
        }),
      ]);
    },
  );

  when(
    `Salesforce report export with a byte-order mark: 10 accounts, 6 contacts, short rows read as empty${SKIP}`,
    async () => {
      const { actor } = await workspace("Salesforce report");
      const { issues, onIssues } = collect();
      const result = await importFiles(
        t.db,
        actor,
        [shared.file("salesforce-trailhead-samples/lwc-recipes/Accounts-Contacts.csv")],
        {},
        { onIssues },
      );
      expect(result.plans[0]).toMatchObject({ format: "salesforce_report", kind: "contact" });
      expect(result.counts.errors).toBe(0);
      expect(await tally(actor.workspaceId)).toMatchObject({ accounts: 10, stakeholders: 6 });
      expect(issues.filter((i) => i.severity === "warning")).toHaveLength(8);
      const amy = await t.db
        .selectFrom("stakeholder")
        .innerJoin("account", "account.id", "stakeholder.account_id")
        .select(["stakeholder.name", "stakeholder.title", "stakeholder.email", "account.name as account"])
        .where("stakeholder.workspace_id", "=", actor.workspaceId)
        .where("stakeholder.email", "=", "amy@demo.net")
        .executeTakeFirstOrThrow();
      expect(amy).toEqual({
        name: "Amy Taylor",
        title: "VP of Engineering",
        email: "amy@demo.net",
        account: "Alpha Dynamics",
      });
    },
  );

  when(
    `Salesforce data tree JSON: accounts, contacts and opportunities joined by reference${SKIP}`,
    async () => {
      const { actor } = await workspace("Salesforce tree");
      const dir = "salesforce-trailhead-samples/lwc-recipes";
      const files = ["Opportunities.json", "Contacts.json", "Accounts.json"].map((f) =>
        shared.file(`${dir}/${f}`),
      );
      const result = await importFiles(t.db, actor, files, {});
      expect(result.counts).toMatchObject({ created: 36, errors: 0 });
      expect(await tally(actor.workspaceId)).toEqual({
        accounts: 10,
        stakeholders: 6,
        decisions: 20,
        outcomes: { won: 2, lost: 1, open: 17 },
      });
      const orphans = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM decision d JOIN account a ON a.id = d.account_id
      WHERE d.workspace_id = ${actor.workspaceId} AND a.name LIKE 'Account %'`.execute(t.db);
      expect(orphans.rows[0]!.n).toBe(0);
    },
  );

  when(
    `HubSpot sample imports: company, contacts and the deal, with its 2002/1/16 close date${SKIP}`,
    async () => {
      const { actor } = await workspace("HubSpot golden");
      const dir = "hubspot-sample-imports";
      const files = ["Sample_Deal_Import-1.csv", "contacts_sample_import-1.csv", "companies.csv"].map((f) =>
        shared.file(`${dir}/${f}`),
      );
      const result = await importFiles(t.db, actor, files, {});
      expect(result.counts.errors).toBe(0);
      const tallied = await tally(actor.workspaceId);
      expect(tallied).toMatchObject({ stakeholders: 11, decisions: 1, outcomes: { open: 1 } });
      const deal = await sql<{
        title: string;
        target_date: string;
        value_amount: number;
        account: string;
        notes: string;
      }>`
      SELECT d.title, d.target_date, d.value_amount, a.name AS account, d.notes FROM decision d JOIN account a ON a.id = d.account_id
      WHERE d.workspace_id = ${actor.workspaceId}`.execute(t.db);
      expect(deal.rows[0]).toMatchObject({
        title: "Sample Deal Name",
        target_date: "2002-01-16",
        value_amount: 1_000_000,
        account: "HubSpot",
      });
      // An open deal's loss reason is not thrown away: it is kept in the notes.
      expect(deal.rows[0]!.notes).toContain("This is a sample deal description.");
      expect(deal.rows[0]!.notes).toContain("Loss reason: This is a sample Closed Lost reason.");
      // The deal's contact_id names Leslie Knope (contact_id 1), who joins the decision.
      const people = await sql<{ name: string }>`
        SELECT s.name FROM involvement i JOIN stakeholder s ON s.id = i.stakeholder_id
        WHERE i.workspace_id = ${actor.workspaceId} AND i.deleted_at IS NULL`.execute(t.db);
      expect(people.rows).toEqual([{ name: "Leslie Knope" }]);
    },
  );

  when(`Olist closed deals: day-first dates detected, 842 won decisions with a mapping${SKIP}`, async () => {
    const { actor } = await workspace("Olist golden");
    const file = shared.file("olist-marketing-funnel/olist_closed_deals_dataset.csv");
    await expect(dryRun(t.db, actor, [file], {})).rejects.toThrow(/not recognized from its headers/);
    const mapping = {
      kind: "opportunity" as const,
      columns: {
        id: "mql_id",
        accountName: "seller_id",
        name: "business_segment",
        closeDate: "won_date",
        owner: "sr_id",
      },
      constants: { stage: "Closed Won" },
    };
    const result = await importFiles(t.db, actor, [file], { mapping });
    expect(result.plans[0]!.dateOrders).toEqual({ closeDate: "DMY" });
    expect(result.counts).toMatchObject({ created: expect.any(Number), errors: 0 });
    expect(await tally(actor.workspaceId)).toMatchObject({ decisions: 842, outcomes: { won: 842 } });
    const first = await t.db
      .selectFrom("decision")
      .select(["target_date", "outcome_date"])
      .where("workspace_id", "=", actor.workspaceId)
      .where("source_id", "=", "5420aad7fec3549a85876ba1c529bd84")
      .executeTakeFirstOrThrow();
    expect(first).toEqual({ target_date: "2018-02-26", outcome_date: "2018-02-26" });
  });

  when(`Olist leads are not opportunities: the file is refused with what to do${SKIP}`, async () => {
    const { actor } = await workspace("Olist leads");
    await expect(
      importFiles(
        t.db,
        actor,
        [shared.file("olist-marketing-funnel/olist_marketing_qualified_leads_dataset.csv")],
        {},
      ),
    ).rejects.toThrow(/give a column mapping/);
    expect((await tally(actor.workspaceId)).decisions).toBe(0);
  });
});
