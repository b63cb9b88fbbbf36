import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dryRun, importFiles, undoImport } from "../../src/server/features/imports/imports.service.ts";
import { createTestApp, type TestApp } from "../app.ts";
import { collectIssues, fixture, importWorkspace, tally } from "./import-helpers.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const decision = (workspaceId: string, sourceId: string) =>
  t.db
    .selectFrom("decision")
    .innerJoin("account", "account.id", "decision.account_id")
    .innerJoin("member", "member.id", "decision.owner_id")
    .select([
      "decision.title",
      "decision.value_amount",
      "decision.currency",
      "decision.target_date",
      "decision.outcome",
      "decision.outcome_reason",
      "decision.source_system",
      "decision.source_stage",
      "decision.source_owner",
      "decision.notes",
      "account.name as account",
      "member.email as owner",
    ])
    .where("decision.workspace_id", "=", workspaceId)
    .where("decision.source_id", "=", sourceId)
    .executeTakeFirstOrThrow();

describe("every source format, from small files in each one's shape", () => {
  it("Salesforce Data Loader: accounts, contacts, opportunities and contact roles, in any order", async () => {
    const { w, actor } = await importWorkspace(t, "SF fixtures");
    const { issues, onIssues } = collectIssues();
    const files = [
      "salesforce-OpportunityContactRole.csv",
      "salesforce-Opportunity.csv",
      "salesforce-Contact.csv",
      "salesforce-Account.csv",
    ].map(fixture);
    const owners = { "admin@fixture.test": w.admin.email, "Dana Seller": w.seller.email };
    const result = await importFiles(t.db, actor, files, { owners }, { onIssues });
    expect(result.plans.map((p) => p.kind)).toEqual(["account", "contact", "opportunity", "contact_role"]);
    // 2 live accounts (one is marked deleted in Salesforce), 3 contacts, 3 opportunities, 2 roles; one role names an unknown opportunity.
    expect(result.counts).toEqual({ created: 10, updated: 0, skipped: 1, errors: 1, warnings: 0 });
    expect(issues).toEqual([
      expect.objectContaining({ row: 4, column: "OpportunityId", value: "006A0000009", severity: "error" }),
    ]);
    expect(await tally(t, actor.workspaceId)).toMatchObject({
      accounts: 2,
      stakeholders: 3,
      decisions: 3,
      involvements: 2,
    });
    expect(await decision(actor.workspaceId, "006A0000001")).toMatchObject({
      title: "Contoso - Scheduling",
      value_amount: 12_000_000,
      target_date: "2027-03-31",
      outcome: "open",
      source_stage: "Proposal/Price Quote",
      account: "Contoso Manufacturing",
      owner: w.admin.email,
      notes: "Overtime from manual scheduling\n\nNext step: Site visit with Priya",
    });
    // A custom loss-reason field (…__c) is read: "went dark" is no decision, not a loss to a competitor.
    expect(await decision(actor.workspaceId, "006A0000002")).toMatchObject({
      outcome: "no_decision",
      outcome_reason: "Went dark after pilot",
      owner: w.seller.email,
    });
    expect(await decision(actor.workspaceId, "006A0000003")).toMatchObject({
      outcome: "won",
      source_owner: "005UNKNOWN",
      owner: w.admin.email,
    });
    expect(result.unknownOwners).toEqual({ "005UNKNOWN": 1 });
    const roles = await t.db
      .selectFrom("involvement")
      .innerJoin("stakeholder", "stakeholder.id", "involvement.stakeholder_id")
      .select(["stakeholder.name", "involvement.role", "involvement.source_role"])
      .where("involvement.workspace_id", "=", actor.workspaceId)
      .orderBy("stakeholder.name")
      .execute();
    expect(roles).toEqual([
      { name: "Priya Natarajan", role: "economic_buyer", source_role: "Economic Buyer" },
      { name: "Tom Becker", role: "user", source_role: "Business User" },
    ]);
    // The people now count in the decision's readiness, recomputed with the import.
    const withPeople = await w.as.admin.get(`/api/v1/decisions?q=Scheduling`);
    expect(withPeople.body.items[0].readiness).toBeGreaterThan(0);
  });

  it("a contact role for someone already in the decision leaves their involvement as it is, with a warning", async () => {
    const { w, actor } = await importWorkspace(t, "SF roles again");
    const base = ["salesforce-Account.csv", "salesforce-Contact.csv", "salesforce-Opportunity.csv"].map(
      fixture,
    );
    await importFiles(t.db, actor, base, {});
    const [scheduling] = (await w.as.admin.get("/api/v1/decisions?q=Scheduling")).body.items;
    const priya = await t.db
      .selectFrom("stakeholder")
      .select("id")
      .where("workspace_id", "=", actor.workspaceId)
      .where("name", "=", "Priya Natarajan")
      .executeTakeFirstOrThrow();
    const added = await w.as.admin.post(`/api/v1/decisions/${scheduling.id}/stakeholders`, {
      stakeholderId: priya.id,
      role: "champion",
    });
    expect(added.status).toBe(201);
    const { issues, onIssues } = collectIssues();
    const result = await importFiles(
      t.db,
      actor,
      [fixture("salesforce-OpportunityContactRole.csv")],
      {},
      { onIssues },
    );
    expect(result.counts).toMatchObject({ created: 1, updated: 1, errors: 1 });
    expect(issues).toContainEqual(
      expect.objectContaining({
        row: 2,
        severity: "warning",
        message: expect.stringContaining("already in the decision"),
      }),
    );
    const roles = await t.db
      .selectFrom("involvement")
      .innerJoin("stakeholder", "stakeholder.id", "involvement.stakeholder_id")
      .select(["stakeholder.name", "involvement.role"])
      .where("involvement.decision_id", "=", scheduling.id)
      .where("involvement.deleted_at", "is", null)
      .orderBy("stakeholder.name")
      .execute();
    expect(roles).toEqual([
      { name: "Priya Natarajan", role: "champion" },
      { name: "Tom Becker", role: "user" },
    ]);
  });

  it("Salesforce report export with a byte-order mark and Windows line ends", async () => {
    const { actor } = await importWorkspace(t, "SF report fixture");
    const result = await importFiles(t.db, actor, [fixture("salesforce-report.csv")], {});
    expect(result.plans[0]).toMatchObject({ format: "salesforce_report", kind: "contact" });
    expect(await tally(t, actor.workspaceId)).toMatchObject({ accounts: 2, stakeholders: 2 });
  });

  it("HubSpot exports: companies, contacts and deals joined by record id; closedlost with status quo is no decision", async () => {
    const { w, actor } = await importWorkspace(t, "HubSpot fixtures");
    const files = ["hubspot-deals.csv", "hubspot-contacts.csv", "hubspot-companies.csv"].map(fixture);
    const result = await importFiles(t.db, actor, files, {
      owners: { "dana.seller@fixture.test": w.seller.email },
    });
    expect(result.plans.map((p) => `${p.format}/${p.kind}`)).toEqual([
      "hubspot/account",
      "hubspot/contact",
      "hubspot/opportunity",
    ]);
    expect(await tally(t, actor.workspaceId)).toMatchObject({ accounts: 1, stakeholders: 1, decisions: 2 });
    expect(await decision(actor.workspaceId, "5001")).toMatchObject({
      outcome: "no_decision",
      value_amount: 1_850_000,
      currency: "USD",
      account: "Litware Inc",
      owner: w.seller.email,
    });
    expect(result.unknownOwners).toEqual({ "someone@else.example": 1 });
  });

  it("Pipedrive exports with prefixed headers and European amounts", async () => {
    const { w, actor } = await importWorkspace(t, "Pipedrive fixtures");
    const files = ["pipedrive-deals.csv", "pipedrive-persons.csv", "pipedrive-organizations.csv"].map(
      fixture,
    );
    const { issues, onIssues } = collectIssues();
    const owners = { "Dana Seller": w.seller.email };
    const result = await importFiles(t.db, actor, files, { owners }, { onIssues });
    expect(result.plans.map((p) => `${p.format}/${p.kind}`)).toEqual([
      "pipedrive/account",
      "pipedrive/contact",
      "pipedrive/opportunity",
    ]);
    // The deal's contact person joins the decision; a name no imported person has is a warning on its row.
    expect(await tally(t, actor.workspaceId)).toMatchObject({
      accounts: 1,
      stakeholders: 1,
      decisions: 3,
      involvements: 2,
    });
    expect(issues).toEqual([
      expect.objectContaining({
        row: 4,
        column: "Deal - Contact person",
        value: "Robin Vale",
        severity: "warning",
      }),
    ]);
    const again = await importFiles(t.db, actor, files, { owners });
    expect(again.counts).toMatchObject({ created: 0, errors: 0 });
    expect(await tally(t, actor.workspaceId)).toMatchObject({ decisions: 3, involvements: 2 });
    await undoImport(t.db, actor, result.runId);
    expect(await tally(t, actor.workspaceId)).toMatchObject({ decisions: 0, involvements: 0 });
    expect(await decision(actor.workspaceId, "301")).toMatchObject({
      value_amount: 950_000,
      currency: "EUR",
      outcome: "open",
      account: "Adatum Corp",
    });
    expect(await decision(actor.workspaceId, "302")).toMatchObject({
      outcome: "no_decision",
      outcome_reason: "No decision - project shelved",
    });
  });

  it("Maven pipeline without its product list and with a blank account", async () => {
    const { actor } = await importWorkspace(t, "Maven fixture");
    const { issues, onIssues } = collectIssues();
    await importFiles(t.db, actor, [fixture("maven-pipeline.csv")], {}, { onIssues });
    expect(await decision(actor.workspaceId, "M0000001")).toMatchObject({
      title: "Betatech — GTXPro",
      outcome: "won",
      value_amount: 480_000,
    });
    expect(await decision(actor.workspaceId, "M0000002")).toMatchObject({
      account: "No account given",
      outcome: "open",
    });
    expect(issues).toEqual([
      expect.objectContaining({
        row: 3,
        severity: "warning",
        message: expect.stringContaining("no account given"),
      }),
    ]);
  });

  it("any CSV with a saved mapping: semicolons, day-first dates with dots, amounts like 1.234,56 €", async () => {
    const { actor } = await importWorkspace(t, "Mapped CSV");
    const mapping = {
      kind: "opportunity" as const,
      columns: {
        id: "Nummer",
        accountName: "Kunde",
        name: "Projekt",
        amount: "Wert",
        closeDate: "Abschluss",
        stage: "Phase",
      },
    };
    const checked = await dryRun(t.db, actor, [fixture("european-semicolon.csv")], { mapping });
    expect(checked.plans[0]).toMatchObject({ dateOrders: { closeDate: "DMY" } });
    expect(checked.plans[0]!.head.delimiter).toBe(";");
    expect(checked.counts).toMatchObject({ created: 2, errors: 0 });
    expect((await tally(t, actor.workspaceId)).decisions).toBe(0);
    await importFiles(t.db, actor, [fixture("european-semicolon.csv")], { mapping });
    expect(await decision(actor.workspaceId, "A-1")).toMatchObject({
      value_amount: 123_456,
      currency: "EUR",
      target_date: "2027-01-31",
      account: "Müller GmbH",
    });
  });
});
