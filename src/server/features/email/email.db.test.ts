import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";
import { startSmtp } from "../../../../test/smtp-receiver.ts";
import { startWorkers } from "../../jobs/workers.ts";
import { queueSuccessChecks } from "./email.service.ts";
import { Mailer } from "./mailer.ts";

let t: TestApp;
let w: TestWorkspace;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let workers: Awaited<ReturnType<typeof startWorkers>>;
let decision: { id: string; version: number };
let dana: { id: string };
let sam: { id: string };

const linkIn = (text: string, path: string) =>
  new RegExp(`https://confidant\\.test/${path}/([A-Za-z0-9_-]+)`).exec(text)?.[1];

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({
    email: { smtpUrl: smtp.url, from: "Confidant <confidant@test.example>", digestCron: "0 7 * * 1" },
    webhooks: { allowPrivate: true, retrySeconds: 1, retries: 0, timeoutMs: 1000 },
  });
  w = await buildWorkspace(t.app, t.db, "Mail Co");
  const account = (await w.as.seller.post("/api/v1/accounts", { name: "Contoso" })).body;
  dana = (
    await w.as.seller.post("/api/v1/stakeholders", {
      accountId: account.id,
      name: "Dana Lee",
      email: "dana@contoso.example",
    })
  ).body;
  sam = (await w.as.seller.post("/api/v1/stakeholders", { accountId: account.id, name: "Sam Ortiz" })).body;
  decision = (
    await w.as.seller.post("/api/v1/decisions", { accountId: account.id, title: "Close the books in 5 days" })
  ).body;
  for (const person of [dana, sam])
    await w.as.seller.post(`/api/v1/decisions/${decision.id}/stakeholders`, {
      stakeholderId: person.id,
      role: "economic_buyer",
    });
  workers = await startWorkers(t.app);
});
afterAll(async () => {
  await workers.stop();
  await t.close();
  await smtp.close();
});

describe("email", () => {
  it("says it is on", async () => {
    expect((await w.as.seller.get("/api/v1/email")).body).toMatchObject({ enabled: true, ok: true });
  });

  it("a buyer-room invitation arrives with the buyer's own working link; the link's secret is in no job", async () => {
    const before = smtp.mails.length;
    const asked = await w.as.seller.post(`/api/v1/decisions/${decision.id}/room-mail`, {
      stakeholderId: dana.id,
      kind: "invitation",
      note: "As promised on Tuesday <3",
    });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ to: "dana@contoso.example", name: "Dana Lee" });
    const mail = await smtp.waitFor("dana@contoso.example", before);
    expect(mail.subject).toBe("seller of Mail Co shared the plan for “Close the books in 5 days”");
    expect(mail.text).toContain("As promised on Tuesday <3");
    expect(mail.html).toContain("As promised on Tuesday &lt;3");
    const token = linkIn(mail.text!, "room")!;
    const room = await t.app.inject({ method: "GET", url: `/api/v1/room/${token}` });
    expect(room.statusCode).toBe(200);
    expect(room.json().decision.title).toBe("Close the books in 5 days");
    const links = (await w.as.seller.get(`/api/v1/decisions/${decision.id}/share-links`)).body.items;
    expect(links[0]).toMatchObject({ stakeholderName: "Dana Lee", active: true });
    const jobs = await sql<{ data: unknown }>`SELECT data FROM pgboss.job WHERE name = 'email'`.execute(t.db);
    expect(JSON.stringify(jobs.rows)).not.toContain(token);
    const unsubscribeHeader = mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line;
    expect(unsubscribeHeader).toMatch(/<https:\/\/confidant\.test\/api\/v1\/unsubscribe\/[A-Za-z0-9_-]+>/);
  });

  it("a check-in request asks how confident they are; unsubscribing works without signing in and stops the next one", async () => {
    const before = smtp.mails.length;
    await w.as.seller.post(`/api/v1/decisions/${decision.id}/room-mail`, {
      stakeholderId: dana.id,
      kind: "checkin_request",
    });
    const mail = await smtp.waitFor("dana@contoso.example", before);
    expect(mail.subject).toMatch(/how confident are you about “Close the books in 5 days”/);
    const token = linkIn(mail.text!, "unsubscribe")!;
    const shown = await t.app.inject({ method: "GET", url: `/api/v1/unsubscribe/${token}` });
    expect(shown.json()).toEqual({ address: "d…@contoso.example", kind: "room", unsubscribed: false });
    // As a mail app's one-click unsubscribe sends it: a form post, no session.
    const done = await t.app.inject({
      method: "POST",
      url: `/api/v1/unsubscribe/${token}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().unsubscribed).toBe(true);
    const again = await w.as.seller.post(`/api/v1/decisions/${decision.id}/room-mail`, {
      stakeholderId: dana.id,
      kind: "invitation",
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/Dana Lee asked not to get these mails/);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/v1/unsubscribe/not-a-real-token-at-all-xx" }))
        .statusCode,
    ).toBe(404);
  });

  it("refuses a person without an address, and someone not in the decision, naming the field", async () => {
    const none = await w.as.seller.post(`/api/v1/decisions/${decision.id}/room-mail`, {
      stakeholderId: sam.id,
      kind: "invitation",
    });
    expect(none.status).toBe(400);
    expect(none.body.error.fields[0]).toMatchObject({ path: "body.stakeholderId" });
    expect(none.body.error.message).toMatch(/Sam Ortiz has no email address/);
    const manager = await w.as.manager.post(`/api/v1/decisions/${decision.id}/room-mail`, {
      stakeholderId: dana.id,
      kind: "invitation",
    });
    expect(manager.status).toBe(403);
  });

  it("the weekly digest reaches the manager with the customer's slipping step, linked to the decision", async () => {
    const step = (
      await w.as.seller.post(`/api/v1/decisions/${decision.id}/plan/steps`, {
        title: "Legal signs the DPA",
        dueDate: "2026-01-05",
      })
    ).body;
    expect(step.ownerSide).toBe("customer");
    const before = smtp.mails.length;
    const queued = await w.as.admin.post("/api/v1/email/weekly");
    expect(queued.status).toBe(202);
    const mail = await smtp.waitFor(w.manager.email, before);
    expect(mail.subject).toMatch(/^Your team's week: \d+ things? to look at$/);
    expect(mail.text).toContain("“Legal signs the DPA”");
    expect(mail.text).toContain(`https://confidant.test/decisions/${decision.id}`);
    expect(linkIn(mail.text!, "unsubscribe")).toBeDefined();
    expect((await w.as.seller.post("/api/v1/email/weekly")).status).toBe(403);
  });
});

