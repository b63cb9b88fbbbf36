import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildAccount, buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";
import { startReceiver } from "../../../../test/webhook-receiver.ts";
import { startWorkers } from "../../jobs/workers.ts";

let t: TestApp;
let w: TestWorkspace;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let workers: Awaited<ReturnType<typeof startWorkers>>;
let accountId: string;
const webhooks = { allowPrivate: true, retrySeconds: 1, retries: 2, timeoutMs: 1500 };

beforeAll(async () => {
  t = await createTestApp({ webhooks });
  w = await buildWorkspace(t.app, t.db, "Hooks Co");
  accountId = (await buildAccount(w.as.seller)).account.id;
  receiver = await startReceiver();
  workers = await startWorkers(t.app);
});
afterAll(async () => {
  await workers.stop();
  await receiver.close();
  await t.close();
});

async function register(events: string[], at = receiver) {
  const made = await w.as.admin.post("/api/v1/webhooks", { url: at.url, events });
  expect(made.status).toBe(201);
  at.expectSecret(made.body.secret);
  return made.body;
}

async function deliveries(id: string) {
  return (await w.as.admin.get(`/api/v1/webhooks/${id}/deliveries`)).body.items;
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`gave up waiting; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("webhooks", () => {
  let hook: { id: string; secret: string; version: number };

  it("an admin registers an endpoint; the secret is shown once; others cannot", async () => {
    hook = await register([
      "decision.created",
      "decision.updated",
      "decision.outcome_set",
      "plan.step.completed",
    ]);
    expect(hook.secret).toMatch(/^whsec_/);
    const listed = await w.as.admin.get("/api/v1/webhooks");
    expect(listed.body.items.map((h: { id: string }) => h.id)).toContain(hook.id);
    expect(JSON.stringify(listed.body)).not.toContain(hook.secret);
    expect(listed.body.events.map((e: { type: string }) => e.type)).toContain("checkin.created");
    for (const role of ["seller", "manager"] as const) {
      expect((await w.as[role].get("/api/v1/webhooks")).status).toBe(403);
      expect(
        (await w.as[role].post("/api/v1/webhooks", { url: receiver.url, events: ["decision.created"] }))
          .status,
      ).toBe(403);
    }
  });

  it("a change is delivered signed, with the record in the API's shape, and logged as delivered", async () => {
    const before = receiver.received.length;
    const decision = await w.as.seller.post("/api/v1/decisions", {
      accountId,
      title: "Close the books faster",
    });
    const [got] = (await receiver.waitFor(before + 1)).slice(before);
    expect(got!.signatureValid).toBe(true);
    expect(got!.headers["confidant-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(got!.json).toMatchObject({
      type: "decision.created",
      data: { object: { id: decision.body.id, title: "Close the books faster" } },
    });
    expect(Date.parse(got!.json.createdAt)).not.toBeNaN();
    const log = await until(
      () => deliveries(hook.id),
      (items) => items[0]?.status === "delivered",
    );
    expect(log[0]).toMatchObject({
      type: "decision.created",
      status: "delivered",
      responseCode: 200,
      attempts: 1,
    });
  });

  it("a receiver that fails is retried with backoff until it answers; each attempt is in the log", async () => {
    const before = receiver.received.length;
    receiver.script.push(500, 503);
    const decision = await w.as.seller.post("/api/v1/decisions", { accountId, title: "Retried" });
    const got = (await receiver.waitFor(before + 3, 20_000)).slice(before);
    expect(new Set(got.map((g) => g.json.id)).size).toBe(1);
    expect(got[2]!.at - got[1]!.at).toBeGreaterThanOrEqual(900);
    const log = await until(
      () => deliveries(hook.id),
      (items) => items[0]?.status === "delivered",
    );
    expect(log[0]).toMatchObject({ status: "delivered", attempts: 3, responseCode: 200 });
    expect(got[0]!.json.data.object.id).toBe(decision.body.id);
  });

  it("setting the outcome and completing a plan step raise their own events", async () => {
    const decision = (await w.as.seller.post("/api/v1/decisions", { accountId, title: "Outcome" })).body;
    const step = (
      await w.as.seller.post(`/api/v1/decisions/${decision.id}/plan/steps`, { title: "Security review" })
    ).body;
    const before = receiver.received.length;
    await w.as.seller.patch(`/api/v1/plan-steps/${step.id}`, { version: step.version, status: "done" });
    await w.as.seller.patch(`/api/v1/decisions/${decision.id}`, {
      version: decision.version,
      outcome: "won",
      outcomeReason: "Fit",
    });
    // Deliveries of one batch go out side by side: wait for all three, in any order.
    const types = await until(
      async () => receiver.received.slice(before).map((r) => r.json.type),
      (list) =>
        ["decision.updated", "decision.outcome_set", "plan.step.completed"].every((t) => list.includes(t)),
    );
    expect(types).toContain("decision.updated");
    const stepEvent = receiver.received.slice(before).find((r) => r.json.type === "plan.step.completed")!;
    expect(stepEvent.json.data.object).toMatchObject({ id: step.id, status: "done" });
  });

  it("redelivers an event as a new delivery with the same event id", async () => {
    const [first] = await deliveries(hook.id);
    const before = receiver.received.length;
    const again = await w.as.admin.post(`/api/v1/webhooks/${hook.id}/deliveries/${first.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body.redelivery).toBe(true);
    // Earlier deliveries may still be arriving: find this one by its delivery id.
    const got = await until(
      async () =>
        receiver.received.slice(before).find((r) => r.headers["confidant-delivery"] === again.body.id),
      (found) => found !== undefined,
    );
    expect(got!.json.id).toBe(first.eventId);
  });

  it("a receiver that never answers in time fails with the reason, and the endpoint is turned off after the last retry", async () => {
    const sleepy = await startReceiver();
    const slow = await register(["decision.created"], sleepy);
    sleepy.script.push(-2500, -2500, -2500);
    await w.as.seller.post("/api/v1/decisions", { accountId, title: "Nobody home" });
    const log = await until(
      () => deliveries(slow.id),
      (items) => items[0]?.status === "failed",
      30_000,
    );
    expect(log[0]).toMatchObject({ attempts: 3, responseCode: null });
    expect(log[0].error).toMatch(/no answer within 1.5 s/);
    const listed = (await w.as.admin.get("/api/v1/webhooks")).body.items.find(
      (h: { id: string }) => h.id === slow.id,
    );
    expect(listed).toMatchObject({ enabled: false, failures: 3 });
    expect(listed.disabledReason).toMatch(/failed every retry/);
    expect(sleepy.received).toHaveLength(3);
    await sleepy.close();
    // Turned on again by an admin, with its failures cleared.
    const on = await w.as.admin.patch(`/api/v1/webhooks/${slow.id}`, {
      version: listed.version,
      enabled: true,
    });
    expect(on.body).toMatchObject({ enabled: true, failures: 0, disabledReason: null });
  });

  it("refuses bad input naming the field; a deleted endpoint can be restored", async () => {
    const bad = await w.as.admin.post("/api/v1/webhooks", {
      url: "ftp://example.com",
      events: ["decision.exploded"],
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["body.url", "body.events.0"]));
    const none = await w.as.admin.post("/api/v1/webhooks", { url: receiver.url, events: [] });
    expect(none.body.error.fields[0]).toMatchObject({ path: "body.events" });
    const gone = await w.as.admin.post("/api/v1/webhooks", {
      url: "http://no-such-host.invalid/hook",
      events: ["decision.created"],
    });
    expect(gone.status).toBe(400);
    expect(gone.body.error.message).toMatch(/could not be found/);

    const current = (await w.as.admin.get("/api/v1/webhooks")).body.items.find(
      (h: { id: string }) => h.id === hook.id,
    );
    const deleted = await w.as.admin.delete(`/api/v1/webhooks/${hook.id}?version=${current.version}`);
    expect(deleted.status).toBe(200);
    expect(
      (await w.as.admin.get("/api/v1/webhooks")).body.items.map((h: { id: string }) => h.id),
    ).not.toContain(hook.id);
    const restored = await w.as.admin.post(
      `/api/v1/webhooks/${hook.id}/restore?version=${deleted.body.version}`,
    );
    expect(restored.status).toBe(200);
  });
});
