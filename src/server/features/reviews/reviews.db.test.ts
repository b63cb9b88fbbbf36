import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildAccount, buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";

let t: TestApp;
let w: TestWorkspace;
let acct: Awaited<ReturnType<typeof buildAccount>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Reviews Co");
  acct = await buildAccount(w.as.seller);
});
afterAll(() => t.close());

async function sellerDecision(title = "Close the books in 5 days, not 12") {
  return (
    await w.as.seller.post("/api/v1/decisions", {
      accountId: acct.account.id,
      title,
      valueAmount: 25_000_000,
      problem: {
        statement: "Month-end close takes 12 days because plant ledgers are reconciled in spreadsheets.",
      },
      impact: { recurringCost: { amount: 4_000_000, period: "month" } },
    })
  ).body;
}

describe("a manager's review of a team member's decision", () => {
  it("opens with the six customer questions pre-filled from the record and diagnosed", async () => {
    const d = await sellerDecision();
    const reply = await w.as.manager.post(`/api/v1/decisions/${d.id}/reviews`);
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      kind: "manager",
      status: "open",
      reviewerId: w.manager.id,
      canCoach: true,
      canAnswer: true,
    });
    expect(reply.body.answers.map((a: { question: string }) => a.question)).toEqual([
      "problem",
      "impact",
      "why_change",
      "worries",
      "consensus",
      "confidence",
    ]);
    const problem = reply.body.answers[0];
    expect(problem).toMatchObject({
      prompt: "What problem is the customer trying to solve?",
      label: "customer",
    });
    expect(problem.answer).toMatch(/^Month-end close takes 12 days/);
    expect(reply.body.answers[1].answer).toBe("Doing nothing costs about $40,000 a month.");
    expect(reply.body.answers[3]).toMatchObject({ answer: "", label: "vague", reason: "vague" });
    const again = await w.as.manager.post(`/api/v1/decisions/${d.id}/reviews`);
    expect(again.status).toBe(409);
    expect(again.body.error.current.id).toBe(reply.body.id);
  });

  it("diagnoses answers as they are saved, lets the reviewer coach and agree actions that become the seller's tasks", async () => {
    const d = await sellerDecision("Stop rekeying orders");
    const review = (await w.as.manager.post(`/api/v1/decisions/${d.id}/reviews`)).body;
    const impact = await w.as.seller.put(`/api/v1/reviews/${review.id}/answers/impact`, {
      answer: "We don't get the order and miss the quarter.",
    });
    expect(impact.status).toBe(200);
    expect(impact.body).toMatchObject({ label: "seller", reason: "our_loss", version: 2 });
    expect(impact.body.suggestion).toMatch(/^What if/);
    const stale = await w.as.manager.put(`/api/v1/reviews/${review.id}/answers/impact`, {
      answer: "x",
      version: 1,
    });
    expect(stale.status).toBe(409);

    expect(
      (await w.as.seller.patch(`/api/v1/reviews/${review.id}`, { version: 1, coachingNotes: "mine" })).status,
    ).toBe(403);
    const coached = await w.as.manager.patch(`/api/v1/reviews/${review.id}`, {
      version: 1,
      coachingNotes: "Ask the CFO what a late close costs.",
    });
    expect(coached.body.coachingNotes).toBe("Ask the CFO what a late close costs.");

    const action = await w.as.manager.post(`/api/v1/reviews/${review.id}/actions`, {
      what: "Ask Dana what each late close costs the business",
      ownerId: w.seller.id,
      dueDate: "2026-12-10",
    });
    expect(action.status).toBe(201);
    const tasks = (await w.as.seller.get("/api/v1/actions")).body.items;
    expect(tasks.map((a: { what: string }) => a.what)).toContain(
      "Ask Dana what each late close costs the business",
    );
    const done = await w.as.seller.patch(`/api/v1/actions/${action.body.id}`, { version: 1, status: "done" });
    expect(done.body.status).toBe("done");
    expect(
      (await w.as.seller.get("/api/v1/actions")).body.items.some(
        (a: { id: string }) => a.id === action.body.id,
      ),
    ).toBe(false);
    expect(
      (await w.as.outsider.patch(`/api/v1/actions/${action.body.id}`, { version: 2, status: "open" })).status,
    ).toBe(404);
  });

  it("completing keeps it in the history; a seller-centric answer becomes a readiness gap, not a score change; the next review shows what improved", async () => {
    const d = await sellerDecision("Give planners their Mondays back");
    const first = (await w.as.manager.post(`/api/v1/decisions/${d.id}/reviews`)).body;
    await w.as.seller.put(`/api/v1/reviews/${first.id}/answers/impact`, {
      answer: "We lose the deal to the incumbent.",
    });
    const before = (await w.as.seller.get(`/api/v1/decisions/${d.id}/readiness`)).body;
    const completed = await w.as.manager.post(
      `/api/v1/reviews/${first.id}/complete?version=${first.version}`,
    );
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: "completed", canAnswer: false });
    const after = (await w.as.seller.get(`/api/v1/decisions/${d.id}/readiness`)).body;
    const impact = after.dimensions.find((x: { key: string }) => x.key === "impact");
    expect(impact.gaps[0]).toMatchObject({ key: "review.flagged" });
    expect(impact.gaps[0].text).toMatch(/about us, not the customer/);
    // How a review was answered is not customer evidence: the gap shows, the score does not move.
    expect(after.overall).toBe(before.overall);
    expect(
      (await w.as.seller.put(`/api/v1/reviews/${first.id}/answers/impact`, { answer: "x" })).status,
    ).toBe(409);

    const second = (await w.as.manager.post(`/api/v1/decisions/${d.id}/reviews`)).body;
    await w.as.seller.put(`/api/v1/reviews/${second.id}/answers/impact`, {
      answer:
        "Planners spend 2 days a week rebuilding the plan; overtime cost $40k last quarter, per the COO.",
    });
    const view = (await w.as.manager.get(`/api/v1/reviews/${second.id}`)).body;
    expect(view.comparison.previousReviewId).toBe(first.id);
    expect(view.comparison.items.find((i: { question: string }) => i.question === "impact").change).toBe(
      "improved",
    );
    const history = (await w.as.manager.get(`/api/v1/decisions/${d.id}/reviews`)).body.items;
    expect(history.map((r: { status: string }) => r.status)).toEqual(["open", "completed"]);
    expect(history[1].flagged).toEqual([
      { question: "impact", label: "seller" },
      { question: "why_change", label: "vague" },
      { question: "worries", label: "vague" },
      { question: "consensus", label: "vague" },
      { question: "confidence", label: "vague" },
    ]);
  });
});

