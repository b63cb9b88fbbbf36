import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";

let t: TestApp;
let w: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Teams Co");
});
afterAll(() => t.close());

describe("teams", () => {
  it("lists the team with its manager and sellers", async () => {
    const reply = await w.as.seller.get(`/api/v1/teams/${w.team.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ managerId: w.manager.id, memberIds: [w.seller.id] });
  });

  it("soft-deletes and restores a team, each step in the change log", async () => {
    const created = await w.as.admin.post("/api/v1/teams", { name: "Mid-market", managerId: w.manager.id });
    expect(created.status).toBe(201);
    const id = created.body.id;

    const stale = await w.as.admin.delete(`/api/v1/teams/${id}?version=99`);
    expect(stale.status).toBe(409);

    const deleted = await w.as.admin.delete(`/api/v1/teams/${id}?version=1`);
    expect(deleted.status).toBe(200);
    expect((await w.as.admin.get(`/api/v1/teams/${id}`)).status).toBe(404);
    expect(
      (await w.as.admin.get("/api/v1/teams")).body.items.map((team: { id: string }) => team.id),
    ).not.toContain(id);

    const restored = await w.as.admin.post(`/api/v1/teams/${id}/restore?version=2`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ name: "Mid-market", version: 3 });
    expect((await w.as.admin.get(`/api/v1/teams/${id}`)).status).toBe(200);

    const log = await w.as.admin.get(`/api/v1/changes?entity=team&entityId=${id}`);
    expect(log.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      "restore",
      "delete",
      "create",
    ]);
  });

  it("a seller cannot create teams, and cannot read the change log", async () => {
    expect((await w.as.seller.post("/api/v1/teams", { name: "Mine" })).status).toBe(403);
    expect((await w.as.seller.get("/api/v1/changes")).status).toBe(403);
  });
});
