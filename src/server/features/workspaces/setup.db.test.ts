import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTestApp, type TestApp } from "../../../../test/app.ts";
import { namedWorkspace } from "../../../cli/workspace-option.ts";

const body = (workspaceName: string, email: string) => ({
  workspaceName,
  name: "Founder",
  email,
  password: "a-long-enough-password",
});

describe("creating a workspace in the browser", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("the first one makes its creator admin, in one change; a second is refused while sign-up is closed", async () => {
    expect((await client(t.app).get("/api/v1/setup")).body).toMatchObject({
      hasWorkspace: false,
      openSignup: false,
    });
    const first = await client(t.app).post("/api/v1/setup", body("Acme", "founder@acme.test"));
    expect(first.status).toBe(201);
    expect(first.body.member.role).toBe("admin");
    const second = await client(t.app).post("/api/v1/setup", body("Other", "boss@other.test"));
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/Ask its admin to invite you/);
  });
});

describe("open sign-up (an operator's setting, off by default)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ openSignup: true });
  });
  afterAll(() => t.close());

  it("lets another company create a workspace, and a taken name reveals nothing: it is simply created", async () => {
    expect((await client(t.app).get("/api/v1/setup")).body.openSignup).toBe(true);
    const acme = await client(t.app).post("/api/v1/setup", body("Acme", "founder@acme.test"));
    const lookalike = await client(t.app).post("/api/v1/setup", body("ACME", "someone@else.test"));
    expect(lookalike.status).toBe(201);
    expect(lookalike.body.workspace.id).not.toBe(acme.body.workspace.id);
    expect(JSON.stringify(lookalike.body)).not.toContain("founder@acme.test");
  });

  it("renaming a workspace to another company's name is allowed and says nothing about it", async () => {
    const mine = await client(t.app).post("/api/v1/setup", body("Mine", "me@mine.test"));
    const admin = client(t.app, String(mine.headers["set-cookie"]).split(";")[0]);
    const current = (await admin.get("/api/v1/workspace")).body;
    const renamed = await admin.patch("/api/v1/workspace", { version: current.version, name: "Acme" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe("Acme");
  });

  it("the command line asks for the id when a name belongs to several workspaces", async () => {
    await expect(namedWorkspace(t.db, "acme")).rejects.toThrow(/3 workspaces are named "acme"; give the id/);
    expect(await namedWorkspace(t.db, "Mine")).toBeUndefined();
    const ids = (await t.db.selectFrom("workspace").select("id").execute()).map((w) => w.id);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect((await namedWorkspace(t.db, id))?.id).toBe(id);
  });
});
