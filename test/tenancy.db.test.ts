import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "../src/server/features/imports/imports.service.ts";
import { createTestApp, type TestApp } from "./app.ts";
import { buildAccount, buildWorkspace, type TestWorkspace } from "./factories.ts";
import { fixture } from "./import/import-helpers.ts";
import { listOperations, type Operation } from "./routes.ts";

let t: TestApp;
let a: TestWorkspace;
let b: TestWorkspace;
const records: Record<string, string> = {};
/** A's buyer-room link and A's admin's read-only API token, as their holders send them. */
const secrets: { room?: string; readToken?: string } = {};
// Inserted directly: registering resolves the URL's host, and tests do not depend on DNS.
const WEBHOOK = "5c0ffee0-0000-4000-8000-000000000001";
beforeAll(async () => {
  t = await createTestApp();
  a = await buildWorkspace(t.app, t.db, "Alpha");
  b = await buildWorkspace(t.app, t.db, "Beta");
  const { account, cfo } = await buildAccount(a.as.admin);
  const decision = (
    await a.as.admin.post("/api/v1/decisions", { accountId: account.id, title: "A's decision" })
  ).body;
  const involvement = (
    await a.as.admin.post(`/api/v1/decisions/${decision.id}/stakeholders`, {
      stakeholderId: cfo.id,
      role: "economic_buyer",
    })
  ).body;
  const concern = (
    await a.as.admin.post(`/api/v1/decisions/${decision.id}/concerns`, {
      text: "Cost",
      kind: "organizational",
      category: "cost",
    })
  ).body;
  const concession = (
    await a.as.admin.post(`/api/v1/decisions/${decision.id}/concessions`, {
      percent: 10,
      reason: "Budget cut",
    })
  ).body;
  const review = (await a.as.admin.post(`/api/v1/decisions/${decision.id}/reviews`)).body;
  const action = (
    await a.as.admin.post(`/api/v1/reviews/${review.id}/actions`, {
      what: "Ask the CFO",
      ownerId: a.seller.id,
    })
  ).body;
  const step = (
    await a.as.admin.post(`/api/v1/decisions/${decision.id}/plan/steps`, { title: "Security review" })
  ).body;
  const link = (await a.as.admin.post(`/api/v1/decisions/${decision.id}/share-links`, { label: "CFO" })).body;
  await t.app.inject({
    method: "POST",
    url: `/api/v1/room/${link.token}/problem`,
    payload: { verdict: "not_quite", text: "Different" },
  });
  const correction = (await a.as.admin.get(`/api/v1/decisions/${decision.id}/corrections`)).body.items[0];
  const template = (await a.as.admin.get("/api/v1/plan-templates")).body.items[0];
  const conversation = (
    await a.as.admin.post(`/api/v1/decisions/${decision.id}/conversations`, {
      happenedOn: "2026-11-20",
      channel: "call",
      title: "Discovery",
      transcript:
        "Ann Seller: How do you close the month today?\nDana Lee: By hand in spreadsheets, and it takes twelve days a month.\n",
    })
  ).body;
  const verdict = (
    await a.as.admin.post("/api/v1/diagnosis-corrections", {
      question: "problem",
      answer: "They need a new CRM.",
      label: "vague",
    })
  ).body;
  const imported = await importFiles(
    t.db,
    { workspaceId: a.workspace.id, memberId: a.admin.id },
    [fixture("hubspot-companies.csv")],
    {},
  );
  const upload = await t.app.inject({
    method: "POST",
    url: "/api/v1/imports/uploads?name=accounts.csv",
    headers: { cookie: a.as.admin.cookie!, "content-type": "text/csv" },
    payload: "Id,Name\n001,Acme\n",
  });
  const token = (await a.as.admin.post("/api/v1/tokens", { name: "A's script", scope: "read" })).body;
  await t.db
    .insertInto("webhook_endpoint")
    .values({
      id: WEBHOOK,
      workspace_id: a.workspace.id,
      url: "https://example.com/hook",
      events: ["decision.created"],
      secret: "whsec_test",
      description: null,
      created_by: a.admin.id,
    })
    .execute();
  const feed = (await a.as.admin.post(`/api/v1/decisions/${decision.id}/calendar-feed`)).body;
  const won = (
    await a.as.admin.post("/api/v1/decisions", {
      accountId: account.id,
      title: "A's won decision",
      outcome: "won",
      outcomesSought: [{ measure: "Days to close", current: "12", target: "5" }],
    })
  ).body;
  const measure = (await a.as.admin.get(`/api/v1/decisions/${won.id}/success`)).body.measures[0];
  Object.assign(secrets, { room: link.token, readToken: token.token });
  Object.assign(records, {
    "success-measures": measure.id,
    tokens: token.id,
    "calendar-feeds": feed.id,
    uploads: upload.json().id,
    "plan-steps": step.id,
    "share-links": link.id,
    corrections: correction.id,
    conversations: conversation.id,
    "diagnosis-corrections": verdict.id,
    "conversation-proposals": conversation.proposals[0].id,
    "plan-templates": template.id,
    accounts: account.id,
    stakeholders: cfo.id,
    decisions: decision.id,
    involvements: involvement.id,
    concerns: concern.id,
    concessions: concession.id,
    reviews: review.id,
    actions: action.id,
    imports: imported.runId,
  });
});
afterAll(() => t.close());

