import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildAccount, buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";
import { listOperations } from "../../../../test/routes.ts";

let t: TestApp;
let w: TestWorkspace;
let other: TestWorkspace;
let decisionId: string;
let acct: Awaited<ReturnType<typeof buildAccount>>;
const buyer = () => client(t.app);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Room Co");
  other = await buildWorkspace(t.app, t.db, "Other Co");
  acct = await buildAccount(w.as.seller);
  const d = await w.as.seller.post("/api/v1/decisions", {
    accountId: acct.account.id,
    title: "Close the books in 5 days, not 12",
    valueAmount: 32_000_000,
    notes: "INTERNAL: they will sign if we discount 20%",
    targetDate: "2027-06-30",
    problem: { statement: "Close takes 12 days because ledgers are reconciled by hand." },
    impact: { recurringCost: { amount: 6_500_000, period: "month" } },
    outcomesSought: [{ measure: "Days to close", current: "12", target: "5" }],
  });
  decisionId = d.body.id;
  await w.as.seller.post(`/api/v1/decisions/${decisionId}/stakeholders`, {
    stakeholderId: acct.cfo.id,
    role: "economic_buyer",
    influence: "high",
  });
  await w.as.seller.post(`/api/v1/decisions/${decisionId}/stakeholders`, {
    stakeholderId: acct.controller.id,
    role: "champion",
  });
});
afterAll(() => t.close());

describe("confidence over time", () => {
  it("the review queue reads a fall in a buyer's own check-ins, never one person's rating against another's", async () => {
    const d = (
      await w.as.seller.post("/api/v1/decisions", { accountId: acct.account.id, title: "Trend per person" })
    ).body;
    const link = (await w.as.seller.post(`/api/v1/decisions/${d.id}/share-links`, { label: "Team" })).body;
    const checkIn = (name: string, value: number) =>
      buyer().post(`/api/v1/room/${link.token}/check-ins`, {
        stakeholderName: name,
        ratings: { problem: value, solution: value, risks: value, me: value, agreement: value },
      });
    const reasons = async () =>
      (
        (await w.as.manager.get("/api/v1/reviews/queue")).body.items as Array<{
          decision: { id: string };
          reasons: string[];
        }>
      )
        .find((item) => item.decision.id === d.id)
        ?.reasons.filter((reason) => reason.includes("falling")) ?? [];
    expect((await checkIn("Dana Lee", 5)).status).toBe(201);
    expect((await checkIn("Sam Ortiz", 2)).status).toBe(201);
    expect(await reasons()).toEqual([]);
    expect((await checkIn("Dana Lee", 3)).status).toBe(201);
    expect(await reasons()).toEqual([
      "Dana Lee's confidence is falling (5.0 → 3.0 of 5 in their own check-ins).",
    ]);
  });
});

describe("one source of truth for confidence", () => {
  it("the decision states the buyers' own ratings once they check in; our estimate stays beside them, second", async () => {
    const d = (
      await w.as.seller.post("/api/v1/decisions", {
        accountId: acct.account.id,
        title: "Buyers rate themselves",
        sellerConfidence: { problem: 5, solution: 5, risks: 4, me: 4, agreement: 5 },
      })
    ).body;
    expect(d.confidence).toMatchObject({ source: "our_estimate", people: [] });
    expect(d.confidence.points.risks).toBe(4);
    const link = (await w.as.seller.post(`/api/v1/decisions/${d.id}/share-links`, { label: "Team" })).body;
    const checkIn = (name: string, risks: number, agreement: number) =>
      buyer().post(`/api/v1/room/${link.token}/check-ins`, {
        stakeholderName: name,
        ratings: { problem: 4, solution: 4, risks, me: 3, agreement },
      });
    expect((await checkIn("Dana Lee", 2, 2)).status).toBe(201);
    expect((await checkIn("Sam Ortiz", 3, 1)).status).toBe(201);
    const after = (await w.as.seller.get(`/api/v1/decisions/${d.id}`)).body.confidence;
    expect(after.source).toBe("buyers");
    expect(after.points).toEqual({ problem: 4, solution: 4, risks: 2.5, me: 3, agreement: 1.5 });
    expect(after.people.map((p: { name: string }) => p.name)).toEqual(["Sam Ortiz", "Dana Lee"]);
    expect(after.estimate).toEqual({ problem: 5, solution: 5, risks: 4, me: 4, agreement: 5 });
  });
});