describe("who may review", () => {
  it("the owner reviews their own decision as a self-review; another seller cannot see it", async () => {
    const d = await sellerDecision("Self reviewed");
    const self = await w.as.seller.post(`/api/v1/decisions/${d.id}/reviews`);
    expect(self.body.kind).toBe("self");
    expect((await w.as.outsider.get(`/api/v1/reviews/${self.body.id}`)).status).toBe(404);
    expect((await w.as.outsider.post(`/api/v1/decisions/${d.id}/reviews`)).status).toBe(404);
  });
});

describe("the review queue", () => {
  it("orders a manager's team decisions by risk of no decision, with reasons in words", async () => {
    const reply = await w.as.manager.get("/api/v1/reviews/queue");
    expect(reply.status).toBe(200);
    const items = reply.body.items;
    expect(items.length).toBeGreaterThan(2);
    expect(
      items.every((i: { decision: { ownerId: string } }) =>
        [w.seller.id, w.manager.id].includes(i.decision.ownerId),
      ),
    ).toBe(true);
    const scores = items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    const flagged = items.find(
      (i: { decision: { title: string } }) => i.decision.title === "Give planners their Mondays back",
    );
    expect(flagged.reasons).toContain("No buyer has confirmed their confidence yet.");
    expect(flagged.openReviewId).toEqual(expect.any(String));
  });

  it("a seller sees only their own queue", async () => {
    await w.as.outsider.post("/api/v1/decisions", { accountId: acct.account.id, title: "Outsider's own" });
    const mine = (await w.as.outsider.get("/api/v1/reviews/queue")).body.items;
    expect(mine.map((i: { decision: { title: string } }) => i.decision.title)).toEqual(["Outsider's own"]);
  });
});

