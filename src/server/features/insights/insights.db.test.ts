import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildAccount, buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";
import { importWorkspace, tempFile } from "../../../../test/import/import-helpers.ts";
import { importFiles } from "../imports/imports.service.ts";
import { decidedTouched } from "./insights.repo.ts";

let t: TestApp;
let w: TestWorkspace;
let acct: Awaited<ReturnType<typeof buildAccount>>;

/** A decision with the customer's problem in their words, attributed, its cost quantified and the signer involved. */
async function wellUnderstood(title: string) {
  const d = (
    await w.as.seller.post("/api/v1/decisions", {
      accountId: acct.account.id,
      title,
      valueAmount: 10_000_000,
      problem: {
        statement:
          "Month-end close takes 12 days because plant ledgers are reconciled by hand in spreadsheets, so the CFO reports late.",
      },
      impact: { recurringCost: { amount: 4_000_000, period: "month" } },
    })
  ).body;
  const cfo = await w.as.seller.post(`/api/v1/decisions/${d.id}/stakeholders`, {
    stakeholderId: acct.cfo.id,
    role: "economic_buyer",
  });
  expect(cfo.status).toBe(201);
  const current = (await w.as.seller.get(`/api/v1/decisions/${d.id}`)).body;
  const said = await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
    version: current.version,
    problem: { ...current.problem, saidBy: acct.cfo.id },
  });
  expect(said.status).toBe(200);
  return said.body;
}

async function bare(title: string, as = w.as.seller) {
  return (await as.post("/api/v1/decisions", { accountId: acct.account.id, title, valueAmount: 5_000_000 }))
    .body;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Insights Co");
  acct = await buildAccount(w.as.seller);
  await wellUnderstood("Close the books in 5 days");
  await bare("Replace the warehouse scanners");
  const lost = await bare("Consolidate reporting");
  const closed = await w.as.seller.patch(`/api/v1/decisions/${lost.id}`, {
    version: lost.version,
    outcome: "no_decision",
    outcomeReason: "Status quo: postponed to next year",
    outcomeDate: "2026-10-02",
  });
  expect(closed.status).toBe(200);
  const outsiderAccount = await buildAccount(w.as.outsider, "Outsider Inc");
  await w.as.outsider.post("/api/v1/decisions", {
    accountId: outsiderAccount.account.id,
    title: "Not yours",
  });
});
afterAll(() => t.close());

describe("help-first metrics", () => {
  it("count the open decisions carrying each piece of customer evidence, per seller and in total", async () => {
    const reply = await w.as.seller.get("/api/v1/insights");
    expect(reply.status).toBe(200);
    const { total, sellers } = reply.body;
    expect(sellers.map((s: { name: string }) => s.name)).toEqual([w.seller.name]);
    expect(total.open).toBe(2);
    expect(total.help.problem_in_words).toMatchObject({ count: 1, of: 2, words: "1 of 2 (50%)" });
    expect(total.help.cost_quantified.count).toBe(1);
    expect(total.help.economic_buyer.count).toBe(1);
    expect(total.help.buyer_confirmed.count).toBe(0);
    expect(total.outcomes).toMatchObject({ closed: 1, noDecision: 1, noDecisionRate: 1 });
    expect(reply.body.noDecisionReasons).toEqual([
      { reason: "Status quo: postponed to next year", count: 1 },
    ]);
  });

  it("say 'not enough data' for relations below the minimum of closed decisions", async () => {
    const { relations } = (await w.as.manager.get("/api/v1/insights")).body;
    expect(relations).toHaveLength(6);
    for (const r of relations) {
      expect(r.enough).toBe(false);
      expect(r.summary).toMatch(
        /^Not enough data: \d+ closed decisions with .* and \d+ without; 20 of each are needed\.$/,
      );
    }
  });

  it("show a manager their team, an admin everyone, an outsider only their own", async () => {
    const names = async (as: TestWorkspace["as"]["seller"]) =>
      (await as.get("/api/v1/insights")).body.sellers.map((s: { name: string }) => s.name).sort();
    expect(await names(w.as.manager)).toEqual([w.seller.name]);
    expect(await names(w.as.admin)).toEqual([w.outsider.name, w.seller.name].sort());
    expect(await names(w.as.outsider)).toEqual([w.outsider.name]);
  });

  it("refuse a period that ends before it starts, and a team of another workspace", async () => {
    const bad = await w.as.manager.get("/api/v1/insights?from=2026-12-01&to=2026-01-01");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toMatch(/from/);
    const missing = await w.as.manager.get(`/api/v1/insights?teamId=${crypto.randomUUID()}`);
    expect(missing.status).toBe(404);
  });
});