/** A decision of its own with the CFO and the controller involved, so a test's buyer actions stay in it. */
async function freshDecision(title: string) {
  const d = (await w.as.seller.post("/api/v1/decisions", { accountId: acct.account.id, title })).body;
  for (const stakeholderId of [acct.cfo.id, acct.controller.id])
    await w.as.seller.post(`/api/v1/decisions/${d.id}/stakeholders`, { stakeholderId, role: "influencer" });
  return d.id as string;
}

describe("a stakeholder's own link", () => {
  it("makes what comes through it theirs: no name asked, check-ins verified, their correction attributed when accepted", async () => {
    const decisionId = await freshDecision("Own links");
    const own = await w.as.seller.post(`/api/v1/decisions/${decisionId}/share-links`, {
      stakeholderId: acct.cfo.id,
    });
    expect(own.status).toBe(201);
    expect(own.body.label).toBe("Dana Lee");
    const room = await buyer().get(`/api/v1/room/${own.body.token}`);
    expect(room.body.you).toEqual({ name: "Dana Lee" });
    const ratings = { problem: 4, solution: 4, risks: 3, me: 4, agreement: 3 };
    const checked = await buyer().post(`/api/v1/room/${own.body.token}/check-ins`, {
      stakeholderName: "Someone Else",
      ratings,
    });
    expect(checked.status).toBe(201);
    const consensus = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/consensus`)).body;
    const dana = consensus.people.find((p: { stakeholderId: string }) => p.stakeholderId === acct.cfo.id);
    expect(dana.latest).toMatchObject({ stakeholderName: "Dana Lee", verified: true, ratings });

    await buyer().post(`/api/v1/room/${own.body.token}/problem`, {
      verdict: "not_quite",
      text: "Our auditors find the manual reconciliations every quarter.",
    });
    const correction = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/corrections`)).body.items[0];
    expect(correction).toMatchObject({ proposedBy: "Dana Lee", verified: true });
    const before = (await w.as.seller.get(`/api/v1/decisions/${decisionId}`)).body;
    expect(before.problem.saidBy).toBeNull();
    expect(
      (
        await w.as.seller.patch(`/api/v1/corrections/${correction.id}`, {
          version: correction.version,
          status: "accepted",
        })
      ).status,
    ).toBe(200);
    const after = (await w.as.seller.get(`/api/v1/decisions/${decisionId}`)).body;
    expect(after.problem).toMatchObject({
      statement: "Our auditors find the manual reconciliations every quarter.",
      saidBy: acct.cfo.id,
    });
  });

  it("a general link asks the name for a check-in, and what comes through it stays unverified", async () => {
    const decisionId = await freshDecision("Own links");
    const general = (
      await w.as.seller.post(`/api/v1/decisions/${decisionId}/share-links`, { label: "Finance team" })
    ).body;
    const ratings = { problem: 3, solution: 3, risks: 3, me: 3, agreement: 3 };
    const nameless = await buyer().post(`/api/v1/room/${general.token}/check-ins`, { ratings });
    expect(nameless.status).toBe(400);
    expect(nameless.body.error.fields[0]).toEqual({
      path: "body.stakeholderName",
      message: "tell us your name",
    });
    const typed = await buyer().post(`/api/v1/room/${general.token}/check-ins`, {
      stakeholderName: "Sam Ortiz",
      ratings,
    });
    expect(typed.status).toBe(201);
    const consensus = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/consensus`)).body;
    const sam = consensus.people.find(
      (p: { stakeholderId: string }) => p.stakeholderId === acct.controller.id,
    );
    expect(sam.latest).toMatchObject({ verified: false });
    const activity = (await w.as.seller.get(`/api/v1/activity?decisionId=${decisionId}`)).body.items;
    expect(activity[0].summary).toMatch(/^Sam Ortiz \(unverified\) checked in/);
  });

  it("is only for someone in the decision", async () => {
    const decisionId = await freshDecision("Own links");
    const stranger = (
      await w.as.seller.post("/api/v1/stakeholders", { accountId: acct.account.id, name: "Not Involved" })
    ).body;
    const refused = await w.as.seller.post(`/api/v1/decisions/${decisionId}/share-links`, {
      stakeholderId: stranger.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0].path).toBe("body.stakeholderId");
  });
});

describe("history in words", () => {
  it("names the member, or the buyer by the link they used, and each changed field before → after", async () => {
    const decisionId = await freshDecision("History in words");
    const d = (await w.as.seller.get(`/api/v1/decisions/${decisionId}`)).body;
    await w.as.seller.patch(`/api/v1/decisions/${decisionId}`, {
      version: d.version,
      problem: { statement: "Close takes 12 days.", saidBy: acct.cfo.id },
    });
    const general = (
      await w.as.seller.post(`/api/v1/decisions/${decisionId}/share-links`, { label: "Finance team" })
    ).body;
    await buyer().post(`/api/v1/room/${general.token}/check-ins`, {
      stakeholderName: "Sam Ortiz",
      ratings: { problem: 3, solution: 3, risks: 3, me: 3, agreement: 3 },
    });
    const items = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/history`)).body.items as Array<{
      entity: string;
      action: string;
      summary: { who: string; what: string; fields: unknown[]; section: string | null };
    }>;
    const checkIn = items.find((i) => i.entity === "check_in")!;
    expect(checkIn.summary).toMatchObject({
      who: "A buyer through the link for Finance team (unverified)",
      what: "checked in: how confident they are",
    });
    const edit = items.find((i) => i.entity === "decision" && i.action === "update")!;
    expect(edit.summary).toEqual({
      who: w.seller.name,
      what: "changed the decision",
      fields: [
        { label: "Problem, in their words", before: "—", after: "Close takes 12 days." },
        { label: "Problem said by", before: "—", after: "Dana Lee" },
      ],
      section: "problem",
    });
  });
});