/** For each route with an {id}: workspace A's record of that kind, and a body valid enough to pass validation. */
const recordOf: Record<string, (w: TestWorkspace) => string> = {
  members: (w) => w.seller.id,
  teams: (w) => w.team.id,
  accounts: () => records.accounts!,
  stakeholders: () => records.stakeholders!,
  decisions: () => records.decisions!,
  involvements: () => records.involvements!,
  concerns: () => records.concerns!,
  concessions: () => records.concessions!,
  reviews: () => records.reviews!,
  "plan-steps": () => records["plan-steps"]!,
  "share-links": () => records["share-links"]!,
  corrections: () => records.corrections!,
  "plan-templates": () => records["plan-templates"]!,
  actions: () => records.actions!,
  imports: () => records.imports!,
  uploads: () => records.uploads!,
  conversations: () => records.conversations!,
  "conversation-proposals": () => records["conversation-proposals"]!,
  "diagnosis-corrections": () => records["diagnosis-corrections"]!,
  tokens: () => records.tokens!,
  webhooks: () => WEBHOOK,
  "calendar-feeds": () => records["calendar-feeds"]!,
  "success-measures": () => records["success-measures"]!,
};
const validBody: Record<string, unknown> = {
  "PATCH /api/v1/members/{id}": { version: 1, name: "Intruder" },
  "PATCH /api/v1/teams/{id}": { version: 1, name: "Intruder" },
  "PATCH /api/v1/accounts/{id}": { version: 1, name: "Intruder" },
  "PATCH /api/v1/stakeholders/{id}": { version: 1, name: "Intruder" },
  "PATCH /api/v1/decisions/{id}": { version: 1, title: "Intruder" },
  "POST /api/v1/decisions/{id}/stakeholders": {
    stakeholderId: "00000000-0000-4000-8000-000000000000",
    role: "user",
  },
  "POST /api/v1/decisions/{id}/concerns": { text: "x", kind: "individual", category: "cost" },
  "PATCH /api/v1/involvements/{id}": { version: 1, role: "blocker" },
  "PATCH /api/v1/concerns/{id}": { version: 1, text: "Intruder" },
  "POST /api/v1/decisions/{id}/concessions": { percent: 5, reason: "Intruder" },
  "PATCH /api/v1/concessions/{id}": { version: 1, status: "approved" },
  "PATCH /api/v1/reviews/{id}": { version: 1, coachingNotes: "Intruder" },
  "PUT /api/v1/reviews/{id}/answers/{question}": { answer: "Intruder" },
  "POST /api/v1/reviews/{id}/actions": { what: "Intrude", ownerId: "00000000-0000-4000-8000-000000000000" },
  "PATCH /api/v1/actions/{id}": { version: 1, status: "done" },
  "POST /api/v1/decisions/{id}/plan/steps": { title: "Intrude" },
  "PUT /api/v1/decisions/{id}/plan/order": { stepIds: ["00000000-0000-4000-8000-000000000000"] },
  "POST /api/v1/decisions/{id}/plan/apply-template": { templateId: "00000000-0000-4000-8000-000000000000" },
  "POST /api/v1/decisions/{id}/share-links": { label: "Intruder" },
  "PATCH /api/v1/plan-steps/{id}": { version: 1, title: "Intrude" },
  "POST /api/v1/plan-steps/{id}/comments": { body: "Intrude" },
  "PATCH /api/v1/corrections/{id}": { version: 1, status: "accepted" },
  "PATCH /api/v1/plan-templates/{id}": { version: 1, name: "Intrude" },
  "POST /api/v1/decisions/{id}/conversations": {
    happenedOn: "2026-11-20",
    channel: "call",
    title: "Intrude",
  },
  "PATCH /api/v1/conversations/{id}": { version: 1, title: "Intrude" },
  "PATCH /api/v1/conversation-proposals/{id}": { version: 1, status: "dismissed" },
  "PATCH /api/v1/webhooks/{id}": { version: 1, enabled: false },
  "POST /api/v1/decisions/{id}/success-measures": { measure: "Intrude", dueOn: "2027-01-01" },
  "PATCH /api/v1/success-measures/{id}": { version: 1, target: "Intrude" },
  "POST /api/v1/decisions/{id}/success-reports": {
    reporterName: "Intruder",
    values: [{ measureId: "00000000-0000-4000-8000-000000000000", value: "1", reached: "yes" }],
    decideAgain: "no",
  },
  "POST /api/v1/decisions/{id}/room-mail": {
    stakeholderId: "00000000-0000-4000-8000-000000000000",
    kind: "invitation",
  },
};
/** Deletes, restores and completion name the version the client saw. */
const query = (key: string) => (/^DELETE |\/(restore|complete)$/.test(key) ? "?version=1" : "");