describe("the commit guard", () => {
  it("refuses commit while the latest review's impact answer is seller-centric, says why, and follows the workspace policy", async () => {
    const d = await sellerDecision("Guarded");
    const review = (await w.as.seller.post(`/api/v1/decisions/${d.id}/reviews`)).body;
    await w.as.seller.put(`/api/v1/reviews/${review.id}/answers/impact`, {
      answer: "We miss our number if this slips.",
    });
    await w.as.seller.put(`/api/v1/reviews/${review.id}/answers/why_change`, {
      answer: "Their auditor flagged the 12-day close; the new CFO promised the board 5 days by June.",
    });
    const current = (await w.as.seller.get(`/api/v1/decisions/${d.id}`)).body;
    const refused = await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
      version: current.version,
      forecastCategory: "commit",
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("commit_guard");
    expect(refused.body.error.message).toMatch(/The impact answer is seller-centric/);
    expect(refused.body.error.fields[0].path).toBe("forecastCategory");
    expect((await w.as.seller.get(`/api/v1/decisions/${d.id}`)).body.forecastCategory).toBe("pipeline");

    expect(
      (await w.as.seller.patch(`/api/v1/workspace`, { version: 1, settings: { commitGuard: false } })).status,
    ).toBe(403);
    const ws = (await w.as.admin.get("/api/v1/workspace")).body;
    expect(ws.settings.commitGuard).toBe(true);
    await w.as.admin.patch("/api/v1/workspace", { version: ws.version, settings: { commitGuard: false } });
    const allowed = await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
      version: current.version,
      forecastCategory: "commit",
    });
    expect(allowed.status).toBe(200);
    expect(allowed.body.forecastCategory).toBe("commit");
    await w.as.admin.patch("/api/v1/workspace", { version: ws.version + 1, settings: { commitGuard: true } });
  });
});

describe("the commit guard without a review", () => {
  it("refuses commit on a decision no one reviewed while customer evidence is missing, names each piece, and allows it once the plan is agreed", async () => {
    const d = (
      await w.as.seller.post("/api/v1/decisions", { accountId: acct.account.id, title: "Never reviewed" })
    ).body;
    const refused = await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
      version: d.version,
      forecastCategory: "commit",
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("commit_guard");
    const reasons = refused.body.error.fields.map((f: { message: string }) => f.message);
    expect(reasons).toContain(
      `Missing from the customer (readiness ${d.readiness} of 100): the economic buyer, identified.`,
    );
    expect(reasons).toContain(
      `Missing from the customer (readiness ${d.readiness} of 100): the customer's target decision date.`,
    );

    for (const [stakeholderId, role] of [
      [acct.cfo.id, "economic_buyer"],
      [acct.controller.id, "champion"],
    ] as const)
      await w.as.seller.post(`/api/v1/decisions/${d.id}/stakeholders`, {
        stakeholderId,
        role,
        stance: { problem: "supports" },
      });
    const current = (await w.as.seller.get(`/api/v1/decisions/${d.id}`)).body;
    const evidenced = await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
      version: current.version,
      targetDate: "2027-09-30",
      problem: {
        statement: "Month-end close takes 12 days because plant ledgers are reconciled in spreadsheets.",
        saidBy: acct.cfo.id,
      },
      impact: { recurringCost: { amount: 4_000_000, period: "month" }, confirmedBy: acct.cfo.id },
      process: { steps: [{ name: "Board approval" }] },
    });
    expect(evidenced.status).toBe(200);
    const allowed = await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
      version: evidenced.body.version,
      forecastCategory: "commit",
    });
    expect(allowed.status).toBe(200);
    expect(allowed.body.forecastCategory).toBe("commit");
  });
});

describe("POST /diagnostics", () => {
  it("diagnoses an answer; an unknown question is a 400 naming the allowed ones; empty is vague; long is cut and says so", async () => {
    const ok = await w.as.seller.post("/api/v1/diagnostics", {
      question: "problem",
      answer: "they need to buy a CRM",
    });
    expect(ok.body).toMatchObject({ label: "seller", reason: "product_as_problem", truncated: false });
    const bad = await w.as.seller.post("/api/v1/diagnostics", { question: "budget", answer: "x" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: "body.question" });
    expect(bad.body.error.fields[0].message).toMatch(
      /problem, impact, why_change, worries, consensus, confidence/,
    );
    expect(
      (await w.as.seller.post("/api/v1/diagnostics", { question: "worries", answer: "" })).body.label,
    ).toBe("vague");
    const long = await w.as.seller.post("/api/v1/diagnostics", {
      question: "problem",
      answer: "Reps rekey orders. ".repeat(400),
    });
    expect(long.body.truncated).toBe(true);
    expect(long.body.explanation).toMatch(/first 5,000 characters/);
  });
});
