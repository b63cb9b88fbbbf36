import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTestApp, signIn, type TestApp } from "../../../../test/app.ts";
import { buildWorkspace, PASSWORD, type TestWorkspace } from "../../../../test/factories.ts";
import { SIGN_INS_PER_ADDRESS } from "./auth.routes.ts";
import { SESSION_COOKIE } from "./session-token.ts";

let t: TestApp;
let w: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Auth Co");
});
afterAll(() => t.close());

describe("sign-in", () => {
  it("answers with the member and workspace and sets an HttpOnly, SameSite session cookie", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: w.seller.email.toUpperCase(), password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      member: { id: w.seller.id, email: w.seller.email, role: "seller" },
      workspace: { id: w.workspace.id, name: "Auth Co" },
    });
    const cookie = String(response.headers["set-cookie"]);
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("stores only a hash of the session token", async () => {
    const seller = await signIn(t.app, w.seller.email, PASSWORD);
    const token = seller.cookie!.split("=")[1]!;
    const rows = await t.db.selectFrom("session").select("token_hash").execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.token_hash === token)).toBe(false);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const anonymous = client(t.app);
    const wrong = await anonymous.post("/api/v1/auth/sign-in", {
      email: w.admin.email,
      password: "nope-nope-nope",
    });
    const unknown = await anonymous.post("/api/v1/auth/sign-in", {
      email: "ghost@nowhere.test",
      password: "nope",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers["set-cookie"]).toBeUndefined();
  });

  it("is rate-limited per client and email", async () => {
    const anonymous = client(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (await anonymous.post("/api/v1/auth/sign-in", { email: "limit@x.test", password: "x" })).status,
      );
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const other = await anonymous.post("/api/v1/auth/sign-in", {
      email: w.manager.email,
      password: PASSWORD,
    });
    expect(other.status).toBe(200);
  });

  it("is rate-limited per client across emails (password spraying)", async () => {
    const sprayer = async (i: number) =>
      (
        await t.app.inject({
          method: "POST",
          url: "/api/v1/auth/sign-in",
          remoteAddress: "203.0.113.9",
          payload: { email: `victim${i}@x.test`, password: "Summer2026!" },
        })
      ).statusCode;
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_INS_PER_ADDRESS; i++) statuses.push(await sprayer(i));
    expect(statuses.slice(0, SIGN_INS_PER_ADDRESS).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another address is not held back.
    expect(
      (await client(t.app).post("/api/v1/auth/sign-in", { email: w.admin.email, password: PASSWORD })).status,
    ).toBe(200);
  });

  it("rejects a body without email or password, naming the field", async () => {
    const reply = await client(t.app).post("/api/v1/auth/sign-in", { password: "x" });
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields).toContainEqual({ path: "body.email", message: "is required" });
  });
});

describe("sessions", () => {
  it("GET /me needs a session", async () => {
    expect((await client(t.app).get("/api/v1/me")).status).toBe(401);
    expect((await w.as.manager.get("/api/v1/me")).body.member.id).toBe(w.manager.id);
  });

  it("sign-out ends the session", async () => {
    const seller = await signIn(t.app, w.seller.email, PASSWORD);
    expect((await seller.post("/api/v1/auth/sign-out")).status).toBe(200);
    expect((await seller.get("/api/v1/me")).status).toBe(401);
  });

  it("ends a deactivated member's sessions at once, and they cannot sign in again", async () => {
    const outsider = await signIn(t.app, w.outsider.email, PASSWORD);
    expect((await outsider.get("/api/v1/me")).status).toBe(200);
    const current = (await w.as.admin.get(`/api/v1/members/${w.outsider.id}`)).body;
    const reply = await w.as.admin.patch(`/api/v1/members/${w.outsider.id}`, {
      version: current.version,
      active: false,
    });
    expect(reply.status).toBe(200);
    expect((await outsider.get("/api/v1/me")).status).toBe(401);
    const again = await client(t.app).post("/api/v1/auth/sign-in", {
      email: w.outsider.email,
      password: PASSWORD,
    });
    expect(again.status).toBe(401);
  });
});

describe("changing one's password", () => {
  it("needs the current one, ends every other session, keeps this browser signed in, and logs that it changed — never to what", async () => {
    const ws = await buildWorkspace(t.app, t.db, "Password Co");
    const elsewhere = await signIn(t.app, ws.seller.email, PASSWORD);
    const here = await signIn(t.app, ws.seller.email, PASSWORD);
    const wrong = await here.post("/api/v1/me/password", {
      currentPassword: "not-it-at-all",
      newPassword: "a-new-long-secret",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0]).toEqual({
      path: "body.currentPassword",
      message: "is not your current password",
    });
    const reply = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/password",
      headers: { cookie: here.cookie!, "content-type": "application/json" },
      payload: { currentPassword: PASSWORD, newPassword: "a-new-long-secret" },
    });
    expect(reply.statusCode).toBe(200);
    const fresh = client(t.app, String(reply.headers["set-cookie"]).split(";")[0]);
    expect((await fresh.get("/api/v1/me")).status).toBe(200);
    expect((await elsewhere.get("/api/v1/me")).status).toBe(401);
    expect((await here.get("/api/v1/me")).status).toBe(401);
    const old = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: ws.seller.email, password: PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    const logged = await t.db
      .selectFrom("change_log")
      .select(["after"])
      .where("entity", "=", "member")
      .where("entity_id", "=", ws.seller.id)
      .where("action", "=", "update")
      .execute();
    expect(logged.map((l) => l.after)).toEqual([{ password: "changed" }]);
  });
});
