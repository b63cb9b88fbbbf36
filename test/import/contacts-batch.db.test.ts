import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/server/features/imports/imports.service.ts";
import { createTestApp, type TestApp } from "../app.ts";
import { statementRecorder } from "../statements.ts";
import { importWorkspace, tally, tempFile } from "./import-helpers.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function pipedrive(deals: number) {
  const people = ["Person - ID,Person - Name,Person - Organization,Person - Email"];
  for (let i = 0; i < deals; i++) people.push(`${i},Person ${i},Org ${i % 5},p${i}@org.test`);
  const rows = [
    "Deal - ID,Deal - Title,Deal - Organization,Deal - Contact person,Deal - Stage,Deal - Status",
  ];
  for (let i = 0; i < deals; i++) rows.push(`${i},Deal ${i},Org ${i % 5},Person ${i},Proposal Made,open`);
  return {
    people: tempFile("persons.csv", `${people.join("\n")}\n`),
    deals: tempFile("deals.csv", `${rows.join("\n")}\n`),
  };
}

describe("deals that name their contact person", () => {
  it("involve the person and recompute readiness once per batch: the statements sent do not grow with the deals", async () => {
    const statementsFor = async (deals: number) => {
      const { w, actor } = await importWorkspace(t, `Contacts ${deals}`);
      const files = pipedrive(deals);
      await importFiles(t.db, actor, [files.people], {});
      const { sent, plugin } = statementRecorder();
      const result = await importFiles(t.db.withPlugin(plugin), actor, [files.deals], {});
      expect(result.counts).toMatchObject({ created: deals, errors: 0 });
      expect(await tally(t, w.workspace.id)).toMatchObject({ decisions: deals, involvements: deals });
      const readiness = await t.db
        .selectFrom("decision")
        .select("readiness")
        .distinct()
        .where("workspace_id", "=", actor.workspaceId)
        .execute();
      // Every decision's stored readiness counts its person (the same for all: one person, no role yet).
      expect(readiness).toHaveLength(1);
      return sent.length;
    };
    const few = await statementsFor(5);
    const many = await statementsFor(200);
    expect(many).toBe(few);
  });
});
