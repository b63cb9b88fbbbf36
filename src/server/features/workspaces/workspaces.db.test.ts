import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";

let t: TestApp;
let w: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Settings Co");
});
afterAll(() => t.close());

describe("workspace settings", () => {
  it("an admin changes a policy on the version they saw; an old version's change merges when it sets other fields and is refused with the current one when it sets the same", async () => {
    const before = (await w.as.admin.get("/api/v1/workspace")).body;
    expect(before.settings.commitGuard).toBe(true);
    const changed = await w.as.admin.patch("/api/v1/workspace", {
      version: before.version,
      settings: { commitGuard: false },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: "Settings Co", settings: { commitGuard: false } });
    const history = (await w.as.admin.get(`/api/v1/changes?entity=workspace&entityId=${before.id}`)).body
      .items;
    expect(history[0]).toMatchObject({ action: "update" });
    expect(history[0].before.settings.commitGuard).toBe(true);
    expect(history[0].after.settings.commitGuard).toBe(false);
    const renamed = await w.as.admin.patch("/api/v1/workspace", { version: before.version, name: "Renamed" });
    expect(renamed.body).toMatchObject({ name: "Renamed", settings: { commitGuard: false } });
    const stale = await w.as.admin.patch("/api/v1/workspace", {
      version: before.version,
      settings: { commitGuard: true },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.settings.commitGuard).toBe(false);
  });

  it("only an admin changes the workspace", async () => {
    const { version } = (await w.as.manager.get("/api/v1/workspace")).body;
    expect((await w.as.manager.patch("/api/v1/workspace", { version, name: "Mine" })).status).toBe(403);
  });
});