describe("no-decision risk", () => {
  it("flags open decisions with the evidence and the help to offer", async () => {
    const reply = await w.as.seller.get("/api/v1/insights/risks");
    expect(reply.status).toBe(200);
    expect(reply.body.open).toBe(2);
    const bareOne = reply.body.items.find(
      (i: { title: string }) => i.title === "Replace the warehouse scanners",
    );
    const noTrigger = bareOne.flags.find((f: { key: string }) => f.key === "no_trigger");
    expect(noTrigger).toMatchObject({ help: "recommend", helpLabel: "Recommend" });
    expect(noTrigger.evidence).toMatch(/what makes them act now/);
  });
});

describe("forecast", () => {
  it("gives each open decision chances that add up to one, with why, and expected value by month", async () => {
    const reply = await w.as.seller.get("/api/v1/insights/forecast");
    expect(reply.status).toBe(200);
    expect(reply.body.items).toHaveLength(2);
    for (const i of reply.body.items) {
      expect(i.won + i.lost + i.noDecision).toBeCloseTo(1, 6);
      expect(i.why.length).toBeGreaterThan(0);
      expect(i.closeMonth).toMatch(/^\d{4}-\d{2}$/);
    }
    expect(reply.body.model.notes.join(" ")).toMatch(/fewer than the 50 needed/);
    const months = reply.body.byMonth;
    expect(months.reduce((s: number, m: { count: number }) => s + m.count, 0)).toBe(2);
    for (const m of months) expect(m.low).toBeLessThanOrEqual(m.expected);
  });

  it("says the backtest needs more history on a young workspace", async () => {
    const reply = await w.as.manager.get("/api/v1/insights/backtest");
    expect(reply.status).toBe(200);
    expect(reply.body.enough).toBe(false);
    expect(reply.body.why).toMatch(/at least 30 are needed/);
  });
});

describe("CSV export of every table", () => {
  it("writes the sellers table with a header and the total, formulas neutralized", async () => {
    await bare('=HYPERLINK("http://evil")');
    const reply = await w.as.seller.get("/api/v1/insights/export/risks");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toMatch(/text\/csv/);
    expect(reply.body).toMatch(/^decision,account,owner,value/);
    expect(reply.body).toContain("'=HYPERLINK");
    const sellers = await w.as.seller.get("/api/v1/insights/export/sellers");
    expect(sellers.body.split("\r\n").filter(Boolean)).toHaveLength(3);
    expect(sellers.body).toContain("All shown");
  });

  it("refuses a table that does not exist", async () => {
    const reply = await w.as.seller.get("/api/v1/insights/export/passwords");
    expect(reply.status).toBe(400);
  });
});

describe("the plan metrics", () => {
  it("count customer steps on time only while none is past due, and not our own steps", async () => {
    const d = await bare("Roll out the new scanners");
    const stepsOnTime = async () =>
      (await w.as.seller.get(`/api/v1/insights?memberId=${w.seller.id}`)).body.total.help.steps_on_time.count;
    const before = await stepsOnTime();
    const ours = await w.as.seller.post(`/api/v1/decisions/${d.id}/plan/steps`, {
      title: "Send the proposal",
      ownerSide: "us",
      dueDate: "2020-01-01",
    });
    expect(ours.status).toBe(201);
    expect(await stepsOnTime()).toBe(before);
    const theirs = await w.as.seller.post(`/api/v1/decisions/${d.id}/plan/steps`, {
      title: "Security review",
      ownerSide: "customer",
      dueDate: "2999-01-01",
    });
    expect(theirs.status).toBe(201);
    expect(await stepsOnTime()).toBe(before + 1);
    const late = await w.as.seller.patch(`/api/v1/plan-steps/${theirs.body.id}`, {
      version: theirs.body.version,
      dueDate: "2020-01-01",
    });
    expect(late.status).toBe(200);
    expect(await stepsOnTime()).toBe(before);
  });
});

describe("imported decisions", () => {
  it("enter the trend by the month their source opened them, never the import day, and count at list price while no amount is agreed", async () => {
    const imported = await importWorkspace(t, "Imported Co");
    const file = tempFile(
      "sales_pipeline.csv",
      [
        "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
        "M1,Dana Seller,GTXPro,Betatech,Won,2025-01-02,2025-02-01,4800",
        "M2,Dana Seller,GTXPro,Betatech,Engaging,2025-03-05,,",
        "M3,Dana Seller,GTXPro,Betatech,Prospecting,,,",
      ].join("\n"),
    );
    const products = tempFile("products.csv", "product,series,sales_price\nGTXPro,GTX,4821\n");
    await importFiles(t.db, imported.actor, [file, products], {});
    const admin = imported.w.as.admin;
    const trend = (await admin.get("/api/v1/insights")).body.trend as { month: string; opened: number }[];
    expect(trend.map((m) => [m.month, m.opened])).toEqual([
      ["2025-01", 1],
      ["2025-03", 1],
    ]);
    const forecast = (await admin.get("/api/v1/insights/forecast")).body;
    expect(forecast.items.map((i: { valueAmount: number }) => i.valueAmount)).toEqual([482_100, 482_100]);
  });
});

