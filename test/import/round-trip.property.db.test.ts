import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeExport } from "../../src/server/features/exports/export.service.ts";
import { importFiles } from "../../src/server/features/imports/imports.service.ts";
import { createTestApp, type TestApp } from "../app.ts";
import { importWorkspace, tempFile } from "./import-helpers.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

// Text as people type it into a CRM: commas, quotes, line breaks, accents, other scripts, and cells a
// spreadsheet would run as formulas. Imports trim cells, so generated text has no outer spaces.
const char = fc.constantFrom(..."abcXYZ019 ,;\"'\n=+-@éü漢🙂€$.()");
const text = (max: number) =>
  fc
    .array(char, { minLength: 1, maxLength: max })
    .map((chars) => chars.join("").trim())
    .filter((s) => s.length > 0 && !s.startsWith("'"));
const pastDate = fc
  .date({ min: new Date("2001-01-01"), max: new Date("2025-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const decision = fc.record({
  account: fc.integer({ min: 0, max: 3 }),
  title: text(60),
  value: fc.option(fc.integer({ min: 0, max: 10_000_000_000 }), { nil: null }),
  currency: fc.constantFrom("USD", "EUR", "GBP", "JPY"),
  target: fc.option(pastDate, { nil: null }),
  outcome: fc.constantFrom("open", "won", "lost", "no_decision"),
  // Loss reasons that elsewhere mean "no decision": Confidant's own outcome column still decides.
  reason: fc.option(fc.oneof(text(40), fc.constantFrom("went dark", "stayed with the status quo")), {
    nil: null,
  }),
  decided: pastDate,
  product: fc.option(text(20), { nil: null }),
  notes: fc.option(text(120), { nil: null }),
});

async function exportTo(workspaceId: string, kind: "accounts" | "decisions", format: "csv" | "json") {
  let out = "";
  await writeExport(t.db, workspaceId, kind, format, (chunk) => {
    out += chunk;
  });
  return out;
}

const comparable = (rows: Array<Record<string, unknown>>) =>
  rows
    .map((d) => ({
      account: d.account_name,
      title: d.title,
      value: d.value,
      currency: d.currency,
      target: d.target_date,
      outcome: d.outcome,
      reason: d.outcome_reason,
      decided: d.outcome_date,
      product: d.product_line,
      notes: d.notes,
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe("export → import round trip", () => {
  it("any decisions the exporter writes as CSV import again to the same data", async () => {
    const { w: source } = await importWorkspace(t, "Round trip source");
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(decision, { minLength: 1, maxLength: 12 }), async (decisions) => {
        run++;
        const workspaceId = source.workspace.id;
        await t.db.deleteFrom("decision").where("workspace_id", "=", workspaceId).execute();
        await t.db.deleteFrom("account").where("workspace_id", "=", workspaceId).execute();
        const accounts = [0, 1, 2, 3].map((i) => ({
          id: randomUUID(),
          workspace_id: workspaceId,
          name: `Account ${i}, "Ltd" =${run}`,
        }));
        await t.db.insertInto("account").values(accounts).execute();
        await t.db
          .insertInto("decision")
          .values(
            decisions.map((d) => ({
              id: randomUUID(),
              workspace_id: workspaceId,
              account_id: accounts[d.account]!.id,
              owner_id: source.admin.id,
              title: d.title,
              value_amount: d.value,
              currency: d.currency,
              target_date: d.target,
              outcome: d.outcome,
              outcome_reason: d.outcome === "open" ? null : d.reason,
              outcome_date: d.outcome === "open" ? null : d.decided,
              product_line: d.product,
              notes: d.notes,
            })),
          )
          .execute();
        const files = [
          tempFile("accounts.csv", await exportTo(workspaceId, "accounts", "csv")),
          tempFile("decisions.csv", await exportTo(workspaceId, "decisions", "csv")),
        ];
        const { actor } = await importWorkspace(t, `Round trip target ${run}`);
        const result = await importFiles(t.db, actor, files, {});
        expect(result.plans.map((p) => `${p.format}/${p.kind}`)).toEqual([
          "confidant/account",
          "confidant/opportunity",
        ]);
        expect(result.counts.errors).toBe(0);
        const before = JSON.parse(await exportTo(workspaceId, "decisions", "json"));
        const after = JSON.parse(await exportTo(actor.workspaceId, "decisions", "json"));
        expect(comparable(after)).toEqual(comparable(before));
      }),
      { numRuns: 25 },
    );
  });
});