describe("visits", () => {
  const visitsOf = async (id: string, decisionId: string) =>
    (await w.as.seller.get(`/api/v1/decisions/${decisionId}/share-links`)).body.items.find(
      (l: { id: string }) => l.id === id,
    );

  it("reloads within a visit count once; a return after a while is a new visit, with one access in the history each", async () => {
    const decisionId = await freshDecision("Visits");
    const link = (
      await w.as.seller.post(`/api/v1/decisions/${decisionId}/share-links`, { label: "Reloader" })
    ).body;
    for (let i = 0; i < 4; i++) expect((await buyer().get(`/api/v1/room/${link.token}`)).status).toBe(200);
    expect((await visitsOf(link.id, decisionId)).visits).toBe(1);
    await t.db
      .updateTable("share_link")
      .set({ last_seen_at: new Date(Date.now() - 2 * 3_600_000) })
      .where("id", "=", link.id)
      .execute();
    // Two hours pass: nothing the server keeps in hand lasts that long.
    t.app.kept.rooms.clear();
    await buyer().get(`/api/v1/room/${link.token}`);
    await buyer().get(`/api/v1/room/${link.token}`);
    expect((await visitsOf(link.id, decisionId)).visits).toBe(2);
    const accesses = await t.db
      .selectFrom("change_log")
      .select("id")
      .where("entity_id", "=", link.id)
      .where("action", "=", "access")
      .execute();
    expect(accesses).toHaveLength(2);
  });

  it("a buyer who only acted through the link has visited", async () => {
    const decisionId = await freshDecision("Acts only");
    const link = (
      await w.as.seller.post(`/api/v1/decisions/${decisionId}/share-links`, { label: "Acts only" })
    ).body;
    await buyer().post(`/api/v1/room/${link.token}/concerns`, { text: "Will the auditors accept it?" });
    const listed = await visitsOf(link.id, decisionId);
    expect(listed.visits).toBe(1);
    expect(listed.lastVisitAt).toEqual(expect.any(String));
  });
});

