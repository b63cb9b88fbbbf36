import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildAccount, buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";
import { statementRecorder } from "../../../../test/statements.ts";
import { buildApp } from "../../app.ts";

let t: TestApp;
let w: TestWorkspace;
let acct: Awaited<ReturnType<typeof buildAccount>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Decisions Co");
  acct = await buildAccount(w.as.seller);
});
afterAll(() => t.close());

const newDecision = (body: Record<string, unknown> = {}) =>
  w.as.seller.post("/api/v1/decisions", {
    accountId: acct.account.id,
    title: "Close the books in 5 days, not 12",
    ...body,
  });

describe("decisions", () => {
  it("creates a decision and answers 201 with id, version, readiness and the do-nothing option", async () => {
    const reply = await newDecision({
      problem: { statement: "They need to buy a new ERP" },
      valueAmount: 12_000_000,
      currency: "eur",
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      id: expect.any(String),
      version: 1,
      ownerId: w.seller.id,
      currency: "EUR",
      milestone: "exploring",
      canEdit: true,
    });
    expect(reply.body.options).toEqual([expect.objectContaining({ isDoNothing: true, name: "Do nothing" })]);
    expect(reply.body.readinessDetail.dimensions).toHaveLength(8);
  });

  it("readiness flags a product-shaped problem with a question, and rises when it is fixed", async () => {
    const created = (
      await newDecision({ problem: { statement: "They need to buy a new CRM", saidBy: acct.cfo.id } })
    ).body;
    const before = (await w.as.seller.get(`/api/v1/decisions/${created.id}/readiness`)).body;
    expect(before).toMatchObject({ overall: expect.any(Number), milestone: "exploring" });
    const problem = before.dimensions.find((d: { key: string }) => d.key === "problem");
    const gap = problem.gaps.find((g: { key: string }) => g.key === "problem.seller_shaped");
    expect(gap.text).toMatch(/our product|what they should buy/);
    expect(gap.question).toMatch(/\?$/);

    await w.as.seller.post(`/api/v1/decisions/${created.id}/stakeholders`, {
      stakeholderId: acct.cfo.id,
      role: "economic_buyer",
    });
    const fixed = await w.as.seller.patch(`/api/v1/decisions/${created.id}`, {
      version: created.version,
      problem: {
        statement: "Sales reps re-enter every order twice, so 4% of orders ship wrong and customers churn.",
      },
    });
    expect(fixed.status).toBe(200);
    const after = (await w.as.seller.get(`/api/v1/decisions/${created.id}/readiness`)).body;
    expect(after.overall).toBeGreaterThan(before.overall);
    expect(after.milestone).toBe("problem_agreed");
    expect(after.dimensions.find((d: { key: string }) => d.key === "problem").score).toBeGreaterThan(
      problem.score,
    );
  });

  it("derives the milestone from evidence and stores it for the board", async () => {
    const d = (await newDecision()).body;
    const involve = (id: string, role: string) =>
      w.as.seller.post(`/api/v1/decisions/${d.id}/stakeholders`, {
        stakeholderId: id,
        role,
        influence: "high",
        stance: { problem: "supports", timing: "supports", approach: "supports", us: "neutral" },
      });
    expect((await involve(acct.cfo.id, "economic_buyer")).status).toBe(201);
    expect((await involve(acct.controller.id, "champion")).status).toBe(201);
    const patched = await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
      version: 1,
      targetDate: "2027-06-30",
      problem: {
        statement: "Close takes 12 days because plant ledgers are reconciled by hand.",
        saidBy: acct.controller.id,
      },
      impact: { recurringCost: { amount: 4_000_000, period: "month" }, confirmedBy: acct.cfo.id },
      process: { steps: [{ name: "Board approval" }] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.milestone).toBe("deciding");
    const card = (await w.as.seller.get("/api/v1/decisions?milestone=deciding")).body.items.find(
      (c: { id: string }) => c.id === d.id,
    );
    expect(card).toMatchObject({ milestone: "deciding", costOfWaitingMonthly: 4_000_000 });
  });

  it("refuses duplicate involvement with 409, and a stakeholder of another account with 400", async () => {
    const d = (await newDecision()).body;
    const body = { stakeholderId: acct.cfo.id, role: "economic_buyer" };
    expect((await w.as.seller.post(`/api/v1/decisions/${d.id}/stakeholders`, body)).status).toBe(201);
    const dup = await w.as.seller.post(`/api/v1/decisions/${d.id}/stakeholders`, body);
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields[0].path).toBe("stakeholderId");
    const other = await buildAccount(w.as.seller, "Fabrikam");
    const wrong = await w.as.seller.post(`/api/v1/decisions/${d.id}/stakeholders`, {
      stakeholderId: other.cfo.id,
      role: "user",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe("stakeholderId");
  });

  it.each([
    [{ accountId: "00000000-0000-4000-8000-000000000000" }, 404, "accountId"],
    [{ valueAmount: -5 }, 400, "body.valueAmount"],
    [{ valueAmount: 10 ** 17 }, 400, "body.valueAmount"],
    [{ valueAmount: 12.5 }, 400, "body.valueAmount"],
    [{ currency: "XYZ" }, 400, "body.currency"],
    [{ targetDate: "2026-02-31" }, 400, "body.targetDate"],
    [{ notes: "x".repeat(10_001) }, 400, "body.notes"],
    [{ problem: { saidBy: "00000000-0000-4000-8000-000000000000" } }, 404, "problem.saidBy"],
    [{ outcome: "open", outcomeDate: "2026-01-01" }, 400, "outcomeDate"],
    [{ outcome: "won", outcomeDate: "2999-01-01" }, 400, "outcomeDate"],
    [
      { impact: { risks: [{ description: "fine", amount: 10, likelihood: 140 }] } },
      400,
      "body.impact.risks.0.likelihood",
    ],
  ])("bad input %o → %i naming %s", async (body, status, path) => {
    const reply = await newDecision(body);
    expect(reply.status).toBe(status);
    expect(reply.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it("rejects a target range in the wrong order, naming the field", async () => {
    const reply = await w.as.seller.get("/api/v1/decisions?targetFrom=2027-01-01&targetTo=2026-01-01");
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields[0].path).toBe("querystring.targetFrom");
  });

  it("saves nothing of a change that fails part-way", async () => {
    const d = (await newDecision()).body;
    const reply = await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
      version: 1,
      title: "Changed title",
      impact: { confirmedBy: "00000000-0000-4000-8000-000000000000" },
    });
    expect(reply.status).toBe(404);
    const now = (await w.as.seller.get(`/api/v1/decisions/${d.id}`)).body;
    expect(now).toMatchObject({ title: d.title, version: 1 });
  });

  it("a stale version gets 409 with the current record; only the winner is in the history", async () => {
    const d = (await newDecision()).body;
    const [a, b] = await Promise.all([
      w.as.seller.patch(`/api/v1/decisions/${d.id}`, { version: 1, title: "Version A" }),
      w.as.seller.patch(`/api/v1/decisions/${d.id}`, { version: 1, title: "Version B" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.current.version).toBe(2);
    const history = (await w.as.seller.get(`/api/v1/decisions/${d.id}/history`)).body.items;
    expect(history.filter((h: { action: string }) => h.action === "update")).toHaveLength(1);
  });

  it("an edit on an older version merges when the fields it sets did not change since; when one did, 409 names it, its current value and who changed it", async () => {
    const d = (await newDecision({ problem: { statement: "Close takes 12 days." } })).body;
    // Tab B changes the title; tab A, still on version 1, changes the problem: both stand.
    const b = await w.as.seller.patch(`/api/v1/decisions/${d.id}`, { version: 1, title: "From tab B" });
    expect(b.status).toBe(200);
    const a = await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
      version: 1,
      problem: { statement: "Close takes 12 days because ledgers are reconciled by hand." },
    });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({
      title: "From tab B",
      problem: { statement: "Close takes 12 days because ledgers are reconciled by hand." },
      version: 3,
    });
    // Re-sending a field with the value it already has is no conflict.
    expect(
      (await w.as.seller.patch(`/api/v1/decisions/${d.id}`, { version: 1, title: "From tab B" })).status,
    ).toBe(200);

    // Tab A, still on version 1, renames it too: the title changed since, by the same member in another tab.
    const clash = await w.as.seller.patch(`/api/v1/decisions/${d.id}`, { version: 1, title: "From tab A" });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toBe(
      "You changed title since you opened it (in another tab or window). Keep yours or take theirs.",
    );
    expect(clash.body.error.fields).toContainEqual({
      path: "title",
      message: "changed by you in another tab or window since you opened it",
    });
    expect(clash.body.error.current.title).toBe("From tab B");

    // Someone else's change is named as theirs.
    const current = (await w.as.seller.get(`/api/v1/decisions/${d.id}`)).body;
    await w.as.admin.patch(`/api/v1/decisions/${d.id}`, {
      version: current.version,
      targetDate: "2027-03-31",
    });
    const theirs = await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
      version: current.version,
      targetDate: "2027-06-30",
    });
    expect(theirs.status).toBe(409);
    expect(theirs.body.error.message).toMatch(
      new RegExp(`^${w.admin.name} changed target date since you opened it`),
    );
    expect(theirs.body.error.current.targetDate).toBe("2027-03-31");
  });

  it("deletes and restores a decision; history includes its parts", async () => {
    const d = (await newDecision()).body;
    await w.as.seller.post(`/api/v1/decisions/${d.id}/concerns`, {
      text: "Cutover during audit",
      kind: "organizational",
      category: "timing",
    });
    expect((await w.as.seller.delete(`/api/v1/decisions/${d.id}?version=1`)).status).toBe(200);
    expect((await w.as.seller.get(`/api/v1/decisions/${d.id}`)).status).toBe(404);
    expect((await w.as.seller.post(`/api/v1/decisions/${d.id}/restore?version=2`)).status).toBe(200);
    const history = (await w.as.seller.get(`/api/v1/decisions/${d.id}/history`)).body.items;
    expect(history.map((h: { entity: string; action: string }) => `${h.entity}:${h.action}`)).toEqual([
      "decision:restore",
      "decision:delete",
      "concern:create",
      "decision:create",
    ]);
  });
});

