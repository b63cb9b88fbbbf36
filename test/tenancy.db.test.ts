import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./app.ts";
import { buildWorkspace, type TestWorkspace } from "./factories.ts";
import { listOperations } from "./routes.ts";

let t: TestApp;
let a: TestWorkspace;
let b: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildWorkspace(t.app, t.db, "Alpha");
  b = await buildWorkspace(t.app, t.db, "Beta");
});
afterAll(() => t.close());

/** For each route with an {id}: workspace A's record of that kind, and a body valid enough to pass validation. */
const recordOf: Record<string, (w: TestWorkspace) => string> = {
  members: (w) => w.seller.id,
  teams: (w) => w.team.id,
};
const validBody: Record<string, unknown> = {
  "PATCH /api/v1/members/{id}": { version: 1, name: "Intruder" },
  "PATCH /api/v1/teams/{id}": { version: 1, name: "Intruder" },
};
const query: Record<string, string> = {
  "DELETE /api/v1/teams/{id}": "?version=1",
  "POST /api/v1/teams/{id}/restore": "?version=1",
};

describe("tenancy: a member of workspace B never reaches workspace A's records", () => {
  it("every route with an id answers 404 to B's admin for A's record", async () => {
    const routes = listOperations(t.app).filter((op) => op.path.includes("{id}"));
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const kind = route.path.split("/")[3]!;
      const pick = recordOf[kind];
      expect(pick, `add ${route.path} to the tenancy table`).toBeDefined();
      const url = route.path.replace("{id}", pick!(a)) + (query[`${route.method} ${route.path}`] ?? "");
      const body = validBody[`${route.method} ${route.path}`];
      const reply = await b.as.admin.send(
        route.method as "GET",
        url,
        route.method === "GET" || route.method === "DELETE" ? undefined : (body ?? {}),
      );
      expect(reply.status, `${route.method} ${route.path}`).toBe(404);
      expect(reply.body.error.code).toBe("not_found");
    }
  });

  it("lists show only the caller's workspace", async () => {
    const members = (await b.as.admin.get("/api/v1/members")).body.items.map((m: { id: string }) => m.id);
    expect(members).toContain(b.seller.id);
    expect(members).not.toContain(a.seller.id);
    const teams = (await b.as.admin.get("/api/v1/teams")).body.items.map((team: { id: string }) => team.id);
    expect(teams).toEqual([b.team.id]);
    const changes = (await b.as.admin.get("/api/v1/changes")).body.items;
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c: { entityId: string }) => c.entityId !== a.seller.id)).toBe(true);
  });

  it("references to another workspace's records in a body are not found", async () => {
    const reply = await b.as.admin.post("/api/v1/members", {
      email: "x@beta.test",
      name: "X",
      role: "seller",
      teamId: a.team.id,
    });
    expect(reply.status).toBe(404);
    expect(reply.body.error.fields[0].path).toBe("teamId");
  });

  it("A's record is unchanged after B's attempts", async () => {
    const seller = (await a.as.admin.get(`/api/v1/members/${a.seller.id}`)).body;
    expect(seller.name).toBe(a.seller.name);
    expect(seller.version).toBe(1);
  });
});