async function share(label = "Dana Lee, CFO", expiresAt?: string) {
  const reply = await w.as.seller.post(`/api/v1/decisions/${decisionId}/share-links`, {
    label,
    ...(expiresAt ? { expiresAt } : {}),
  });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; url: string; token: string };
}

/** Every key a buyer may ever see; a new field in a buyer response must be added here on purpose. */
const ALLOWED = new Set([
  "decision",
  "you",
  "title",
  "accountName",
  "targetDate",
  "problem",
  "costOfWaiting",
  "quantified",
  "perMonth",
  "untilTarget",
  "monthsToTarget",
  "currency",
  "outcomesSought",
  "measure",
  "success",
  "due",
  "baseline",
  "dueOn",
  "latest",
  "value",
  "reached",
  "on",
  "by",
  "current",
  "target",
  "plan",
  "steps",
  "id",
  "description",
  "ownerSide",
  "ownerName",
  "dueDate",
  "status",
  "blockedReason",
  "canTick",
  "comments",
  "authorName",
  "body",
  "at",
  "projectedDecisionDate",
  "concerns",
  "text",
  "response",
  "people",
  "name",
  "sellerName",
  "linkLabel",
  "ok",
]);
function keysOf(value: unknown, into = new Set<string>()) {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysOf(inner, into);
    }
  }
  return into;
}

