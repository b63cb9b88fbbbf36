import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { fixture } from "../../../test/import/import-helpers.ts";
import { resolveSession, startSession } from "../features/auth/auth.service.ts";
import { ensureDemoWorkspace } from "../features/demo/demo.seed.ts";
import { importFiles } from "../features/imports/imports.service.ts";
import { BackupError, backupDatabase, restoreDatabase, tablesInOrder } from "./backup.ts";
import type { DatabaseHandle } from "./client.ts";
import type { Database } from "./schema.ts";

let source: DatabaseHandle;
let target: DatabaseHandle;
const dir = mkdtempSync(path.join(tmpdir(), "confidant-backup-"));
beforeAll(async () => {
  source = await openTestDatabase();
  target = await openTestDatabase();
});
afterAll(async () => {
  await source?.close();
  await target?.close();
});

/** Every row of every table as PostgreSQL renders it, in a stable order. */
async function everyRow(db: Kysely<Database>) {
  const all: Record<string, string[]> = {};
  for (const table of (await tablesInOrder(db)).order) {
    const rows = await sql<{
      j: string;
    }>`SELECT to_jsonb(t)::text AS j FROM ${sql.table(table)} t ORDER BY 1`.execute(db);
    all[table] = rows.rows.map((r) => r.j);
  }
  return all;
}

describe("backup and restore", () => {
  it("gives back identical data: every table, every row, the change log included", async () => {
    await ensureDemoWorkspace(source.db);
    const workspace = await source.db.selectFrom("workspace").select("id").executeTakeFirstOrThrow();
    await importFiles(
      source.db,
      { workspaceId: workspace.id, memberId: null },
      [fixture("salesforce-Account.csv"), fixture("salesforce-Opportunity.csv")],
      {},
    );
    const member = await source.db.selectFrom("member").select("id").executeTakeFirstOrThrow();
    const { token } = await startSession(
      source.db,
      { id: member.id, workspaceId: workspace.id },
      14,
      new Date(),
    );
    const file = path.join(dir, "all.jsonl.gz");
    const counts = await backupDatabase(source.db, file);
    expect(counts.change_log).toBeGreaterThan(0);
    expect(counts.decision).toBeGreaterThan(9);
    expect(counts.session).toBeUndefined();

    await restoreDatabase(target.db, file);
    const before = await everyRow(source.db);
    const after = await everyRow(target.db);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(before.session).toHaveLength(1);
    // Sign-ins are not data: the copy does not accept the original's cookies.
    expect(after.session).toEqual([]);
    expect(await resolveSession(target.db, token, new Date())).toBeNull();
    for (const table of Object.keys(before))
      if (table !== "session") expect(after[table], table).toEqual(before[table]);

    // Serial ids continue after the restored ones rather than colliding with them.
    const next = await target.db
      .insertInto("change_log")
      .values({ workspace_id: workspace.id, entity: "test", entity_id: workspace.id, action: "update" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(next.id).toBeGreaterThan(Math.max(...before.change_log!.map((row) => JSON.parse(row).id)));

    await expect(restoreDatabase(target.db, file)).rejects.toThrow(/restore needs an empty database/);
  });

  it("refuses a damaged or foreign file and leaves the database empty", async () => {
    const empty = await openTestDatabase();
    try {
      const damaged = path.join(dir, "damaged.jsonl");
      writeFileSync(
        damaged,
        '{"confidant_backup":1,"migrations":[]}\n{"table":"workspace"}\n{"id": "not-a-uuid"\n',
      );
      await expect(restoreDatabase(empty.db, damaged)).rejects.toThrow(/line 3 is not valid JSON/);
      const foreign = path.join(dir, "foreign.jsonl");
      writeFileSync(foreign, "id,name\n1,x\n");
      await expect(restoreDatabase(empty.db, foreign)).rejects.toThrow(BackupError);
      const newer = path.join(dir, "newer.jsonl");
      writeFileSync(newer, '{"confidant_backup":1,"migrations":["9999_future"]}\n');
      await expect(restoreDatabase(empty.db, newer)).rejects.toThrow(/newer Confidant/);
      const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM workspace`.execute(empty.db);
      expect(rows.rows[0]!.n).toBe(0);
    } finally {
      await empty.close();
    }
  });
});
