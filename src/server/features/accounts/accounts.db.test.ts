import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildAccount, buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";

let t: TestApp;
let w: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Accounts Co");
});
afterAll(() => t.close());

describe("accounts and their people", () => {
  it("an edit made on an old version is refused with the current record; the kept edit is in the history", async () => {
    const { account } = await buildAccount(w.as.seller, "Northwind");
    const first = await w.as.seller.patch(`/api/v1/accounts/${account.id}`, {
      version: 1,
      industry: "Retail",
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await w.as.seller.patch(`/api/v1/accounts/${account.id}`, { version: 1, industry: "Food" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.industry).toBe("Retail");
    const history = await w.as.admin.get(`/api/v1/changes?entity=account&entityId=${account.id}`);
    expect(history.body.items.map((c: { action: string }) => c.action)).toEqual(["update", "create"]);
    expect(history.body.items[0].before.industry).toBe("Manufacturing");
    expect(history.body.items[0].after.industry).toBe("Retail");
  });

  it("a manager deletes an account (a seller cannot); it is gone from the list until restored", async () => {
    const { account } = await buildAccount(w.as.seller, "Fabrikam");
    expect((await w.as.seller.delete(`/api/v1/accounts/${account.id}?version=1`)).status).toBe(403);
    const deleted = await w.as.manager.delete(`/api/v1/accounts/${account.id}?version=1`);
    expect(deleted.status).toBe(200);
    const names = async () =>
      (await w.as.seller.get("/api/v1/accounts")).body.items.map((a: { name: string }) => a.name);
    expect(await names()).not.toContain("Fabrikam");
    expect((await w.as.seller.get(`/api/v1/accounts/${account.id}`)).status).toBe(404);
    const restored = await w.as.manager.post(`/api/v1/accounts/${account.id}/restore?version=2`);
    expect(restored.status).toBe(200);
    expect(await names()).toContain("Fabrikam");
  });

  it("a step's owner on the customer side must be a person at the decision's account", async () => {
    const { account } = await buildAccount(w.as.seller, "Tailspin");
    const other = await buildAccount(w.as.seller, "Litware");
    const decision = (await w.as.seller.post("/api/v1/decisions", { accountId: account.id, title: "Fleet" }))
      .body;
    const step = await w.as.seller.post(`/api/v1/decisions/${decision.id}/plan/steps`, {
      title: "Sign-off",
      ownerStakeholderId: other.cfo.id,
    });
    expect(step.status).toBe(400);
    expect(step.body.error.fields[0].path).toBe("ownerStakeholderId");
  });
});