describe("figures of decided decisions, kept until a change touches one", () => {
  const decidedN = async () => {
    const relations = (await w.as.admin.get("/api/v1/insights")).body.relations as {
      metric: string;
      withIt: { n: number };
      without: { n: number };
    }[];
    const buyer = relations.find((r) => r.metric === "economic_buyer")!;
    return { all: buyer.withIt.n + buyer.without.n, withBuyer: buyer.withIt.n };
  };
  const latest = async () =>
    String(
      (
        await t.db
          .selectFrom("change_log")
          .select("id")
          .where("workspace_id", "=", w.workspace.id)
          .orderBy("id", "desc")
          .limit(1)
          .executeTakeFirstOrThrow()
      ).id,
    );

  it("tell which changes touch decided decisions: not an open decision's edit; a close, a reopening, a decided decision's part, a member", async () => {
    const touched = async (change: () => Promise<unknown>) => {
      const since = await latest();
      await change();
      return decidedTouched(t.db, w.workspace.id, since);
    };
    const d = await bare("Scan the loading docks");
    expect(
      await touched(() =>
        w.as.seller.patch(`/api/v1/decisions/${d.id}`, { version: d.version, title: "Docks" }),
      ),
    ).toEqual({ everything: false, ids: [] });
    const closed = await touched(async () => {
      const now = (await w.as.seller.get(`/api/v1/decisions/${d.id}`)).body;
      expect(
        (
          await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
            version: now.version,
            outcome: "lost",
            outcomeDate: "2026-10-05",
          })
        ).status,
      ).toBe(200);
    });
    expect(closed).toEqual({ everything: false, ids: [d.id] });
    expect(
      await touched(() =>
        w.as.seller.post(`/api/v1/decisions/${d.id}/stakeholders`, {
          stakeholderId: acct.controller.id,
          role: "user",
        }),
      ),
    ).toEqual({ everything: false, ids: [d.id] });
    const reopened = await touched(async () => {
      const now = (await w.as.seller.get(`/api/v1/decisions/${d.id}`)).body;
      expect(
        (
          await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
            version: now.version,
            outcome: "open",
            outcomeDate: null,
          })
        ).status,
      ).toBe(200);
    });
    expect(reopened).toEqual({ everything: false, ids: [d.id] });
    const member = (await w.as.admin.get(`/api/v1/members/${w.outsider.id}`)).body;
    expect(
      await touched(() =>
        w.as.admin.patch(`/api/v1/members/${w.outsider.id}`, { version: member.version, name: "Out Sider" }),
      ),
    ).toMatchObject({ everything: true });
  });

  it("show a decision closed, a part added to a decided one and a reopening at once", async () => {
    const before = await decidedN();
    const d = await bare("Automate the month-end checklist");
    const now = (
      await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
        version: d.version,
        outcome: "won",
        outcomeDate: "2026-10-20",
      })
    ).body;
    expect(await decidedN()).toEqual({ all: before.all + 1, withBuyer: before.withBuyer });
    const cfo = await w.as.seller.post(`/api/v1/decisions/${d.id}/stakeholders`, {
      stakeholderId: acct.cfo.id,
      role: "economic_buyer",
    });
    expect(cfo.status).toBe(201);
    expect(await decidedN()).toEqual({ all: before.all + 1, withBuyer: before.withBuyer + 1 });
    const latestVersion = (await w.as.seller.get(`/api/v1/decisions/${now.id}`)).body.version;
    await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
      version: latestVersion,
      outcome: "open",
      outcomeDate: null,
    });
    expect(await decidedN()).toEqual(before);
  });
});

describe("the forecast's model", () => {
  it("is learned again when a decision is decided, the previous one answering meanwhile", async () => {
    const trainedOn = async () =>
      (await w.as.admin.get("/api/v1/insights/forecast")).body.model.trainedOn.n as number;
    const before = await trainedOn();
    const d = await bare("Retire the old expense tool");
    expect(
      (
        await w.as.seller.patch(`/api/v1/decisions/${d.id}`, {
          version: d.version,
          outcome: "won",
          outcomeDate: "2026-10-21",
        })
      ).status,
    ).toBe(200);
    await expect.poll(trainedOn, { timeout: 10_000 }).toBe(before + 1);
  });
});
