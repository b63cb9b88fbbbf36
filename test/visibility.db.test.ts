import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./app.ts";
import { buildAccount, buildWorkspace, type TestWorkspace } from "./factories.ts";
import { listOperations } from "./routes.ts";

/**
 * Inside one workspace: a decision owned by a seller outside the manager's team is as invisible to that manager
 * (and to other sellers) in every list and history route as on its own routes.
 */
let t: TestApp;
let w: TestWorkspace;
const hidden = {
  title: "Hidden renewal of Fabrikam",
  id: "",
  reviewId: "",
  actionText: "Call Fabrikam's CFO",
};
let teamDecisionId = "";
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Visibility");
  const { account, cfo } = await buildAccount(w.as.admin);
  const decision = (
    await w.as.admin.post("/api/v1/decisions", {
      accountId: account.id,
      title: hidden.title,
      ownerId: w.outsider.id,
    })
  ).body;
  hidden.id = decision.id;
  await w.as.outsider.post(`/api/v1/decisions/${decision.id}/concerns`, {
    text: "Fabrikam fears the migration",
    kind: "organizational",
    category: "risk",
  });
  await w.as.outsider.post(`/api/v1/decisions/${decision.id}/stakeholders`, {
    stakeholderId: cfo.id,
    role: "economic_buyer",
  });
  await w.as.outsider.post(`/api/v1/decisions/${decision.id}/plan/steps`, {
    title: "Fabrikam security review",
  });
  const review = (await w.as.admin.post(`/api/v1/decisions/${decision.id}/reviews`)).body;
  hidden.reviewId = review.id;
  await w.as.admin.post(`/api/v1/reviews/${review.id}/actions`, {
    what: hidden.actionText,
    ownerId: w.outsider.id,
  });
  const link = (await w.as.outsider.post(`/api/v1/decisions/${decision.id}/share-links`, { label: "CFO" }))
    .body;
  await t.app.inject({
    method: "POST",
    url: `/api/v1/room/${link.token}/concerns`,
    payload: { text: "Fabrikam worries about cost", name: "Dana Lee" },
  });
  teamDecisionId = (
    await w.as.admin.post("/api/v1/decisions", {
      accountId: account.id,
      title: "Team deal",
      ownerId: w.seller.id,
    })
  ).body.id;
});
afterAll(() => t.close());

/** Queries that point list routes straight at the hidden decision (or its owner). */
const pointedQuery: Record<string, string> = {
  "/api/v1/changes": `?entityId=${"{decision}"}&limit=500`,
  "/api/v1/actions": `?owner=${"{owner}"}&status=all`,
  "/api/v1/activity": `?decisionId=${"{decision}"}`,
};

const leaks = (body: unknown) => {
  const text = JSON.stringify(body);
  return [hidden.id, hidden.title, hidden.actionText, "Fabrikam"].filter((secret) => text.includes(secret));
};

describe("visibility: list and history routes follow the decision's own rule for every role", () => {
  it("the admin sees the hidden decision's history and actions (so the sweep below can fail)", async () => {
    const changes = await w.as.admin.get(`/api/v1/changes?entityId=${hidden.id}`);
    expect(changes.body.items.length).toBeGreaterThan(0);
    const all = (await w.as.admin.get("/api/v1/changes?limit=500")).body.items;
    expect(all.some((c: { entityId: string }) => c.entityId !== hidden.id && leaks(c).length)).toBe(true);
    const actions = await w.as.admin.get(`/api/v1/actions?owner=${w.outsider.id}&status=all`);
    expect(actions.body.items.map((a: { what: string }) => a.what)).toContain(hidden.actionText);
  });

  it("every list route, bare and pointed at the decision, shows nothing of it to the manager and other sellers", async () => {
    const lists = listOperations(t.app).filter(
      (op) => op.method === "GET" && !op.path.includes("{") && op.path.startsWith("/api/v1/"),
    );
    expect(lists.length).toBeGreaterThan(10);
    for (const role of ["manager", "seller"] as const) {
      for (const route of lists) {
        const pointed = (pointedQuery[route.path] ?? "")
          .replace("{decision}", hidden.id)
          .replace("{owner}", w.outsider.id);
        for (const url of [route.path, route.path + pointed]) {
          const reply = await w.as[role].get(url);
          expect(reply.status, `${role} GET ${url}`).toBeLessThan(500);
          if (reply.status === 200) expect(leaks(reply.body), `${role} GET ${url}`).toEqual([]);
        }
      }
    }
  });

  it("every route of the decision and its review answers 404 to them", async () => {
    const routes = listOperations(t.app).filter(
      (op) => op.method === "GET" && /^\/api\/v1\/(decisions|reviews)\/\{id\}/.test(op.path),
    );
    expect(routes.length).toBeGreaterThan(5);
    for (const role of ["manager", "seller"] as const)
      for (const route of routes) {
        const id = route.path.startsWith("/api/v1/reviews") ? hidden.reviewId : hidden.id;
        const reply = await w.as[role].get(route.path.replace("{id}", id));
        expect(reply.status, `${role} GET ${route.path}`).toBe(404);
      }
  });

  it("the manager still reads the history and actions of their team's decisions", async () => {
    const changes = (await w.as.manager.get(`/api/v1/changes?entityId=${teamDecisionId}`)).body.items;
    expect(changes.map((c: { action: string }) => c.action)).toContain("create");
    const members = (await w.as.manager.get("/api/v1/changes?entity=member&limit=500")).body.items;
    expect(members.length).toBeGreaterThan(0);
  });
});