describe("share links", () => {
  it("hands out a 256-bit secret once, keeps only its hash, and lists links without it", async () => {
    const link = await share();
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.url).toMatch(new RegExp(`/room/${link.token}$`));
    const stored = await t.db
      .selectFrom("share_link")
      .select("token_hash")
      .where("id", "=", link.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(link.token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const list = await w.as.seller.get(`/api/v1/decisions/${decisionId}/share-links`);
    expect(JSON.stringify(list.body)).not.toContain(link.token);
    expect(list.body.items[0]).toMatchObject({ label: "Dana Lee, CFO", active: true, visits: 0 });
  });

  it("a link names the configured address, never the Host header a client sent; with none known it is refused", async () => {
    const reply = await t.app.inject({
      method: "POST",
      url: `/api/v1/decisions/${decisionId}/share-links`,
      headers: { cookie: w.as.seller.cookie!, host: "evil.example" },
      payload: { label: "Host header" },
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().url).toMatch(/^https:\/\/confidant\.test\/room\//);
    const unknown = await createTestApp({ publicUrl: undefined });
    try {
      const u = await buildWorkspace(unknown.app, unknown.db, "No Address");
      const { account } = await buildAccount(u.as.seller);
      const d = (await u.as.seller.post("/api/v1/decisions", { accountId: account.id, title: "D" })).body;
      const refused = await u.as.seller.post(`/api/v1/decisions/${d.id}/share-links`, { label: "X" });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toContain("CONFIDANT_PUBLIC_URL");
      expect((await u.as.seller.get(`/api/v1/decisions/${d.id}/share-links`)).body.items).toEqual([]);
    } finally {
      await unknown.close();
    }
  });

  it("refuses an expiry in the past and a missing label, naming the field", async () => {
    const past = await w.as.seller.post(`/api/v1/decisions/${decisionId}/share-links`, {
      label: "x",
      expiresAt: "2020-01-01T00:00:00Z",
    });
    expect(past.status).toBe(400);
    expect(past.body.error.fields[0].path).toBe("expiresAt");
    const noLabel = await w.as.seller.post(`/api/v1/decisions/${decisionId}/share-links`, {});
    expect(noLabel.body.error.fields[0].path).toBe("body.label");
  });

  it("only the owner (or an admin) shares a decision", async () => {
    expect(
      (await w.as.manager.post(`/api/v1/decisions/${decisionId}/share-links`, { label: "x" })).status,
    ).toBe(403);
    expect(
      (await w.as.outsider.post(`/api/v1/decisions/${decisionId}/share-links`, { label: "x" })).status,
    ).toBe(404);
  });
});

describe("the buyer room", () => {
  it("opened again and again, it shows at once what the seller and the buyer change, and a revoked link is refused at once", async () => {
    const id = await freshDecision("Kept room");
    const step = (await w.as.seller.post(`/api/v1/decisions/${id}/plan/steps`, { title: "Security review" }))
      .body;
    const link = (await w.as.seller.post(`/api/v1/decisions/${id}/share-links`, { label: "Security" })).body;
    const open = async () => (await buyer().get(`/api/v1/room/${link.token}`)).body;
    // Twice: the second is answered from what the server keeps in hand, the same JSON.
    const first = await buyer().get(`/api/v1/room/${link.token}`);
    const again = await buyer().get(`/api/v1/room/${link.token}`);
    expect(again.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(again.body).toEqual(first.body);
    expect(again.body.decision.title).toBe("Kept room");
    const d = (await w.as.seller.get(`/api/v1/decisions/${id}`)).body;
    await w.as.seller.patch(`/api/v1/decisions/${id}`, { version: d.version, title: "Kept room, renamed" });
    expect((await open()).decision.title).toBe("Kept room, renamed");
    await buyer().post(`/api/v1/room/${link.token}/steps/${step.id}/status`, { status: "done", name: "Pat" });
    expect((await open()).plan.steps.find((s: { id: string }) => s.id === step.id).status).toBe("done");
    await w.as.admin.patch(`/api/v1/members/${w.seller.id}`, {
      version: (await w.as.admin.get(`/api/v1/members/${w.seller.id}`)).body.version,
      name: "Seller, renamed",
    });
    expect((await open()).sellerName).toBe("Seller, renamed");
    expect((await w.as.seller.delete(`/api/v1/share-links/${link.id}`)).status).toBe(200);
    expect((await buyer().get(`/api/v1/room/${link.token}`)).status).toBe(404);
  });

  it("shows the decision in the customer's language, and nothing off the allow-list", async () => {
    const link = await share();
    const room = await buyer().get(`/api/v1/room/${link.token}`);
    expect(room.status).toBe(200);
    expect(room.body.decision).toMatchObject({
      title: "Close the books in 5 days, not 12",
      problem: expect.stringMatching(/^Close takes 12 days/),
    });
    expect(room.body.decision.costOfWaiting.perMonth).toBe(6_500_000);
    const unexpected = [...keysOf(room.body)].filter((key) => !ALLOWED.has(key));
    expect(unexpected).toEqual([]);
    const text = JSON.stringify(room.body);
    for (const secret of ["INTERNAL", "32000000", "valueAmount", "readiness", "forecast", "notes", "version"])
      expect(text).not.toContain(secret);
  });

  it("records every access with the link and a hash of the address, never the address", async () => {
    const link = await share();
    await buyer().get(`/api/v1/room/${link.token}`);
    const log = await t.db
      .selectFrom("change_log")
      .selectAll()
      .where("entity_id", "=", link.id)
      .where("action", "=", "access")
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0]!.via).toMatch(new RegExp(`^share_link:${link.id} ip:[0-9a-f]{16}$`));
    expect(log[0]!.via).not.toContain("127.0.0.1");
    const listed = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/share-links`)).body.items.find(
      (l: { id: string }) => l.id === link.id,
    );
    expect(listed.visits).toBe(1);
    expect(listed.lastVisitAt).toEqual(expect.any(String));
  });

  it("lets the buyer tick their steps, comment, raise a concern, correct the problem and check in — all seen by the seller", async () => {
    const template = (await w.as.seller.get("/api/v1/plan-templates")).body.items[0];
    const applied = await w.as.seller.post(`/api/v1/decisions/${decisionId}/plan/apply-template`, {
      templateId: template.id,
      startDate: "2027-01-04",
    });
    expect(applied.status).toBe(200);
    const customerStep = applied.body.steps.find((s: { ownerSide: string }) => s.ownerSide === "customer");
    const ourStep = applied.body.steps.find((s: { ownerSide: string }) => s.ownerSide === "us");
    const link = await share();
    const room = `/api/v1/room/${link.token}`;

    expect(
      (await buyer().post(`${room}/steps/${customerStep.id}/status`, { status: "done", name: "Dana Lee" }))
        .status,
    ).toBe(200);
    const ours = await buyer().post(`${room}/steps/${ourStep.id}/status`, { status: "done" });
    expect(ours.status).toBe(400);
    expect(
      (
        await buyer().post(`${room}/steps/${customerStep.id}/comments`, {
          name: "Dana Lee",
          body: "Legal needs two weeks.",
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await buyer().post(`${room}/concerns`, {
          name: "Dana Lee",
          text: "Cutover during the audit",
          kind: "organizational",
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await buyer().post(`${room}/problem`, {
          verdict: "not_quite",
          text: "Close takes 12 days because 11 plants use different charts of accounts.",
          name: "Dana Lee",
        })
      ).status,
    ).toBe(201);
    const checkIn = await buyer().post(`${room}/check-ins`, {
      stakeholderName: "Dana Lee",
      ratings: { problem: 5, solution: 4, risks: 3, me: 4, agreement: 2 },
      comment: "Ops is not convinced yet.",
    });
    expect(checkIn.status).toBe(201);
    await buyer().post(`${room}/check-ins`, {
      stakeholderName: "Sam Ortiz",
      ratings: { problem: 5, solution: 5, risks: 4, me: 5, agreement: 5 },
    });

    const view = (await buyer().get(room)).body;
    expect(view.plan.steps.find((s: { id: string }) => s.id === customerStep.id)).toMatchObject({
      status: "done",
      comments: [{ authorName: "Dana Lee", body: "Legal needs two weeks." }],
    });
    expect(view.concerns.map((c: { text: string }) => c.text)).toEqual(["Cutover during the audit"]);

    const activity = (await w.as.seller.get(`/api/v1/activity?decisionId=${decisionId}`)).body.items.map(
      (a: { kind: string }) => a.kind,
    );
    expect(activity).toEqual(
      expect.arrayContaining([
        "step_ticked",
        "step_comment",
        "concern_added",
        "problem_correction",
        "check_in",
      ]),
    );
    expect((await w.as.seller.get("/api/v1/activity")).body.items.length).toBeGreaterThanOrEqual(5);

    const consensus = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/consensus`)).body;
    expect(consensus.divergences[0]).toMatch(
      /Dana Lee \(economic buyer\) rates "my organization agrees" 2, while Sam Ortiz rates it 5/,
    );
    const readiness = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/readiness`)).body;
    const consensusGaps = readiness.dimensions
      .find((d: { key: string }) => d.key === "consensus")
      .gaps.map((g: { text: string }) => g.text);
    expect(consensusGaps).toContain('Dana Lee rates "my organization agrees" 2 of 5 in their own check-in.');
    expect(readiness.dimensions.find((d: { key: string }) => d.key === "confidence").evidence[0]).toMatch(
      /confirmed by the customer/,
    );

    const corrections = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/corrections`)).body.items;
    expect(corrections[0]).toMatchObject({
      verdict: "not_quite",
      status: "proposed",
      proposedBy: "Dana Lee",
    });
    expect(
      (
        await w.as.seller.patch(`/api/v1/corrections/${corrections[0].id}`, {
          version: 1,
          status: "accepted",
        })
      ).status,
    ).toBe(200);
    const decision = (await w.as.seller.get(`/api/v1/decisions/${decisionId}`)).body;
    expect(decision.problem.statement).toBe(
      "Close takes 12 days because 11 plants use different charts of accounts.",
    );

    const changes = await t.db
      .selectFrom("change_log")
      .select(["entity", "via"])
      .where("parent_id", "=", decisionId)
      .where("via", "like", `share_link:${link.id}%`)
      .execute();
    expect(new Set(changes.map((c) => c.entity))).toEqual(
      new Set(["share_link", "plan_step", "step_comment", "concern", "problem_correction", "check_in"]),
    );
  });

  it("validates buyer input and names the field", async () => {
    const link = await share();
    const bad = await buyer().post(`/api/v1/room/${link.token}/check-ins`, {
      stakeholderName: "",
      ratings: { problem: 9 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(["body.stakeholderName", "body.ratings.problem"]),
    );
    const vague = await buyer().post(`/api/v1/room/${link.token}/problem`, { verdict: "not_quite" });
    expect(vague.body.error.fields[0].path).toBe("body.text");
  });
});