describe("one change, one readiness", () => {
  it("a PATCH works out readiness once, in its transaction, and answers with it", async () => {
    const { sent, plugin } = statementRecorder();
    const counted = await buildApp({
      db: t.db.withPlugin(plugin),
      dbKind: t.app.dbKind,
      config: t.app.config,
      serveWeb: false,
    });
    try {
      const created = (await newDecision()).body;
      const seller = client(counted, w.as.seller.cookie);
      sent.length = 0;
      const reply = await seller.patch(`/api/v1/decisions/${created.id}`, {
        version: created.version,
        problem: { statement: "Closing takes 12 days because 11 plants reconcile by hand." },
      });
      expect(reply.status).toBe(200);
      // Readiness reads the buyers' check-ins exactly once for every time it is worked out.
      expect(sent.filter((statement) => statement.includes('"check_in"'))).toHaveLength(1);
      expect(reply.body.readinessDetail.overall).toBe(reply.body.readiness);
      expect(reply.body.readiness).toBeGreaterThan(created.readiness);
      const stored = (await w.as.seller.get(`/api/v1/decisions/${created.id}`)).body;
      expect(stored.readiness).toBe(reply.body.readiness);
      expect(stored.version).toBe(reply.body.version);
    } finally {
      await counted.close();
    }
  });
});

