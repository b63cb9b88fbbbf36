import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";

let t: TestApp;
let w: TestWorkspace;
let other: TestWorkspace;
let decision: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Calendar Co");
  other = await buildWorkspace(t.app, t.db, "Elsewhere");
  const account = (await w.as.seller.post("/api/v1/accounts", { name: "Contoso" })).body;
  const dana = (await w.as.seller.post("/api/v1/stakeholders", { accountId: account.id, name: "Dana Lee" }))
    .body;
  decision = (
    await w.as.seller.post("/api/v1/decisions", { accountId: account.id, title: "Close in 5 days" })
  ).body;
  await w.as.seller.post(`/api/v1/decisions/${decision.id}/stakeholders`, {
    stakeholderId: dana.id,
    role: "economic_buyer",
  });
  const steps = [
    { title: "Legal signs the DPA", dueDate: "2027-01-15", ownerStakeholderId: dana.id },
    {
      title: "We send the security pack",
      dueDate: "2027-01-08",
      ownerSide: "us",
      ownerMemberId: w.seller.id,
    },
    { title: "Someday", ownerSide: "customer" },
  ];
  for (const step of steps) {
    const made = await w.as.seller.post(`/api/v1/decisions/${decision.id}/plan/steps`, step);
    expect(made.status).toBe(201);
  }
});
afterAll(() => t.close());

const fetchFeed = async (url: string) => {
  const reply = await t.app.inject({ method: "GET", url: new URL(url).pathname });
  return { status: reply.statusCode, type: reply.headers["content-type"], body: reply.body };
};

describe("calendar feeds", () => {
  it("a decision's plan is an .ics feed at a secret address: dated steps with owners; revoked, it is gone", async () => {
    const made = await w.as.manager.post(`/api/v1/decisions/${decision.id}/calendar-feed`);
    expect(made.status).toBe(201);
    expect(made.body.url).toMatch(/^https:\/\/confidant\.test\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await fetchFeed(made.body.url);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);
    expect(feed.body).toMatch(/^BEGIN:VCALENDAR/);
    expect(feed.body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(feed.body).toContain("DTSTART;VALUE=DATE:20270115");
    expect(feed.body).toContain("SUMMARY:Legal signs the DPA — Contoso");
    expect(feed.body.replace(/\r\n /g, "")).toContain("Owner: Customer: Dana Lee");
    expect(feed.body).not.toContain("Someday");
    const listed = await w.as.manager.get("/api/v1/calendar-feeds");
    expect(listed.body.items[0]).toMatchObject({ decisionId: decision.id, decisionTitle: "Close in 5 days" });
    expect(listed.body.items[0].lastReadAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(
      new URL(made.body.url).pathname.split("/").pop()!.replace(".ics", ""),
    );

    expect((await w.as.manager.delete(`/api/v1/calendar-feeds/${made.body.id}`)).status).toBe(200);
    expect((await fetchFeed(made.body.url)).status).toBe(404);
  });

  it("a seller's own feed holds the customer's steps in their decisions and their own steps", async () => {
    const made = await w.as.seller.post("/api/v1/me/calendar-feed");
    const feed = await fetchFeed(made.body.url);
    expect(feed.body).toContain("Legal signs the DPA");
    expect(feed.body).toContain("We send the security pack");
    const outsider = await w.as.outsider.post("/api/v1/me/calendar-feed");
    expect((await fetchFeed(outsider.body.url)).body).not.toContain("VEVENT");
  });

  it("no one subscribes to a decision they cannot see; another's feed cannot be revoked; a bad address is 400", async () => {
    expect((await w.as.outsider.post(`/api/v1/decisions/${decision.id}/calendar-feed`)).status).toBe(404);
    expect((await other.as.admin.post(`/api/v1/decisions/${decision.id}/calendar-feed`)).status).toBe(404);
    const mine = await w.as.seller.post(`/api/v1/decisions/${decision.id}/calendar-feed`);
    expect((await w.as.manager.delete(`/api/v1/calendar-feeds/${mine.body.id}`)).status).toBe(404);
    const bad = await t.app.inject({ method: "GET", url: "/api/v1/calendar/short.ics" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("params.file");
  });

  it("a feed stops when its member is deactivated", async () => {
    const made = await w.as.outsider.post("/api/v1/me/calendar-feed");
    expect((await fetchFeed(made.body.url)).status).toBe(200);
    await t.db.updateTable("member").set({ active: false }).where("id", "=", w.outsider.id).execute();
    expect((await fetchFeed(made.body.url)).status).toBe(404);
  });
});