describe("room security", () => {
  it("a room secret opens nothing else: every other /api/v1 path answers 401 with it", async () => {
    const link = await share();
    for (const headers of [
      { authorization: `Bearer ${link.token}` },
      { cookie: `confidant_session=${link.token}` },
    ]) {
      for (const url of [
        "/api/v1/me",
        `/api/v1/decisions/${decisionId}`,
        "/api/v1/decisions",
        "/api/v1/members",
      ]) {
        const response = await t.app.inject({ method: "GET", url, headers });
        expect(response.statusCode, url).toBe(401);
      }
    }
  });

  it("a link reaches only its own decision: another decision's step is not found", async () => {
    const otherAccount = await buildAccount(other.as.seller, "Elsewhere");
    const d = (
      await other.as.seller.post("/api/v1/decisions", {
        accountId: otherAccount.account.id,
        title: "B's decision",
      })
    ).body;
    const step = (await other.as.seller.post(`/api/v1/decisions/${d.id}/plan/steps`, { title: "B's step" }))
      .body;
    const link = await share();
    const reply = await buyer().post(`/api/v1/room/${link.token}/steps/${step.id}/status`, {
      status: "done",
    });
    expect(reply.status).toBe(404);
    const bStep = (await other.as.seller.get(`/api/v1/decisions/${d.id}/plan`)).body.steps[0];
    expect(bStep.status).toBe("not_started");
  });

  it("revoked and expired links answer 404 at once, exactly like a link that never existed", async () => {
    const never = await buyer().get(`/api/v1/room/${"x".repeat(43)}`);
    expect(never.status).toBe(404);
    const revoked = await share();
    expect((await buyer().get(`/api/v1/room/${revoked.token}`)).status).toBe(200);
    expect((await w.as.seller.delete(`/api/v1/share-links/${revoked.id}`)).status).toBe(200);
    const afterRevoke = await buyer().get(`/api/v1/room/${revoked.token}`);
    expect(afterRevoke.status).toBe(404);
    expect(afterRevoke.body).toEqual(never.body);
    expect(
      (
        await buyer().post(`/api/v1/room/${revoked.token}/check-ins`, {
          stakeholderName: "X",
          ratings: { problem: 1, solution: 1, risks: 1, me: 1, agreement: 1 },
        })
      ).status,
    ).toBe(404);
    const expiring = await share("Soon", new Date(Date.now() + 60_000).toISOString());
    await t.db
      .updateTable("share_link")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", expiring.id)
      .execute();
    const expired = await buyer().get(`/api/v1/room/${expiring.token}`);
    expect(expired.status).toBe(404);
    expect(expired.body).toEqual(never.body);
  });

  it("dismissing a buyer's correction is in the history, like accepting it", async () => {
    const link = await share("Dismissed");
    await buyer().post(`/api/v1/room/${link.token}/problem`, {
      verdict: "not_quite",
      text: "It is about the audit",
      name: "Sam Ortiz",
    });
    const correction = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/corrections`)).body.items.find(
      (c: { text: string }) => c.text === "It is about the audit",
    );
    const stale = await w.as.seller.patch(`/api/v1/corrections/${correction.id}`, {
      version: 9,
      status: "dismissed",
    });
    expect(stale.status).toBe(409);
    const dismissed = await w.as.seller.patch(`/api/v1/corrections/${correction.id}`, {
      version: correction.version,
      status: "dismissed",
    });
    expect(dismissed.status).toBe(200);
    const logged = await t.db
      .selectFrom("change_log")
      .select(["action", "member_id", "before", "after"])
      .where("entity", "=", "problem_correction")
      .where("entity_id", "=", correction.id)
      .where("action", "=", "update")
      .execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      member_id: w.seller.id,
      before: { status: "proposed" },
      after: { status: "dismissed" },
    });
  });

  it("a link follows its decision: every room route answers 404 while the decision is deleted, and works again once restored", async () => {
    const created = await w.as.seller.post("/api/v1/decisions", {
      accountId: acct.account.id,
      title: "Soon deleted",
    });
    const id = created.body.id;
    const step = (await w.as.seller.post(`/api/v1/decisions/${id}/plan/steps`, { title: "Legal review" }))
      .body;
    const link = (await w.as.seller.post(`/api/v1/decisions/${id}/share-links`, { label: "Legal" })).body;
    const room = `/api/v1/room/${link.token}`;
    const writes: Array<[string, unknown]> = [
      [`${room}/steps/${step.id}/status`, { status: "in_progress", name: "Pat" }],
      [`${room}/steps/${step.id}/comments`, { name: "Pat", body: "On it" }],
      [`${room}/concerns`, { text: "Timing", name: "Pat" }],
      [`${room}/problem`, { verdict: "not_quite", text: "It is about audit", name: "Pat" }],
      [
        `${room}/check-ins`,
        { stakeholderName: "Pat", ratings: { problem: 3, solution: 3, risks: 3, me: 3, agreement: 3 } },
      ],
      [
        `${room}/success-reports`,
        { name: "Pat", values: [{ measureId: step.id, value: "1", reached: "yes" }], decideAgain: "yes" },
      ],
    ];
    const roomPaths = new Set(
      listOperations(t.app)
        .filter((op) => op.path.startsWith("/api/v1/room/"))
        .map((op) => `${op.method} ${op.path}`),
    );
    expect(roomPaths.size).toBe(writes.length + 1);
    const statuses = async () => [
      (await buyer().get(room)).status,
      ...(await Promise.all(writes.map(async ([url, body]) => (await buyer().post(url, body)).status))),
    ];
    const deleted = await w.as.seller.delete(`/api/v1/decisions/${id}?version=${created.body.version}`);
    expect(deleted.status).toBe(200);
    expect(await statuses()).toEqual([404, 404, 404, 404, 404, 404, 404]);
    const corrections = await t.db.selectFrom("concern").select("id").where("decision_id", "=", id).execute();
    expect(corrections).toEqual([]);
    const restored = await w.as.seller.post(
      `/api/v1/decisions/${id}/restore?version=${deleted.body.version}`,
    );
    expect(restored.status).toBe(200);
    // Open again, and not won: nothing to report after the sale yet.
    expect(await statuses()).toEqual([200, 200, 201, 201, 201, 201, 409]);
  });

  it("slows guessing: past the limit per address the room answers 429", async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 130; i++)
      statuses.add((await buyer().get(`/api/v1/room/guess${i.toString().padStart(40, "0")}`)).status);
    expect(statuses.has(404)).toBe(true);
    expect(statuses.has(429)).toBe(true);
  });
});