describe("roles", () => {
  it("a seller sees only their own decisions; another seller gets 404", async () => {
    const d = (await newDecision()).body;
    expect((await w.as.outsider.get(`/api/v1/decisions/${d.id}`)).status).toBe(404);
    const list = (await w.as.outsider.get("/api/v1/decisions")).body.items;
    expect(list.some((c: { id: string }) => c.id === d.id)).toBe(false);
  });

  it("the seller's manager reads the team's decisions but cannot edit them; an admin can", async () => {
    const d = (await newDecision()).body;
    const read = await w.as.manager.get(`/api/v1/decisions/${d.id}`);
    expect(read.status).toBe(200);
    expect(read.body.canEdit).toBe(false);
    const edit = await w.as.manager.patch(`/api/v1/decisions/${d.id}`, {
      version: 1,
      title: "Manager's title",
    });
    expect(edit.status).toBe(403);
    expect(
      (await w.as.admin.patch(`/api/v1/decisions/${d.id}`, { version: 1, title: "Admin's title" })).status,
    ).toBe(200);
  });

  it("only an admin gives a decision to another owner", async () => {
    expect((await newDecision({ ownerId: w.outsider.id })).status).toBe(403);
    const byAdmin = await w.as.admin.post("/api/v1/decisions", {
      accountId: acct.account.id,
      title: "Given",
      ownerId: w.outsider.id,
    });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.ownerId).toBe(w.outsider.id);
  });
});