describe("the check after the sale", () => {
  it("on the day a won decision's measures come due, each of its people with an address is asked once, by their own link", async () => {
    const account = (await w.as.seller.post("/api/v1/accounts", { name: "Fabrikam" })).body;
    const lee = (
      await w.as.seller.post("/api/v1/stakeholders", {
        accountId: account.id,
        name: "Lee Park",
        email: "lee@fabrikam.example",
      })
    ).body;
    const won = (
      await w.as.seller.post("/api/v1/decisions", {
        accountId: account.id,
        title: "Inventory counts you can trust",
        outcome: "won",
        outcomesSought: [{ measure: "Stock write-offs", current: "4%", target: "1%" }],
      })
    ).body;
    await w.as.seller.post(`/api/v1/decisions/${won.id}/stakeholders`, {
      stakeholderId: lee.id,
      role: "champion",
    });
    const [measure] = (await w.as.seller.get(`/api/v1/decisions/${won.id}/success`)).body.measures;
    expect(await queueSuccessChecks(t.db, t.app.jobs)).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    await w.as.seller.patch(`/api/v1/success-measures/${measure.id}`, {
      version: measure.version,
      dueOn: today,
    });
    const before = smtp.mails.length;
    expect(await queueSuccessChecks(t.db, t.app.jobs)).toBe(1);
    expect(await queueSuccessChecks(t.db, t.app.jobs)).toBe(0);
    const mail = await smtp.waitFor("lee@fabrikam.example", before);
    expect(mail.subject).toBe(
      "seller of Mail Co asks: did “Inventory counts you can trust” deliver what you sought?",
    );
    const room = await t.app.inject({ method: "GET", url: `/api/v1/room/${linkIn(mail.text!, "room")}` });
    expect(room.json()).toMatchObject({ you: { name: "Lee Park" }, success: { due: true } });
  });
});

describe("notices to admins", () => {
  it("a webhook turned off after failing is told to the workspace's admins by mail", async () => {
    // Nothing listens on port 9: every attempt is refused, and with no retries the first failure is the last.
    const hook = await w.as.admin.post("/api/v1/webhooks", {
      url: "http://127.0.0.1:9/hook",
      events: ["decision.updated"],
    });
    expect(hook.status).toBe(201);
    const before = smtp.mails.length;
    await w.as.seller.patch(`/api/v1/decisions/${decision.id}`, {
      version: decision.version,
      title: "Close the books in 4 days",
    });
    const mail = await smtp.waitFor(w.admin.email, before, 20_000);
    expect(mail.subject).toBe("A webhook was turned off: http://127.0.0.1:9/hook");
    expect(mail.text).toContain("the connection was refused");
    expect(mail.text).toContain("https://confidant.test/integrations");
    const listed = (await w.as.admin.get("/api/v1/webhooks")).body.items[0];
    expect(listed.enabled).toBe(false);
  });
});

describe("email settings that do not work", () => {
  it("without SMTP_URL email is off, said plainly, and asking for a mail is a clear 409", async () => {
    const off = await createTestApp();
    try {
      const ws = await buildWorkspace(off.app, off.db, "No Mail Co");
      expect((await ws.as.admin.get("/api/v1/email")).body).toMatchObject({ enabled: false, ok: false });
      const account = (await ws.as.seller.post("/api/v1/accounts", { name: "Contoso" })).body;
      const d = (await ws.as.seller.post("/api/v1/decisions", { accountId: account.id, title: "X" })).body;
      const asked = await ws.as.seller.post(`/api/v1/decisions/${d.id}/room-mail`, {
        stakeholderId: "00000000-0000-4000-8000-000000000000",
        kind: "invitation",
      });
      expect(asked.status).toBe(409);
      expect(asked.body.error.code).toBe("email_off");
    } finally {
      await off.close();
    }
  });

  it("a malformed SMTP_URL or an unreachable server is a problem in words, not a crash", async () => {
    expect(new Mailer("mailserver:25", "x").status().problem).toMatch(
      /not an smtp:\/\/ or smtps:\/\/ address/,
    );
    const dead = new Mailer("smtp://127.0.0.1:9", "x");
    const status = await dead.verify();
    expect(status.ok).toBe(false);
    expect(status.problem).toMatch(/127\.0\.0\.1:9 could not be used/);
    await expect(dead.send({ to: "a@b.example", subject: "s", text: "t", html: "h" })).rejects.toThrow();
  });
});