/** A route's URL pointed at workspace A's record of its kind (and the query its method needs). */
function urlFor(route: Operation) {
  if (!route.path.includes("{id}"))
    return route.path.replace("{kind}", "decisions").replace("{table}", "sellers");
  const kind = route.path.startsWith("/api/v1/imports/uploads/") ? "uploads" : route.path.split("/")[3]!;
  const pick = recordOf[kind];
  expect(pick, `add ${route.path} to the tenancy table`).toBeDefined();
  return (
    route.path
      .replace("{id}", pick!(a))
      .replace("{question}", "impact")
      .replace("{stepId}", records["plan-steps"]!)
      .replace("{deliveryId}", "00000000-0000-4000-8000-000000000000") +
    query(`${route.method} ${route.path}`)
  );
}
const bodyFor = (route: Operation) =>
  route.method === "GET" || route.method === "DELETE"
    ? undefined
    : (validBody[`${route.method} ${route.path}`] ?? {});

describe("tenancy: a member of workspace B never reaches workspace A's records", () => {
  it("every route with an id answers 404 to B's admin for A's record", async () => {
    const routes = listOperations(t.app).filter((op) => op.path.includes("{id}"));
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const reply = await b.as.admin.send(route.method as "GET", urlFor(route), bodyFor(route));
      expect(reply.status, `${route.method} ${route.path}`).toBe(404);
      expect(reply.body.error.code).toBe("not_found");
    }
  });

  it("lists show only the caller's workspace", async () => {
    const members = (await b.as.admin.get("/api/v1/members")).body.items.map((m: { id: string }) => m.id);
    expect(members).toContain(b.seller.id);
    expect(members).not.toContain(a.seller.id);
    const teams = (await b.as.admin.get("/api/v1/teams")).body.items.map((team: { id: string }) => team.id);
    expect(teams).toEqual([b.team.id]);
    expect((await b.as.admin.get("/api/v1/imports")).body.items).toEqual([]);
    const exported = await b.as.admin.get("/api/v1/export/decisions?format=json");
    expect(exported.body.map((d: { id: string }) => d.id)).not.toContain(records.decisions);
    expect(
      (await a.as.admin.get("/api/v1/export/decisions?format=json")).body.map((d: { id: string }) => d.id),
    ).toContain(records.decisions);
    const changes = (await b.as.admin.get("/api/v1/changes")).body.items;
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c: { entityId: string }) => c.entityId !== a.seller.id)).toBe(true);
    // Entry ids are opaque: the log's serial number would tell how busy every other workspace is.
    expect(changes.every((c: { id: unknown }) => /^[0-9a-f-]{36}$/.test(String(c.id)))).toBe(true);
  });

  it("references to another workspace's records in a body are not found", async () => {
    const reply = await b.as.admin.post("/api/v1/members", {
      email: "x@beta.test",
      name: "X",
      role: "seller",
      teamId: a.team.id,
    });
    expect(reply.status).toBe(404);
    expect(reply.body.error.fields[0].path).toBe("teamId");
  });

  it("A's records are unchanged after B's attempts", async () => {
    const seller = (await a.as.admin.get(`/api/v1/members/${a.seller.id}`)).body;
    expect(seller.name).toBe(a.seller.name);
    expect(seller.version).toBe(1);
    const decision = (await a.as.admin.get(`/api/v1/decisions/${records.decisions}`)).body;
    expect(decision).toMatchObject({ title: "A's decision", version: 1 });
    expect(decision.involvements).toHaveLength(1);
    expect(decision.concerns).toHaveLength(1);
    const review = (await a.as.admin.get(`/api/v1/reviews/${records.reviews}`)).body;
    expect(review).toMatchObject({ status: "open", version: 1, coachingNotes: null });
    expect(review.actions[0]).toMatchObject({ status: "open", version: 1 });
  });

  it("B's queue, tasks and workspace never show A's", async () => {
    expect((await b.as.admin.get("/api/v1/reviews/queue")).body.items).toEqual([]);
    expect((await b.as.seller.get("/api/v1/actions")).body.items).toEqual([]);
    expect((await b.as.admin.get("/api/v1/workspace")).body.id).toBe(b.workspace.id);
  });

  it("lists of decisions and accounts show only the caller's workspace", async () => {
    expect((await b.as.admin.get("/api/v1/decisions")).body.items).toEqual([]);
    expect((await b.as.admin.get("/api/v1/accounts")).body.items).toEqual([]);
    const board = (await b.as.admin.get("/api/v1/decisions/board")).body.columns;
    expect(board.every((c: { count: number }) => c.count === 0)).toBe(true);
    const reply = await b.as.admin.post("/api/v1/decisions", { accountId: records.accounts, title: "Steal" });
    expect(reply.status).toBe(404);
    expect(reply.body.error.fields[0].path).toBe("accountId");
  });
});