describe("lists and the board", () => {
  it("pages through a sorted list with a cursor, without gaps or repeats", async () => {
    const mine = (await w.as.seller.get("/api/v1/decisions?owner=me&limit=200")).body.items.map(
      (c: { id: string }) => c.id,
    );
    const seen: string[] = [];
    const scores: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string; readiness: number }[]; nextCursor: string | null } } =
        await w.as.seller.get(
          `/api/v1/decisions?owner=me&sort=readiness&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
        );
      seen.push(...page.body.items.map((c) => c.id));
      scores.push(...page.body.items.map((c) => c.readiness));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual([...mine].sort());
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect((await w.as.seller.get("/api/v1/decisions?cursor=garbage")).status).toBe(400);
  });

  it.each(["-value", "targetDate", "-costOfWaiting", "updated"])("sorts by %s", async (sort) => {
    const reply = await w.as.admin.get(`/api/v1/decisions?sort=${sort}&limit=2`);
    expect(reply.status).toBe(200);
    expect(reply.body.items.length).toBeGreaterThan(0);
  });

  it("filters by account, outcome, readiness and team", async () => {
    const other = await buildAccount(w.as.seller, "Northwind Traders");
    await w.as.seller.post("/api/v1/decisions", {
      accountId: other.account.id,
      title: "Stop losing pallets",
      outcome: "no_decision",
    });
    const byAccount = (await w.as.seller.get(`/api/v1/decisions?account=${other.account.id}`)).body.items;
    expect(byAccount.map((c: { title: string }) => c.title)).toEqual(["Stop losing pallets"]);
    const noDecision = (await w.as.seller.get("/api/v1/decisions?outcome=no_decision")).body.items;
    expect(noDecision.every((c: { outcome: string }) => c.outcome === "no_decision")).toBe(true);
    const low = (await w.as.seller.get("/api/v1/decisions?readinessBelow=10")).body.items;
    expect(low.every((c: { readiness: number }) => c.readiness < 10)).toBe(true);
    const team = (await w.as.admin.get(`/api/v1/decisions?team=${w.team.id}&limit=200`)).body.items;
    expect(team.every((c: { ownerId: string }) => [w.seller.id, w.manager.id].includes(c.ownerId))).toBe(
      true,
    );
  });

  it("the board has a column per milestone with counts", async () => {
    const reply = await w.as.seller.get("/api/v1/decisions/board?perColumn=2");
    expect(reply.status).toBe(200);
    expect(reply.body.columns.map((c: { milestone: string }) => c.milestone)).toEqual([
      "exploring",
      "problem_agreed",
      "impact_quantified",
      "consensus_forming",
      "plan_agreed",
      "deciding",
      "decided",
    ]);
    const exploring = reply.body.columns[0];
    expect(exploring.count).toBeGreaterThan(exploring.items.length - 1);
    expect(exploring.items.length).toBeLessThanOrEqual(2);
  });
});

describe("question library", () => {
  it("a manager rewords a question and readiness uses it; a seller cannot", async () => {
    expect((await w.as.seller.put("/api/v1/questions/impact.unconfirmed", { text: "Mine?" })).status).toBe(
      403,
    );
    const put = await w.as.manager.put("/api/v1/questions/impact.unconfirmed", {
      text: "Could we check the figure with your CFO?",
    });
    expect(put.status).toBe(200);
    const d = (await newDecision()).body;
    const impact = (await w.as.seller.get(`/api/v1/decisions/${d.id}/readiness`)).body.dimensions.find(
      (x: { key: string }) => x.key === "impact",
    );
    expect(impact.gaps.find((g: { key: string }) => g.key === "impact.unconfirmed").question).toBe(
      "Could we check the figure with your CFO?",
    );
    const bad = await w.as.manager.put("/api/v1/questions/not.a.gap", { text: "What?" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe("params.key");
    expect((await w.as.manager.delete("/api/v1/questions/impact.unconfirmed")).status).toBe(200);
  });
});
