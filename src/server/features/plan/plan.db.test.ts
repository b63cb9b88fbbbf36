import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildAccount, buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";

let t: TestApp;
let w: TestWorkspace;
let decisionId: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Plan Co");
  const { account } = await buildAccount(w.as.seller);
  decisionId = (await w.as.seller.post("/api/v1/decisions", { accountId: account.id, title: "Plan" })).body
    .id;
});
afterAll(() => t.close());

describe("the mutual plan", () => {
  it("steps added at the same time each get their own position, in a plan a template extends afterwards", async () => {
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        w.as.seller.post(`/api/v1/decisions/${decisionId}/plan/steps`, { title: `Step ${i + 1}` }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(20).fill(201));
    const template = (await w.as.seller.get("/api/v1/plan-templates")).body.items[0];
    const applied = await w.as.seller.post(`/api/v1/decisions/${decisionId}/plan/apply-template`, {
      templateId: template.id,
    });
    expect(applied.status).toBeLessThan(300);
    const steps = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/plan`)).body.steps as Array<{
      position: number;
    }>;
    const positions = steps.map((s) => s.position);
    expect(positions).toEqual(Array.from({ length: steps.length }, (_, i) => i + 1));
  });

  it("a step's owner is a member work can be given to: a deactivated member is refused, as for a decision's owner", async () => {
    const leaving = (
      await w.as.admin.post("/api/v1/members", {
        email: "leaving@plan.test",
        name: "Leaving",
        role: "seller",
      })
    ).body.member;
    const deactivated = await w.as.admin.patch(`/api/v1/members/${leaving.id}`, {
      version: 1,
      active: false,
    });
    expect(deactivated.status).toBe(200);
    const step = await w.as.seller.post(`/api/v1/decisions/${decisionId}/plan/steps`, {
      title: "Kick-off",
      ownerSide: "us",
      ownerMemberId: leaving.id,
    });
    expect(step.status).toBe(404);
    expect(step.body.error.fields[0].path).toBe("ownerMemberId");
    const owner = await w.as.admin.patch(`/api/v1/decisions/${decisionId}`, {
      version: 1,
      ownerId: leaving.id,
    });
    expect(owner.status).toBe(404);
    expect(owner.body.error.fields[0].path).toBe("ownerId");
    const active = await w.as.seller.post(`/api/v1/decisions/${decisionId}/plan/steps`, {
      title: "Kick-off",
      ownerSide: "us",
      ownerMemberId: w.seller.id,
    });
    expect(active.status).toBe(201);
  });
});

describe("changing the plan", () => {
  it("a step changed on an old version merges when another field changed, is refused with the current step when the same one did; a delete is in the history and hidden from the plan", async () => {
    const step = (await w.as.seller.post(`/api/v1/decisions/${decisionId}/plan/steps`, { title: "Pilot" }))
      .body;
    const moved = await w.as.seller.patch(`/api/v1/plan-steps/${step.id}`, {
      version: 1,
      dueDate: "2027-01-10",
    });
    expect(moved.body).toMatchObject({ version: 2, dueDate: "2027-01-10" });
    const merged = await w.as.seller.patch(`/api/v1/plan-steps/${step.id}`, { version: 1, title: "Trial" });
    expect(merged.body).toMatchObject({ version: 3, title: "Trial", dueDate: "2027-01-10" });
    const stale = await w.as.seller.patch(`/api/v1/plan-steps/${step.id}`, {
      version: 1,
      dueDate: "2027-02-01",
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.fields.map((f: { path: string }) => f.path)).toEqual(["version", "dueDate"]);
    expect(stale.body.error.current.dueDate).toBe("2027-01-10");
    expect((await w.as.seller.delete(`/api/v1/plan-steps/${step.id}?version=3`)).status).toBe(200);
    const plan = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/plan`)).body;
    expect(plan.steps.map((s: { id: string }) => s.id)).not.toContain(step.id);
    const history = (await w.as.admin.get(`/api/v1/changes?entity=plan_step&entityId=${step.id}`)).body.items;
    expect(history.map((c: { action: string }) => c.action)).toEqual([
      "delete",
      "update",
      "update",
      "create",
    ]);
  });

  it("a manager reads and comments on a team member's plan but does not change it", async () => {
    const step = (await w.as.seller.post(`/api/v1/decisions/${decisionId}/plan/steps`, { title: "Legal" }))
      .body;
    const changed = await w.as.manager.patch(`/api/v1/plan-steps/${step.id}`, { version: 1, title: "Mine" });
    expect(changed.status).toBe(403);
    const comment = await w.as.manager.post(`/api/v1/plan-steps/${step.id}/comments`, { body: "Who signs?" });
    expect(comment.status).toBe(201);
    const plan = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/plan`)).body;
    const legal = plan.steps.find((s: { id: string }) => s.id === step.id);
    expect(legal.comments).toEqual([expect.objectContaining({ body: "Who signs?", fromBuyer: false })]);
    expect(legal.comments[0].authorName).toBe(w.manager.name);
  });

  it("a template is renamed on the version seen; an old version is refused", async () => {
    const template = (await w.as.manager.get("/api/v1/plan-templates")).body.items[0];
    const renamed = await w.as.manager.patch(`/api/v1/plan-templates/${template.id}`, {
      version: template.version,
      name: "Our evaluation",
    });
    expect(renamed.body).toMatchObject({ name: "Our evaluation", version: template.version + 1 });
    const stale = await w.as.manager.patch(`/api/v1/plan-templates/${template.id}`, {
      version: template.version,
      name: "Theirs",
    });
    expect(stale.status).toBe(409);
    expect(
      (await w.as.seller.patch(`/api/v1/plan-templates/${template.id}`, { version: 9, name: "x" })).status,
    ).toBe(403);
  });
});
