import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildAccount, buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";

let t: TestApp;
let w: TestWorkspace;
let decisionId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Concessions Co");
  const { account } = await buildAccount(w.as.seller);
  decisionId = (
    await w.as.seller.post("/api/v1/decisions", {
      accountId: account.id,
      title: "Fleet renewal",
      valueAmount: 100_000_00,
    })
  ).body.id;
});
afterAll(() => t.close());

const ask = (body: object, as = w.as.seller) => as.post(`/api/v1/decisions/${decisionId}/concessions`, body);

describe("concessions under the workspace's policy", () => {
  it("waits for the manager up to their limit, who approves; the seller cannot approve their own", async () => {
    const asked = await ask({
      percent: 10,
      reason: "Their budget was cut by a tenth",
      inReturn: "A three-year term",
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: "requested",
      approver: "manager",
      depth: 0.1,
      canDecide: false,
    });
    expect(asked.body.approverWhy).toBe("10% off needs the manager (up to 15%).");
    const self = await w.as.seller.patch(`/api/v1/concessions/${asked.body.id}`, {
      version: 1,
      status: "approved",
    });
    expect(self.status).toBe(403);
    const seen = (await w.as.manager.get(`/api/v1/decisions/${decisionId}/concessions`)).body.items[0];
    expect(seen.canDecide).toBe(true);
    const approved = await w.as.manager.patch(`/api/v1/concessions/${asked.body.id}`, {
      version: 1,
      status: "approved",
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: "approved", decidedBy: { id: w.manager.id } });
    const again = await w.as.manager.patch(`/api/v1/concessions/${asked.body.id}`, {
      version: 2,
      status: "declined",
    });
    expect(again.status).toBe(409);
  });

  it("sends a deeper one, or an amount on a decision without a value, to an admin", async () => {
    const deep = await ask({ amount: 30_000_00, reason: "Matching a rival's quote" });
    expect(deep.body).toMatchObject({ approver: "admin", depth: 0.23076923076923078 });
    expect(
      (await w.as.manager.patch(`/api/v1/concessions/${deep.body.id}`, { version: 1, status: "approved" }))
        .status,
    ).toBe(403);
    const declined = await w.as.admin.patch(`/api/v1/concessions/${deep.body.id}`, {
      version: 1,
      status: "declined",
    });
    expect(declined.body.status).toBe("declined");
  });

  it("lets a seller approve their own within the seller's limit, once the admin sets one", async () => {
    const ws = (await w.as.admin.get("/api/v1/workspace")).body;
    const set = await w.as.admin.patch("/api/v1/workspace", {
      version: ws.version,
      settings: { concessionSellerMaxPercent: 5 },
    });
    expect(set.status).toBe(200);
    expect(set.body.settings).toMatchObject({
      concessionSellerMaxPercent: 5,
      concessionManagerMaxPercent: 15,
    });
    const small = await ask({ percent: 5, reason: "Paying a year up front" });
    expect(small.body).toMatchObject({
      status: "approved",
      approver: "seller",
      decidedBy: { id: w.seller.id },
    });
  });

  it("is withdrawn and brought back by the owner, each in the history; a manager cannot withdraw it", async () => {
    const c = (await ask({ percent: 2, reason: "Rounding" })).body;
    expect((await w.as.manager.delete(`/api/v1/concessions/${c.id}?version=${c.version}`)).status).toBe(403);
    const gone = await w.as.seller.delete(`/api/v1/concessions/${c.id}?version=${c.version}`);
    expect(gone.status).toBe(200);
    const listed = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/concessions`)).body.items;
    expect(listed.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const back = await w.as.seller.post(`/api/v1/concessions/${c.id}/restore?version=${gone.body.version}`);
    expect(back.status).toBe(200);
    const history = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/history`)).body.items;
    expect(
      history.filter((h: { entity: string }) => h.entity === "concession").length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("refuses both an amount and a percent, neither, nothing in words, and an outsider's decision", async () => {
    const both = await ask({ amount: 100, percent: 5, reason: "x" });
    expect(both.status).toBe(400);
    expect(both.body.error.fields[0]).toMatchObject({ path: "body.amount" });
    expect((await ask({ reason: "x" })).status).toBe(400);
    expect((await ask({ percent: 5, reason: "" })).status).toBe(400);
    expect((await ask({ percent: 0, reason: "x" })).status).toBe(400);
    expect((await ask({ amount: 0, reason: "x" })).status).toBe(400);
    expect((await ask({ percent: 5, reason: "x" }, w.as.outsider)).status).toBe(404);
  });
});
