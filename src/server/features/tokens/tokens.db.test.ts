import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildAccount, buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";

let t: TestApp;
let w: TestWorkspace;
let other: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp({ apiRateLimit: 30 });
  w = await buildWorkspace(t.app, t.db, "Tokens Co");
  other = await buildWorkspace(t.app, t.db, "Other Co");
  await buildAccount(w.as.seller, "Contoso");
});
afterAll(() => t.close());

const bearer = async (token: string, method: "GET" | "POST" | "DELETE", url: string, payload?: object) => {
  const reply = await t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });
  return { status: reply.statusCode, body: reply.json(), headers: reply.headers };
};

describe("API tokens", () => {
  it("is shown once, stored hashed, and reads with the member's own role and workspace", async () => {
    const made = await w.as.seller.post("/api/v1/tokens", { name: "Reporting script", scope: "read" });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^cfd_[A-Za-z0-9_-]{43}$/);
    expect(made.body.prefix).toBe(made.body.token.slice(0, 12));
    const stored = await t.db
      .selectFrom("api_token")
      .selectAll()
      .where("id", "=", made.body.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(made.body.token);

    const listed = await w.as.seller.get("/api/v1/tokens");
    expect(listed.body.tokens).toEqual([
      expect.objectContaining({ id: made.body.id, name: "Reporting script" }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(made.body.token);

    const accounts = await bearer(made.body.token, "GET", "/api/v1/accounts");
    expect(accounts.status).toBe(200);
    expect(accounts.body.items.map((a: { name: string }) => a.name)).toEqual(["Contoso"]);
    // The seller's role goes with the token: the change log is for managers and admins.
    expect((await bearer(made.body.token, "GET", "/api/v1/changes")).status).toBe(403);
    const used = await w.as.seller.get("/api/v1/tokens");
    expect(used.body.tokens[0].lastUsedAt).not.toBeNull();
  });

  it("a read token cannot write; a write token writes and the change log names the token", async () => {
    const read = await w.as.seller.post("/api/v1/tokens", { name: "read", scope: "read" });
    const refused = await bearer(read.body.token, "POST", "/api/v1/accounts", { name: "Fabrikam" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/can only read/);

    const write = await w.as.seller.post("/api/v1/tokens", { name: "sync", scope: "write" });
    const created = await bearer(write.body.token, "POST", "/api/v1/accounts", { name: "Fabrikam" });
    expect(created.status).toBe(201);
    const log = await w.as.admin.get(`/api/v1/changes?entity=account&entityId=${created.body.id}`);
    expect(log.body.items[0].via).toBe(`token:${write.body.id}`);
    expect(JSON.stringify(log.body.items[0].summary)).toMatch(/through an API token/);
  });

  it("a revoked token gets 401 at once, and revoking is in the change log", async () => {
    const made = await w.as.manager.post("/api/v1/tokens", { name: "temp", scope: "read" });
    expect((await bearer(made.body.token, "GET", "/api/v1/decisions")).status).toBe(200);
    const revoked = await w.as.manager.delete(`/api/v1/tokens/${made.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const after = await bearer(made.body.token, "GET", "/api/v1/decisions");
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/revoked, has expired or never existed/);
    expect((await w.as.manager.delete(`/api/v1/tokens/${made.body.id}`)).status).toBe(404);
    const log = await w.as.admin.get(`/api/v1/changes?entity=api_token&entityId=${made.body.id}`);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(["delete", "create"]);
  });

  it("an expired token, a deactivated member's token and a malformed header are refused", async () => {
    const made = await w.as.seller.post("/api/v1/tokens", { name: "short", scope: "read", expiresInDays: 1 });
    await t.db
      .updateTable("api_token")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", made.body.id)
      .execute();
    expect((await bearer(made.body.token, "GET", "/api/v1/accounts")).status).toBe(401);

    const basic = await t.app.inject({
      method: "GET",
      url: "/api/v1/accounts",
      headers: { authorization: "Basic abc" },
    });
    expect(basic.statusCode).toBe(401);
    expect(basic.json().error.message).toMatch(/Authorization: Bearer/);
    expect((await bearer("cfd_nope", "GET", "/api/v1/accounts")).status).toBe(401);
  });

  it("a token cannot make tokens, and no one revokes another member's token", async () => {
    const made = await w.as.admin.post("/api/v1/tokens", { name: "admin", scope: "write" });
    const minted = await bearer(made.body.token, "POST", "/api/v1/tokens", { name: "child", scope: "write" });
    expect(minted.status).toBe(403);
    expect((await w.as.seller.delete(`/api/v1/tokens/${made.body.id}`)).status).toBe(404);
    expect((await other.as.admin.delete(`/api/v1/tokens/${made.body.id}`)).status).toBe(404);
    expect(
      (await w.as.seller.get("/api/v1/tokens")).body.tokens.map((x: { id: string }) => x.id),
    ).not.toContain(made.body.id);
  });

  it("says what was wrong with a bad request", async () => {
    const reply = await w.as.seller.post("/api/v1/tokens", { name: "", scope: "admin", expiresInDays: 0 });
    expect(reply.status).toBe(400);
    const paths = reply.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["body.name", "body.scope", "body.expiresInDays"]));
  });

  it("is rate-limited per token, with Retry-After", async () => {
    const made = await other.as.seller.post("/api/v1/tokens", { name: "busy", scope: "read" });
    const statuses: number[] = [];
    let retryAfter: unknown;
    for (let i = 0; i < 32; i++) {
      const reply = await bearer(made.body.token, "GET", "/api/v1/accounts");
      statuses.push(reply.status);
      if (reply.status === 429) retryAfter = reply.headers["retry-after"];
    }
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(retryAfter).toBe("60");
  });
});
