import { mkdtempSync, readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";
import { fixture } from "../../../../test/import/import-helpers.ts";
import { buildApp } from "../../app.ts";
import { createMember } from "../members/members.service.ts";
import { importFiles } from "./imports.service.ts";
import { uploadStore } from "./upload-store.ts";

let t: TestApp;
let w: TestWorkspace;
const dataDir = mkdtempSync(path.join(tmpdir(), "confidant-uploads-"));
beforeAll(async () => {
  t = await createTestApp({ dataDir });
  w = await buildWorkspace(t.app, t.db, "Import API");
});
afterAll(() => t.close());

async function upload(name: string, content: Buffer | string, cookie = w.as.admin.cookie) {
  const reply = await t.app.inject({
    method: "POST",
    url: `/api/v1/imports/uploads?name=${encodeURIComponent(name)}`,
    headers: { cookie: cookie ?? "", "content-type": "application/octet-stream" },
    payload: content,
  });
  return { status: reply.statusCode, body: reply.json() };
}

async function finished(id: string) {
  for (let i = 0; i < 200; i++) {
    const run = (await w.as.admin.get(`/api/v1/imports/${id}`)).body;
    if (run.status !== "running") return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the import did not finish");
}

const actorOf = (w: TestWorkspace) => ({ workspaceId: w.workspace.id, memberId: w.admin.id });
const uploadedPath = async (body: { id: string }) =>
  (await uploadStore(t.db, t.app.dbKind, dataDir).find(w.workspace.id, body.id))!;

/** A Maven-style pipeline of `rows` open deals, several batches long. */
function pipeline(rows: number, prefix: string) {
  const lines = ["opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value"];
  for (let i = 0; i < rows; i++)
    lines.push(`${prefix}${i},,GTX Basic,${prefix} account ${i % 40},Engaging,2027-01-0${1 + (i % 9)},,`);
  return `${lines.join("\n")}\n`;
}

describe("imports through the API", () => {
  it("upload → preview (mapping, samples, counts, row errors, unknown owners) → import → history → undo", async () => {
    const files = ["salesforce-Account.csv", "salesforce-Opportunity.csv"];
    const uploads = [];
    for (const name of files) {
      const reply = await upload(name, readFileSync(fixture(name)));
      expect(reply.status).toBe(201);
      uploads.push({ id: reply.body.id, name });
    }
    const preview = await w.as.admin.post("/api/v1/imports/preview", { uploads });
    expect(preview.status).toBe(200);
    expect(preview.body.files.map((f: { kind: string }) => f.kind)).toEqual(["account", "opportunity"]);
    const opportunities = preview.body.files[1];
    expect(opportunities.columns).toMatchObject({
      id: "ID",
      name: "NAME",
      amount: "AMOUNT",
      closeDate: "CLOSEDATE",
      lossReason: "LOSS_REASON__C",
    });
    expect(opportunities.samples[0]).toContain("Contoso - Scheduling");
    expect(preview.body.counts).toMatchObject({ created: 5, skipped: 1, errors: 0 });
    expect(preview.body.unknownOwners).toEqual({
      "admin@fixture.test": 1,
      "Dana Seller": 1,
      "005UNKNOWN": 1,
    });
    // Nothing is written by a preview.
    expect((await w.as.admin.get("/api/v1/decisions?q=Contoso")).body.items).toEqual([]);

    const owners = { "Dana Seller": w.seller.email };
    const started = await w.as.admin.post("/api/v1/imports", { uploads, owners });
    expect(started.status).toBe(202);
    const run = await finished(started.body.id);
    expect(run).toMatchObject({ status: "done", counts: { created: 5, updated: 0, skipped: 1, errors: 0 } });
    const decisions = (await w.as.admin.get("/api/v1/decisions?q=Fabrikam")).body.items;
    expect(decisions).toHaveLength(2);
    expect((await w.as.admin.get("/api/v1/imports")).body.items[0]).toMatchObject({
      id: run.id,
      status: "done",
    });

    // The decision says where it came from, and who owned it there while they are not a member.
    const billing = decisions.find((d: { title: string }) => d.title === "Fabrikam - Billing");
    expect((await w.as.admin.get(`/api/v1/decisions/${billing.id}`)).body.source).toEqual({
      system: "salesforce",
      id: "006A0000003",
      stage: "Closed Won",
      productLine: null,
      owner: "005UNKNOWN",
    });

    // The history of an imported decision says it came from the import.
    const history = (await w.as.admin.get(`/api/v1/decisions/${decisions[0].id}/history`)).body.items;
    expect(history[0]).toMatchObject({ action: "create" });

    const undo = await w.as.admin.post(`/api/v1/imports/${run.id}/undo`);
    expect(undo.status).toBe(200);
    expect(undo.body.status).toBe("undone");
    expect((await w.as.admin.get("/api/v1/decisions?q=Fabrikam")).body.items).toEqual([]);
    expect((await w.as.admin.post(`/api/v1/imports/${run.id}/undo`)).status).toBe(409);

    // Importing again after an undo brings the same records back, not copies.
    const again = await finished((await w.as.admin.post("/api/v1/imports", { uploads, owners })).body.id);
    expect(again.counts).toMatchObject({ created: 0, updated: 5 });
    expect(
      (await w.as.admin.get("/api/v1/decisions?q=Fabrikam")).body.items
        .map((d: { id: string }) => d.id)
        .sort(),
    ).toEqual(decisions.map((d: { id: string }) => d.id).sort());
  });

  it("the dry run checks what the import checks: a contact role naming an opportunity in no file is an error in both", async () => {
    const other = await buildWorkspace(t.app, t.db, "Dry run parity");
    const files = [
      "salesforce-Account.csv",
      "salesforce-Contact.csv",
      "salesforce-Opportunity.csv",
      "salesforce-OpportunityContactRole.csv",
    ];
    const uploads = [];
    for (const name of files) {
      const reply = await upload(name, readFileSync(fixture(name)), other.as.admin.cookie);
      uploads.push({ id: reply.body.id, name });
    }
    const preview = (await other.as.admin.post("/api/v1/imports/preview", { uploads })).body;
    const started = await other.as.admin.post("/api/v1/imports", { uploads });
    let run = (await other.as.admin.get(`/api/v1/imports/${started.body.id}`)).body;
    for (let i = 0; i < 200 && run.status === "running"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      run = (await other.as.admin.get(`/api/v1/imports/${run.id}`)).body;
    }
    expect(run.status).toBe("done");
    expect(preview.counts.errors).toBe(1);
    expect(preview.counts).toEqual(run.counts);
    const roleIssue = preview.issues.find((i: { column: string }) => i.column === "OpportunityId");
    expect(roleIssue).toMatchObject({ value: "006A0000009", message: "no imported opportunity has this id" });
  });

  it("re-importing a changed file updates in place; undo puts the earlier values back", async () => {
    const v1 =
      "Id,Name,AccountName,StageName,Amount,CloseDate\nR-1,Renewal,Globex,Prospecting,1000,2027-05-01\n";
    const v2 =
      "Id,Name,AccountName,StageName,Amount,CloseDate\nR-1,Renewal,Globex,Closed Lost,1500,2027-05-01\n";
    const first = (await upload("renewal.csv", v1)).body;
    await finished(
      (await w.as.admin.post("/api/v1/imports", { uploads: [{ id: first.id, name: "renewal.csv" }] })).body
        .id,
    );
    const [decision] = (await w.as.admin.get("/api/v1/decisions?q=Renewal")).body.items;
    expect(decision).toMatchObject({ valueAmount: 100_000, outcome: "open" });
    const second = (await upload("renewal.csv", v2)).body;
    const run = await finished(
      (await w.as.admin.post("/api/v1/imports", { uploads: [{ id: second.id, name: "renewal.csv" }] })).body
        .id,
    );
    expect(run.counts).toMatchObject({ created: 0, updated: 1 });
    const updated = (await w.as.admin.get(`/api/v1/decisions/${decision.id}`)).body;
    expect(updated).toMatchObject({ valueAmount: 150_000, outcome: "lost", version: decision.version + 1 });
    const change = (await w.as.admin.get(`/api/v1/changes?entity=decision&entityId=${decision.id}`)).body
      .items[0];
    expect(change).toMatchObject({
      action: "update",
      via: `import:${run.id}`,
      before: { value_amount: 100_000, outcome: "open" },
      after: { value_amount: 150_000, outcome: "lost" },
    });
    await w.as.admin.post(`/api/v1/imports/${run.id}/undo`);
    expect((await w.as.admin.get(`/api/v1/decisions/${decision.id}`)).body).toMatchObject({
      valueAmount: 100_000,
      outcome: "open",
    });
  });

  it("tells which file cannot be imported and why, with a 400", async () => {
    const empty = (await upload("empty.csv", "")).body;
    const reply = await w.as.admin.post("/api/v1/imports/preview", {
      uploads: [{ id: empty.id, name: "empty.csv" }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: "unusable_file", message: "empty.csv: is empty" });
    const unknown = await w.as.admin.post("/api/v1/imports/preview", {
      uploads: [{ id: "00000000-0000-4000-8000-000000000000", name: "x.csv" }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toContain("uploads.0.id");
    const badMapping = await w.as.admin.post("/api/v1/imports/preview", {
      uploads: [{ id: empty.id, name: "empty.csv" }],
      mappings: { "empty.csv": { kind: "opportunity", columns: { wingspan: "A" } } },
    });
    expect(badMapping.status).toBe(400);
    expect(JSON.stringify(badMapping.body.error.fields)).toContain("wingspan");
  });

  it("a file no format knows comes back with its columns to map; mapped, it imports; the mapping can be saved", async () => {
    const csv = "Ref;Customer;Project;Worth;Due\nP-1;Initech;Printer fleet;2.500,00;15.03.2027\n";
    const file = (await upload("partner.csv", csv)).body;
    const uploads = [{ id: file.id, name: "partner.csv" }];
    const unknown = await w.as.admin.post("/api/v1/imports/preview", { uploads });
    expect(unknown.status).toBe(200);
    expect(unknown.body.files[0]).toMatchObject({
      kind: "unknown",
      headers: ["Ref", "Customer", "Project", "Worth", "Due"],
      samples: [["P-1", "Initech", "Printer fleet", "2.500,00", "15.03.2027"]],
      needsMapping: expect.stringContaining("not recognized"),
    });
    const mapping = {
      kind: "opportunity",
      columns: { id: "Ref", accountName: "Customer", name: "Project", amount: "Worth", closeDate: "Due" },
    };
    const mapped = await w.as.admin.post("/api/v1/imports/preview", {
      uploads,
      mappings: { "partner.csv": mapping },
    });
    expect(mapped.body.files[0]).toMatchObject({ kind: "opportunity", needsMapping: null });
    expect(mapped.body.counts).toMatchObject({ created: 1, errors: 0 });

    const saved = await w.as.admin.post("/api/v1/imports/mappings", { name: "Partner sheet", ...mapping });
    expect(saved.status).toBe(201);
    expect(
      (await w.as.admin.post("/api/v1/imports/mappings", { name: "partner SHEET", ...mapping })).status,
    ).toBe(409);
    expect((await w.as.admin.get("/api/v1/imports/mappings")).body.items).toEqual([
      expect.objectContaining({ name: "Partner sheet", columns: mapping.columns }),
    ]);
    const deleted = await w.as.admin.delete(`/api/v1/imports/mappings/${saved.body.id}?version=1`);
    expect(deleted.status).toBe(200);
    expect((await w.as.admin.get("/api/v1/imports/mappings")).body.items).toEqual([]);
    expect(
      (await w.as.admin.post(`/api/v1/imports/mappings/${saved.body.id}/restore?version=2`)).status,
    ).toBe(200);
    expect((await w.as.admin.get("/api/v1/imports/mappings")).body.items).toHaveLength(1);
    const invalid = await w.as.admin.post("/api/v1/imports/mappings", {
      name: "Bad",
      kind: "account",
      columns: { stage: "X" },
    });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body.error.fields)).toContain("columns.stage");
  });

  it("refuses a file over the upload limit with 413, keeping nothing of it", async () => {
    const limited = await buildApp({
      db: t.db,
      dbKind: t.app.dbKind,
      config: { ...t.app.config, uploadLimitBytes: 1024 * 1024 },
      serveWeb: false,
    });
    try {
      const send = (content: string) =>
        limited.inject({
          method: "POST",
          url: "/api/v1/imports/uploads?name=big.csv",
          headers: { cookie: w.as.admin.cookie ?? "", "content-type": "text/csv" },
          payload: content,
        });
      const kept = async () =>
        (await t.db.selectFrom("upload").select("id").execute()).length +
        (await readdir(path.join(dataDir, "uploads", w.workspace.id)).catch(() => [])).length;
      const before = await kept();
      const tooBig = await send(pipeline(30_000, "BIG"));
      expect(tooBig.statusCode).toBe(413);
      expect(tooBig.json().error).toMatchObject({
        code: "too_large",
        message: "The file is larger than 1 MB, the most one upload may be.",
      });
      expect(await kept()).toBe(before);
      expect((await send(pipeline(100, "SMALL"))).statusCode).toBe(201);
    } finally {
      await limited.close();
    }
  });

  it("is for admins: sellers and managers get 403", async () => {
    expect((await upload("x.csv", "a,b\n1,2\n", w.as.seller.cookie)).status).toBe(403);
    expect((await w.as.manager.get("/api/v1/imports")).status).toBe(403);
    expect((await w.as.seller.get("/api/v1/export/decisions")).status).toBe(403);
  });

  it("an upload belongs to the workspace that sent it: another workspace's admin can neither read, import nor remove it", async () => {
    const other = await buildWorkspace(t.app, t.db, "Import Other");
    const secret = await upload("secret.csv", readFileSync(fixture("salesforce-Account.csv")));
    const uploads = [{ id: secret.body.id, name: "secret.csv" }];
    const preview = await other.as.admin.post("/api/v1/imports/preview", { uploads });
    expect(preview.status).toBe(400);
    expect(preview.body.error.fields[0].path).toBe("uploads.0.id");
    const started = await other.as.admin.post("/api/v1/imports", { uploads });
    expect(started.status).toBe(400);
    expect((await other.as.admin.get("/api/v1/imports")).body.items).toEqual([]);
    expect((await other.as.admin.delete(`/api/v1/imports/uploads/${secret.body.id}`)).status).toBe(404);
    // Still there for its own workspace, which can remove it; then it is gone for everyone.
    expect((await w.as.admin.post("/api/v1/imports/preview", { uploads })).status).toBe(200);
    expect((await w.as.admin.delete(`/api/v1/imports/uploads/${secret.body.id}`)).status).toBe(204);
    expect((await w.as.admin.post("/api/v1/imports/preview", { uploads })).status).toBe(400);
    expect((await w.as.admin.delete(`/api/v1/imports/uploads/${secret.body.id}`)).status).toBe(404);
  });

  it("exports CSV with formulas neutralized and an optional byte-order mark, and JSON", async () => {
    const account = (
      await w.as.admin.post("/api/v1/accounts", { name: "=cmd|' /C calc'!A0", industry: "@SUM(1)" })
    ).body;
    const csv = await t.app.inject({
      method: "GET",
      url: "/api/v1/export/accounts?format=csv&bom=true",
      headers: { cookie: w.as.admin.cookie! },
    });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.startsWith("\uFEFFid,name,industry")).toBe(true);
    expect(csv.body).toContain(`${account.id},'=cmd|' /C calc'!A0,'@SUM(1)`);
    const json = (await w.as.admin.get("/api/v1/export/accounts?format=json")).body;
    expect(json.find((a: { id: string }) => a.id === account.id)).toMatchObject({
      name: "=cmd|' /C calc'!A0",
    });
  });

  it("one import at a time per workspace: a second one started meanwhile gets a 409 saying why", async () => {
    const busy = await upload("busy.csv", pipeline(3000, "BUSY").replace("BUSY account 1,", ","));
    const other = await upload("other.csv", pipeline(10, "OTHER"));
    // The first import is held after its first batch (its row warning is being reported) while the second is asked for.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reached!: () => void;
    const atFirstBatch = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const first = importFiles(
      t.db,
      actorOf(w),
      [await uploadedPath(busy.body)],
      {},
      {
        onIssues: async () => {
          reached();
          await held;
        },
      },
    );
    await atFirstBatch;
    const second = await w.as.admin.post("/api/v1/imports", { uploads: [other.body] });
    release();
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain("another import into this workspace is running now");
    expect((await first).counts).toMatchObject({ created: 3000, errors: 0 });
    const after = await w.as.admin.post("/api/v1/imports", { uploads: [other.body] });
    expect(after.status).toBe(202);
    expect((await finished(after.body.id)).status).toBe("done");
  });

  it("a web import cut off by a restart goes on by itself from its last batch when the server starts again", async () => {
    const file = await upload("restart.csv", pipeline(5000, "RESTART"));
    // Started by an admin who has left by the time the server is back: the workspace's admin takes over.
    const leaver = await createMember(
      t.db,
      { workspaceId: w.workspace.id, memberId: null, via: "test" },
      { email: "leaver@import-api.test", name: "Leaver", role: "admin", password: "a-long-password" },
    );
    const actor = { workspaceId: w.workspace.id, memberId: leaver.member.id };
    const uploaded = await uploadedPath(file.body);
    // The server "dies" once the first batch is committed: the run stays running, its checkpoint after 2,000 rows.
    await expect(
      importFiles(
        t.db,
        actor,
        [uploaded],
        { uploads: [file.body.id] },
        {
          onProgress: () => {
            throw new Error("the server went down");
          },
        },
      ),
    ).rejects.toThrow("the server went down");
    const history = (await w.as.admin.get("/api/v1/imports")).body.items;
    const cut = history.find(
      (run: { files: Array<{ name: string }> }) => run.files[0]?.name === "restart.csv",
    );
    expect(cut.status).toBe("interrupted");
    expect(cut.counts.created).toBeGreaterThan(0);
    expect(cut.counts.created).toBeLessThan(5000);
    await t.db.updateTable("member").set({ active: false }).where("id", "=", leaver.member.id).execute();

    const restarted = await buildApp({
      db: t.db,
      dbKind: t.app.dbKind,
      config: t.app.config,
      serveWeb: false,
    });
    try {
      await restarted.ready();
      let run = cut;
      for (let i = 0; i < 200 && run.status !== "done"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        run = (await w.as.admin.get(`/api/v1/imports/${cut.id}`)).body;
      }
      expect(run).toMatchObject({ status: "done", counts: { created: 5000, errors: 0 } });
      const owners = await t.db
        .selectFrom("decision")
        .select(["owner_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("workspace_id", "=", actor.workspaceId)
        .where("source_id", "like", "RESTART%")
        .groupBy("owner_id")
        .orderBy("owner_id")
        .execute();
      // Rows before the cut were written while the leaver was still a member; the rest go to the admin.
      expect(owners.reduce((sum, o) => sum + Number(o.n), 0)).toBe(5000);
      expect(Number(owners.find((o) => o.owner_id === w.admin.id)?.n)).toBe(5000 - cut.counts.created);
    } finally {
      await restarted.close();
    }
  });
});
