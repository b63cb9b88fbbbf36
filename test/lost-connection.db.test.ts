import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseAway } from "../src/server/http/errors.ts";
import { createTestApp, type TestApp } from "./app.ts";
import { anotherSession } from "./database.ts";
import { buildWorkspace, type TestWorkspace } from "./factories.ts";

// PostgreSQL closes connections the app holds (restart, failover, an administrator's pg_terminate_backend).
// A connection closed between two statements — inside a transaction, with no query running on it — must fail
// that transaction, never the process: PostgreSQL run only (the embedded database has no connections to lose).
const onPostgres = Boolean(process.env.DATABASE_URL);

let t: TestApp;
let w: TestWorkspace;
beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp({ dbTimeoutMs: 3000 });
  w = await buildWorkspace(t.app, t.db, "Lost Co");
});
afterAll(() => t?.close());

async function terminate(pid: number) {
  const admin = await anotherSession(t.db);
  try {
    await admin.query("SELECT pg_terminate_backend($1)", [pid]);
  } finally {
    await admin.end();
  }
}

describe.skipIf(!onPostgres)("a connection PostgreSQL closes under the app (PostgreSQL run only)", () => {
  it("between two statements of a transaction: the transaction fails, nothing of it is kept, the app goes on", async () => {
    const before = await w.as.seller.get("/api/v1/decisions?limit=200");
    const attempt = t.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx);
      await sql`UPDATE decision SET title = title || ' (half)' WHERE workspace_id = ${w.workspace.id}`.execute(
        trx,
      );
      await terminate(rows[0]!.pid);
      // The connection is gone while this transaction holds it and runs nothing.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await sql`SELECT 1`.execute(trx);
    });
    // What the statement after the loss fails with is answered as the database being away (503), never a 500.
    const error = await attempt.then(
      () => null,
      (failure: Error) => failure,
    );
    expect(error).toBeInstanceOf(Error);
    expect(databaseAway(error!), error!.message).toBe(true);
    const after = await w.as.seller.get("/api/v1/decisions?limit=200");
    expect(after.status).toBe(200);
    expect(after.body.items.map((d: { title: string }) => d.title)).toEqual(
      before.body.items.map((d: { title: string }) => d.title),
    );
  });
});
