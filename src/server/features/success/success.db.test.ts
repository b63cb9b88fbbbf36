import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildAccount, buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";

let t: TestApp;
let w: TestWorkspace;
let acct: Awaited<ReturnType<typeof buildAccount>>;
const buyer = () => client(t.app);
const today = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "After the Sale Co");
  acct = await buildAccount(w.as.seller);
});
afterAll(() => t.close());

async function decisionSeeking(title: string) {
  const d = await w.as.seller.post("/api/v1/decisions", {
    accountId: acct.account.id,
    title,
    outcomesSought: [
      { measure: "Days to close the books", current: "12 days", target: "5 days" },
      { measure: "Audit findings", current: "7", target: "0" },
    ],
  });
  expect(d.status).toBe(201);
  return d.body as { id: string; version: number };
}

const win = async (d: { id: string; version: number }) => {
  const won = await w.as.seller.patch(`/api/v1/decisions/${d.id}`, { version: d.version, outcome: "won" });
  expect(won.status).toBe(200);
  return won.body as { id: string; version: number };
};

const success = async (id: string, as = w.as.seller) =>
  (await as.get(`/api/v1/decisions/${id}/success`)).body;

describe("after the sale", () => {
  it("turns the outcomes sought into success measures when the decision is won, once, in the change log", async () => {
    const d = await decisionSeeking("Close faster");
    expect((await success(d.id)).measures).toEqual([]);
    const won = await win(d);
    const view = await success(d.id);
    expect(view).toMatchObject({ won: true, delivery: "in_progress", deliveryWords: "On the way" });
    expect(view.measures).toMatchObject([
      { measure: "Days to close the books", baseline: "12 days", target: "5 days", dueOn: daysFromToday(90) },
      { measure: "Audit findings", baseline: "7", target: "0", state: "not_due" },
    ]);
    expect(view.why).toBe(`Not due yet: Days to close the books and Audit findings.`);
    const history = (await w.as.manager.get("/api/v1/changes?entity=success_measure")).body.items as {
      entityId: string;
      action: string;
    }[];
    for (const m of view.measures as { id: string }[])
      expect(history.find((c) => c.entityId === m.id)).toMatchObject({ action: "create" });
    // Reopened and won again: the measures agreed stand, none is made twice.
    const reopened = await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
      version: won.version,
      outcome: "open",
    });
    await win(reopened.body);
    expect((await success(d.id)).measures).toHaveLength(2);
  });

  it("lets the owner agree a measure's date and target (versioned), and nobody add measures before the win", async () => {
    const d = await decisionSeeking("Measures by hand");
    const early = await w.as.seller.post(`/api/v1/decisions/${d.id}/success-measures`, {
      measure: "Hours saved",
      dueOn: today(),
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("not_won");
    await win(d);
    const [first] = (await success(d.id)).measures;
    const moved = await w.as.seller.patch(`/api/v1/success-measures/${first.id}`, {
      version: first.version,
      dueOn: today(),
      target: "4 days",
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ state: "awaiting", target: "4 days", version: first.version + 1 });
    expect(moved.body.why).toBe(`Due ${today()}; the customer has not said since.`);
    const stale = await w.as.seller.patch(`/api/v1/success-measures/${first.id}`, {
      version: first.version,
      target: "3 days",
    });
    expect(stale.status).toBe(409);
    const manager = await w.as.manager.patch(`/api/v1/success-measures/${first.id}`, {
      version: moved.body.version,
      target: "3 days",
    });
    expect(manager.status).toBe(403);
    const bad = await w.as.seller.post(`/api/v1/decisions/${d.id}/success-measures`, {
      measure: "",
      dueOn: "next spring",
    });
    expect(bad.status).toBe(400);
    expect(new Set(bad.body.error.fields.map((x: { path: string }) => x.path))).toEqual(
      new Set(["body.dueOn", "body.measure"]),
    );
    const added = await w.as.seller.post(`/api/v1/decisions/${d.id}/success-measures`, {
      measure: "Hours saved a month",
      baseline: "0",
      target: "120",
      dueOn: daysFromToday(30),
    });
    expect(added.status).toBe(201);
    const gone = await w.as.seller.delete(`/api/v1/success-measures/${added.body.id}?version=1`);
    expect(gone.status).toBe(200);
    expect((await success(d.id)).measures).toHaveLength(2);
    const back = await w.as.seller.post(`/api/v1/success-measures/${added.body.id}/restore?version=2`, {});
    expect(back.status).toBe(200);
    expect((await success(d.id)).measures).toHaveLength(3);
  });

  it("asks the customer in the buyer room once a measure is due; their answers judge it, and missed ones are flagged", async () => {
    const d = await decisionSeeking("Room check");
    await win(d);
    const [cycle, audit] = (await success(d.id)).measures;
    const link = (await w.as.seller.post(`/api/v1/decisions/${d.id}/share-links`, { label: "Finance team" }))
      .body;
    const room = async () => (await buyer().get(`/api/v1/room/${link.token}`)).body;
    expect((await room()).success).toMatchObject({
      due: false,
      measures: [{ id: cycle.id }, { id: audit.id }],
    });
    for (const m of [cycle, audit])
      await w.as.seller.patch(`/api/v1/success-measures/${m.id}`, { version: m.version, dueOn: today() });
    expect((await room()).success.due).toBe(true);

    const report = (body: object) => buyer().post(`/api/v1/room/${link.token}/success-reports`, body);
    const nameless = await report({
      values: [{ measureId: cycle.id, value: "6 days", reached: "partly" }],
      decideAgain: "yes",
    });
    expect(nameless.status).toBe(400);
    expect(nameless.body.error.fields[0]).toMatchObject({ path: "body.name" });
    const foreign = await report({
      name: "Dana Whitfield",
      values: [{ measureId: crypto.randomUUID(), value: "6 days", reached: "yes" }],
      decideAgain: "yes",
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields[0]).toMatchObject({
      path: "body.values.0.measureId",
      message: "is not a success measure of this decision",
    });
    const sent = await report({
      name: "Dana Whitfield",
      values: [
        { measureId: cycle.id, value: "6 days", reached: "partly" },
        { measureId: audit.id, value: "0", reached: "yes" },
      ],
      decideAgain: "yes",
      inTheWay: "Two subsidiaries still close on spreadsheets.",
    });
    expect(sent.status).toBe(201);
    const view = await success(d.id);
    expect(view.delivery).toBe("missed");
    expect(view.why).toBe(
      "Not reached by the agreed date: Days to close the books. 1 would decide the same again.",
    );
    expect(view.measures[0]).toMatchObject({ state: "partly", flagged: true });
    expect(view.measures[0].progress).toBeCloseTo(6 / 7);
    expect(view.measures[1]).toMatchObject({ state: "met", flagged: false });
    expect(view.reports[0]).toMatchObject({
      reporterName: "Dana Whitfield",
      verified: false,
      recordedBy: null,
      inTheWay: "Two subsidiaries still close on spreadsheets.",
    });
    expect((await room()).success.due).toBe(false);
    const activity = (await w.as.seller.get(`/api/v1/activity?decisionId=${d.id}`)).body.items as {
      summary: string;
    }[];
    expect(activity[0]!.summary).toBe(
      "Dana Whitfield (unverified) reported after the sale: 1 of 2 measures reached; would decide the same again. In the way: Two subsidiaries still close on spreadsheets.",
    );
  });

  it("takes no report in the room before the win", async () => {
    const d = await decisionSeeking("Still open");
    const link = (await w.as.seller.post(`/api/v1/decisions/${d.id}/share-links`, { label: "Team" })).body;
    expect((await buyer().get(`/api/v1/room/${link.token}`)).body.success).toBeNull();
    const early = await buyer().post(`/api/v1/room/${link.token}/success-reports`, {
      name: "Dana",
      values: [{ measureId: crypto.randomUUID(), value: "1", reached: "yes" }],
      decideAgain: "yes",
    });
    expect(early.status).toBe(409);
  });
});

describe("decisions that delivered (Insights)", () => {
  it("moves when the customer reports; a seller sees their own, the manager the team's, each missed one with why", async () => {
    const delivered = async (as = w.as.manager) => (await as.get("/api/v1/insights/delivered")).body;
    const before = await delivered();
    const d = await decisionSeeking("Delivered for sure");
    await win(d);
    const measures = (await success(d.id)).measures as { id: string }[];
    const recorded = await w.as.seller.post(`/api/v1/decisions/${d.id}/success-reports`, {
      reporterName: "Dana Whitfield (on our call)",
      values: measures.map((m) => ({ measureId: m.id, value: "done", reached: "yes" })),
      decideAgain: "yes",
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ delivery: "delivered" });
    expect(recorded.body.reports[0]).toMatchObject({
      recordedBy: "seller of After the Sale Co",
      verified: true,
    });
    const after = await delivered();
    expect(after.overall.delivered).toBe(before.overall.delivered + 1);
    expect(after.overall.of).toBe(before.overall.of + 1);
    expect(after.overall.words).toMatch(
      /won decisions with the customer's results delivered every outcome sought/,
    );
    expect(after.missed.map((m: { title: string }) => m.title)).toContain("Room check");
    expect(after.missed.find((m: { title: string }) => m.title === "Room check").why).toContain(
      "Days to close the books",
    );
    const mine = await delivered(w.as.seller);
    expect(mine.perSeller.map((s: { name: string }) => s.name)).toEqual(["seller of After the Sale Co"]);
    const atAccount = (await w.as.manager.get(`/api/v1/accounts/${acct.account.id}/success`)).body.items as {
      title: string;
      delivery: string;
    }[];
    expect(atAccount.find((d) => d.title === "Delivered for sure")?.delivery).toBe("delivered");
    expect(atAccount.find((d) => d.title === "Room check")?.delivery).toBe("missed");
    const bad = await w.as.manager.get("/api/v1/insights/delivered?teamId=nope");
    expect(bad.status).toBe(400);
  });
});
