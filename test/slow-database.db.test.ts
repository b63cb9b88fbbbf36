import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./app.ts";
import { anotherSession } from "./database.ts";
import { buildWorkspace, type TestWorkspace } from "./factories.ts";

// Statement timeouts are PostgreSQL's (the embedded database runs in the app's own process, one statement at a
// time): this runs in the PostgreSQL run only.
const onPostgres = Boolean(process.env.DATABASE_URL);

let t: TestApp;
let w: TestWorkspace;
beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp({ dbTimeoutMs: 500 });
  w = await buildWorkspace(t.app, t.db, "Slow Co");
});
afterAll(() => t?.close());

describe.skipIf(!onPostgres)("a slow database (PostgreSQL run only)", () => {
  it("a request that waits on the database past the timeout answers 503 with Retry-After, never hangs; then it works again", async () => {
    // Another session holds the decisions table: every read of it waits, as behind a long migration or a stuck job.
    const blocker = await anotherSession(t.db);
    await blocker.query("BEGIN");
    await blocker.query("LOCK TABLE decision IN ACCESS EXCLUSIVE MODE");
    try {
      const started = Date.now();
      const slow = await w.as.seller.get("/api/v1/decisions");
      expect(slow.status).toBe(503);
      expect(slow.headers["retry-after"]).toBe("5");
      expect(slow.body.error).toMatchObject({ code: "database_unavailable" });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    expect((await w.as.seller.get("/api/v1/decisions")).status).toBe(200);
  });
});
