import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./app.ts";
import { buildWorkspace, type TestWorkspace } from "./factories.ts";

// The app's statements are prepared once per connection (the embedded database has one). A migration run by
// another server while this one serves changes a table under them: each connection's statement may fail once —
// answered 503, try again, never 500 — and is prepared afresh.

let t: TestApp;
let w: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Migrating Co");
});
afterAll(() => t?.close());

describe("a table changes shape under a running server", () => {
  it("a prepared statement that reads it answers 503 at most once per connection, then the new shape", async () => {
    // The whole row of a member is read (select member.*): prepared on every connection that served it.
    const read = () =>
      t.db.selectFrom("member").selectAll().where("workspace_id", "=", w.workspace.id).execute();
    await Promise.all([read(), read(), read(), read(), read(), read()]);
    await sql`ALTER TABLE member ADD COLUMN nickname text`.execute(t.db);
    const failures: string[] = [];
    let rows: Record<string, unknown>[] = [];
    for (let i = 0; i < 12; i++) {
      try {
        rows = await read();
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toHaveProperty("nickname", null);
    // Never more than the connections (5 in a PostgreSQL test pool, 1 embedded), and only this one reason.
    expect(failures.length).toBeLessThanOrEqual(5);
    for (const message of failures) expect(message).toMatch(/cached plan must not change result type/);

    // Through the API: a signed-in list after another change of shape is 200 or 503, never 500.
    await sql`ALTER TABLE member DROP COLUMN nickname`.execute(t.db);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await w.as.admin.get("/api/v1/members")).status);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses.slice(-5)).toEqual([200, 200, 200, 200, 200]);
  });
});
