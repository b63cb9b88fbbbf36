import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTestApp, signIn, type TestApp } from "../../../../test/app.ts";
import { buildWorkspace, PASSWORD, type TestWorkspace } from "../../../../test/factories.ts";
import { hashToken } from "./session-token.ts";

let t: TestApp;
let w: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Links Co");
});
afterAll(() => t.close());

const anonymous = () => client(t.app);
const invite = async (email: string) =>
  (await w.as.admin.post("/api/v1/members", { email, name: "Invitee", role: "seller" })).body;

describe("invitations and password resets by link", () => {
  it("the invitee opens their link, sees whom it is for, chooses a password and is signed in; the link is then spent", async () => {
    const { member, invitation } = await invite("joiner@links.test");
    const view = await anonymous().get(`/api/v1/member-links/${invitation.token}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      purpose: "invitation",
      memberName: "Invitee",
      email: "joiner@links.test",
      workspaceName: "Links Co",
    });
    const joined = await anonymous().post(`/api/v1/member-links/${invitation.token}`, {
      password: "a-long-new-password",
    });
    expect(joined.status).toBe(200);
    expect(joined.body.member.id).toBe(member.id);
    expect(String(joined.headers["set-cookie"])).toContain("confidant_session=");
    const fresh = await signIn(t.app, "joiner@links.test", "a-long-new-password");
    expect((await fresh.get("/api/v1/me")).body.member.email).toBe("joiner@links.test");
    expect((await w.as.admin.get(`/api/v1/members/${member.id}`)).body.invited).toBe(false);

    const again = await anonymous().post(`/api/v1/member-links/${invitation.token}`, {
      password: "yet-another-password",
    });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe("link_not_usable");
    expect(again.body.error.message).toMatch(/Ask an admin/);
  });

  it("an invited member cannot sign in before joining, whatever password is tried", async () => {
    await invite("waiting@links.test");
    const reply = await anonymous().post("/api/v1/auth/sign-in", {
      email: "waiting@links.test",
      password: "x".repeat(12),
    });
    expect(reply.status).toBe(401);
  });

  it("an admin's reset link lets a member choose a new password; the old one and every other session stop working", async () => {
    const before = await signIn(t.app, w.seller.email, PASSWORD);
    const link = await w.as.admin.post(`/api/v1/members/${w.seller.id}/link`);
    expect(link.status).toBe(201);
    expect(link.body.purpose).toBe("password_reset");
    expect((await anonymous().get(`/api/v1/member-links/${link.body.token}`)).body.purpose).toBe(
      "password_reset",
    );
    const reset = await anonymous().post(`/api/v1/member-links/${link.body.token}`, {
      password: "the-new-secret-pw",
    });
    expect(reset.status).toBe(200);
    expect((await before.get("/api/v1/me")).status).toBe(401);
    const refused = await anonymous().post("/api/v1/auth/sign-in", {
      email: w.seller.email,
      password: PASSWORD,
    });
    expect(refused.status).toBe(401);
    w.as.seller = await signIn(t.app, w.seller.email, "the-new-secret-pw");
  });

  it("a new link replaces the earlier one; only the token's hash is stored; the log says a link was issued, never the link", async () => {
    const { member, invitation: first } = await invite("twice@links.test");
    const second = await w.as.admin.post(`/api/v1/members/${member.id}/link`);
    expect(second.body.purpose).toBe("invitation");
    expect((await anonymous().get(`/api/v1/member-links/${first.token}`)).status).toBe(404);
    expect((await anonymous().get(`/api/v1/member-links/${second.body.token}`)).status).toBe(200);
    const stored = await t.db
      .selectFrom("member_link")
      .select("token_hash")
      .where("member_id", "=", member.id)
      .execute();
    expect(stored.map((r) => r.token_hash)).toContain(hashToken(second.body.token));
    const everything = JSON.stringify(await t.db.selectFrom("change_log").selectAll().execute());
    expect(everything).not.toContain(second.body.token);
    expect(everything).not.toContain(hashToken(second.body.token));
  });

  it("an expired link is refused with the same words as a used one", async () => {
    const { invitation } = await invite("late@links.test");
    await t.db
      .updateTable("member_link")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("token_hash", "=", hashToken(invitation.token))
      .execute();
    const reply = await anonymous().post(`/api/v1/member-links/${invitation.token}`, {
      password: "a-long-new-password",
    });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe("link_not_usable");
  });

  it("a deactivated member's link stops working, and no new one is issued for them", async () => {
    const { member, invitation } = await invite("gone@links.test");
    const off = await w.as.admin.patch(`/api/v1/members/${member.id}`, {
      version: member.version,
      active: false,
    });
    expect(off.status).toBe(200);
    expect((await anonymous().get(`/api/v1/member-links/${invitation.token}`)).status).toBe(404);
    const refused = await w.as.admin.post(`/api/v1/members/${member.id}/link`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/deactivated/);
  });

  it("refuses a short password on the field, sellers issuing links, and another workspace's member", async () => {
    const { invitation, member } = await invite("short@links.test");
    const short = await anonymous().post(`/api/v1/member-links/${invitation.token}`, { password: "short" });
    expect(short.status).toBe(400);
    expect(short.body.error.fields[0].path).toBe("body.password");
    expect((await w.as.seller.post(`/api/v1/members/${member.id}/link`)).status).toBe(403);
    const other = await buildWorkspace(t.app, t.db, "Links Elsewhere");
    expect((await other.as.admin.post(`/api/v1/members/${member.id}/link`)).status).toBe(404);
  });
});
