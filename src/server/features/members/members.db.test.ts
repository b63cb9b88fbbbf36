import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn, type TestApp } from "../../../../test/app.ts";
import { buildWorkspace, PASSWORD, type TestWorkspace } from "../../../../test/factories.ts";

let t: TestApp;
let w: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Members Co");
});
afterAll(() => t.close());

describe("member management", () => {
  it.each(["seller", "manager"] as const)("a %s cannot create or change members (403)", async (role) => {
    const create = await w.as[role].post("/api/v1/members", { email: "x@y.test", name: "X", role: "seller" });
    expect(create.status).toBe(403);
    expect(create.body.error.code).toBe("forbidden");
    const change = await w.as[role].patch(`/api/v1/members/${w.seller.id}`, { version: 1, role: "admin" });
    expect(change.status).toBe(403);
  });

  it("every member can list the workspace's members, without password hashes", async () => {
    const reply = await w.as.seller.get("/api/v1/members");
    expect(reply.status).toBe(200);
    expect(reply.body.items.map((m: { email: string }) => m.email)).toContain(w.admin.email);
    expect(JSON.stringify(reply.body)).not.toMatch(/password|argon/i);
  });

  it("the list, kept in memory between reads, shows a member added, renamed or deactivated at once", async () => {
    const listed = async () =>
      ((await w.as.seller.get("/api/v1/members")).body.items as Array<{ name: string; active: boolean }>).map(
        (m) => `${m.name}${m.active ? "" : " (inactive)"}`,
      );
    expect(await listed()).not.toContain("Kept Kim");
    const added = await w.as.admin.post("/api/v1/members", {
      email: "kim@members.test",
      name: "Kept Kim",
      role: "seller",
    });
    expect(await listed()).toContain("Kept Kim");
    const renamed = await w.as.admin.patch(`/api/v1/members/${added.body.member.id}`, {
      version: added.body.member.version,
      name: "Kim Kept",
    });
    expect(await listed()).toContain("Kim Kept");
    await w.as.admin.patch(`/api/v1/members/${added.body.member.id}`, {
      version: renamed.body.version,
      active: false,
    });
    expect(await listed()).toContain("Kim Kept (inactive)");
  });

  it("an admin invites a member: no password changes hands, the link is shown once, the member is 'invited' until they join", async () => {
    const reply = await w.as.admin.post("/api/v1/members", {
      email: "New.Seller@members.test",
      name: "New",
      role: "seller",
    });
    expect(reply.status).toBe(201);
    expect(reply.body.member).toMatchObject({
      email: "new.seller@members.test",
      role: "seller",
      invited: true,
    });
    expect(reply.body.invitation).toMatchObject({ purpose: "invitation" });
    expect(reply.body.invitation.url).toBe(`https://confidant.test/join/${reply.body.invitation.token}`);
    const listed = await w.as.admin.get(`/api/v1/members/${reply.body.member.id}`);
    expect(JSON.stringify(listed.body)).not.toContain(reply.body.invitation.token);
    expect(listed.body.invited).toBe(true);
  });

  it("refuses a duplicate email with 409 naming the field", async () => {
    const reply = await w.as.admin.post("/api/v1/members", {
      email: w.seller.email,
      name: "Dup",
      role: "seller",
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error.fields[0].path).toBe("email");
  });

  it("an email that belongs to another workspace is invited like any new one; each password opens its own workspace", async () => {
    const other = await buildWorkspace(t.app, t.db, "Members Elsewhere");
    const reply = await w.as.admin.post("/api/v1/members", {
      email: other.seller.email.toUpperCase(),
      name: "Moonlighter",
      role: "seller",
      password: "another-long-password",
    });
    expect(reply.status).toBe(201);
    const here = await signIn(t.app, other.seller.email, "another-long-password");
    expect((await here.get("/api/v1/me")).body.workspace.id).toBe(w.workspace.id);
    const there = await signIn(t.app, other.seller.email, PASSWORD);
    expect((await there.get("/api/v1/me")).body.workspace.id).toBe(other.workspace.id);
  });

  it("refuses an unknown team with 404 naming the field", async () => {
    const reply = await w.as.admin.post("/api/v1/members", {
      email: "team@members.test",
      name: "T",
      role: "seller",
      teamId: "00000000-0000-4000-8000-000000000000",
    });
    expect(reply.status).toBe(404);
    expect(reply.body.error.fields[0].path).toBe("teamId");
  });

  it("an admin cannot remove their own admin access", async () => {
    const reply = await w.as.admin.patch(`/api/v1/members/${w.admin.id}`, { version: 1, role: "seller" });
    expect(reply.status).toBe(409);
  });
});

describe("optimistic concurrency", () => {
  it("two updates with the same version: one wins, the other gets 409 with the current record", async () => {
    const before = (await w.as.admin.get(`/api/v1/members/${w.manager.id}`)).body;
    const [a, b] = await Promise.all([
      w.as.admin.patch(`/api/v1/members/${w.manager.id}`, { version: before.version, name: "Winner A" }),
      w.as.admin.patch(`/api/v1/members/${w.manager.id}`, { version: before.version, name: "Winner B" }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 200 ? b : a;
    expect(loser.body.error.code).toBe("stale_version");
    expect(loser.body.error.current).toMatchObject({ name: winner.body.name, version: before.version + 1 });

    const log = await w.as.admin.get(`/api/v1/changes?entity=member&entityId=${w.manager.id}`);
    const updates = log.body.items.filter((entry: { action: string }) => entry.action === "update");
    expect(updates).toHaveLength(1);
    expect(updates[0].after.name).toBe(winner.body.name);
    expect(updates[0].before.name).toBe(before.name);
    expect(updates[0].memberId).toBe(w.admin.id);
  });
});