describe("credentials: each kind against every route the API documents", () => {
  const signedInRoutes = () => listOperations(t.app).filter((op) => !op.isPublic);
  const send = (route: Operation, headers: Record<string, string>) => {
    const body = bodyFor(route);
    return t.app.inject({
      method: route.method as "GET",
      url: urlFor(route),
      headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  };

  it("nothing, a made-up session or a buyer's room link opens no signed-in route: 401, never more", async () => {
    const routes = signedInRoutes();
    expect(routes.length).toBeGreaterThan(100);
    for (const route of routes) {
      for (const [label, headers] of [
        ["no credentials", {}],
        ["a made-up session", { cookie: "confidant_session=made-up" }],
        ["the room link as a session", { cookie: `confidant_session=${secrets.room}` }],
      ] as const) {
        const reply = await send(route, headers);
        expect(reply.statusCode, `${label}: ${route.method} ${route.path}`).toBe(401);
      }
      const asBearer = await send(route, { authorization: `Bearer ${secrets.room}` });
      expect(asBearer.statusCode, `room link as a token: ${route.method} ${route.path}`).toBe(401);
    }
  });

  it("a read-only API token reads but never writes, on every route", async () => {
    for (const route of signedInRoutes()) {
      const reply = await send(route, { authorization: `Bearer ${secrets.readToken}` });
      const where = `${route.method} ${route.path}`;
      expect(reply.statusCode, where).toBeLessThan(500);
      if (route.method === "GET") expect([401, 403], where).not.toContain(reply.statusCode);
      else expect(reply.statusCode, where).toBe(403);
    }
  });

  it("each role gets the same answer from every route as last reviewed (a change of policy shows here)", async () => {
    const matrix: string[] = [];
    for (const route of signedInRoutes().filter((op) => op.method === "GET")) {
      const statuses = [];
      for (const who of [a.as.seller, a.as.manager, a.as.admin]) {
        const reply = await who.send("GET", urlFor(route));
        expect(reply.status, `${route.path}`).toBeLessThan(500);
        statuses.push(reply.status);
      }
      matrix.push(`GET ${route.path}: seller ${statuses[0]}, manager ${statuses[1]}, admin ${statuses[2]}`);
    }
    expect(matrix.join("\n")).toMatchSnapshot();
  });
});
