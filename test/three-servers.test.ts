import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshTarget } from "./cli/cli-helpers.ts";
import { firstAdmin, type ServerProcess, startServer } from "./server-process.ts";
import { startReceiver } from "./webhook-receiver.ts";

// Several app servers share one PostgreSQL; the embedded database is one process by design (its data dir is
// locked), so this runs in the PostgreSQL run only.
const onPostgres = Boolean(process.env.DATABASE_URL);

const servers: ServerProcess[] = [];
let drop: () => Promise<void> = async () => {};
let dataDir: string;
let env: NodeJS.ProcessEnv;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let as: Awaited<ReturnType<typeof firstAdmin>>;
const url = (i: number) => servers[i % servers.length]!.url;

const signIn = (base: string, email: string, password: string) =>
  fetch(`${base}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });

/** The counters' windows are whole minutes: a burst that might straddle two waits for the next one. */
async function inOneMinute() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 20_000) await new Promise((r) => setTimeout(r, left + 100));
}

beforeAll(async () => {
  if (!onPostgres) return;
  const target = await freshTarget();
  drop = target.drop;
  dataDir = target.dataDir;
  receiver = await startReceiver();
  env = { ...target.env, CONFIDANT_WEBHOOKS_ALLOW_PRIVATE: "1" };
  // Started together on an empty database: one migrates, the others wait for it.
  servers.push(
    ...(await Promise.all([0, 1, 2].map((i) => startServer(path.join(dataDir, `server-${i}`), env)))),
  );
  as = await firstAdmin(url(0));
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await receiver?.close();
  await drop();
});

describe.skipIf(!onPostgres)("three app servers on one PostgreSQL (PostgreSQL run only)", () => {
  it("a session made on one works on the others, and signing out on one ends it on all at once", async () => {
    const signedIn = await signIn(url(1), "ada@restart.test", "a-long-password");
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    for (const i of [0, 1, 2]) {
      const me = await fetch(`${url(i)}/api/v1/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
    }
    const out = await fetch(`${url(2)}/api/v1/auth/sign-out`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: "{}",
    });
    expect(out.status).toBeLessThan(300);
    for (const i of [0, 1]) {
      const me = await fetch(`${url(i)}/api/v1/me`, { headers: { cookie } });
      expect(me.status).toBe(401);
    }
  });

  it("an API token revoked on one server is refused at once by the others, which had it in hand", async () => {
    const made = await as(url(0), "POST", "/api/v1/tokens", { name: "Nightly sync", scope: "read" });
    expect(made.status).toBe(201);
    const bearer = { authorization: `Bearer ${made.body.token}` };
    // Twice each: the second is answered from what the server keeps in hand.
    for (const i of [1, 2, 1, 2])
      expect((await fetch(`${url(i)}/api/v1/decisions`, { headers: bearer })).status).toBe(200);
    expect((await as(url(0), "DELETE", `/api/v1/tokens/${made.body.id}`)).status).toBe(200);
    for (const i of [1, 2])
      expect((await fetch(`${url(i)}/api/v1/decisions`, { headers: bearer })).status).toBe(401);
  });

  it("a member added or renamed on one server is in the member list the others answer at once", async () => {
    const names = async (i: number) =>
      ((await as(url(i), "GET", "/api/v1/members")).body.items as Array<{ name: string }>).map((m) => m.name);
    // Twice each: the second is answered from what the server keeps in hand.
    for (const i of [1, 2, 1, 2]) expect(await names(i)).not.toContain("Grace Hopper");
    const added = await as(url(0), "POST", "/api/v1/members", {
      name: "Grace Hopper",
      email: "grace@restart.test",
      role: "seller",
    });
    expect(added.status).toBe(201);
    for (const i of [1, 2]) expect(await names(i)).toContain("Grace Hopper");
    const { id, version } = added.body.member;
    expect(
      (await as(url(0), "PATCH", `/api/v1/members/${id}`, { name: "Grace B. Hopper", version })).status,
    ).toBe(200);
    for (const i of [1, 2]) expect(await names(i)).toContain("Grace B. Hopper");
  });

  it("a buyer room kept on two servers shows a change made on the third at once, and a revoked link is refused by all", async () => {
    const account = await as(url(0), "POST", "/api/v1/accounts", { name: "Northwind" });
    const decision = await as(url(0), "POST", "/api/v1/decisions", {
      accountId: account.body.id,
      title: "Ship on time",
    });
    const link = await as(url(0), "POST", `/api/v1/decisions/${decision.body.id}/share-links`, {
      label: "Ops",
    });
    const title = async (i: number) => {
      const room = await fetch(`${url(i)}/api/v1/room/${link.body.token}`);
      return room.status === 200
        ? ((await room.json()) as { decision: { title: string } }).decision.title
        : room.status;
    };
    // Twice each: the second is answered from what the server keeps in hand.
    for (const i of [1, 2, 1, 2]) expect(await title(i)).toBe("Ship on time");
    const renamed = await as(url(0), "PATCH", `/api/v1/decisions/${decision.body.id}`, {
      version: decision.body.version,
      title: "Ship on time, every time",
    });
    expect(renamed.status).toBe(200);
    for (const i of [1, 2]) expect(await title(i)).toBe("Ship on time, every time");
    expect((await as(url(0), "DELETE", `/api/v1/share-links/${link.body.id}`)).status).toBe(200);
    for (const i of [1, 2]) expect(await title(i)).toBe(404);
  });

  it("an import running on one server holds the workspace; killed, the next server to start resumes it from the upload in the database", async () => {
    const csv = (rows: number, prefix: string) =>
      [
        "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
        ...Array.from(
          { length: rows },
          (_, i) => `${prefix}${i},,GTX Basic,${prefix} account ${i % 40},Engaging,,,`,
        ),
      ].join("\n");
    const upload = async (name: string, body: string) =>
      (
        await fetch(`${url(0)}/api/v1/imports/uploads?name=${name}`, {
          method: "POST",
          headers: { cookie: as.cookie, "content-type": "text/csv" },
          body,
        })
      ).json() as Promise<{ id: string; name: string }>;
    const big = await upload("big.csv", csv(30_000, "BIG"));
    const small = await upload("small.csv", csv(5, "SMALL"));
    // Each server has a data directory of its own: the others find server 0's uploads in the database.
    const first = await as(url(1), "POST", "/api/v1/imports", { uploads: [big] });
    expect(first.status).toBe(202);
    const second = await as(url(2), "POST", "/api/v1/imports", { uploads: [small] });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain("another import into this workspace is running now");
    const run = () => as(url(2), "GET", `/api/v1/imports/${first.body.id}`);
    for (let i = 0; i < 400 && (await run()).body.counts.created === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    // Killed after its first batch: the run is cut off, and no server holds the workspace any more.
    await servers[1]!.kill();
    let cut = (await run()).body;
    for (let i = 0; i < 100 && cut.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      cut = (await run()).body;
    }
    expect(cut.status).toBe("interrupted");
    expect(cut.counts.created).toBeGreaterThan(0);
    expect(cut.counts.created).toBeLessThan(30_000);
    servers[1] = await startServer(path.join(dataDir, "replacement"), env);
    let done = cut;
    for (let i = 0; i < 240 && done.status !== "done"; i++) {
      await new Promise((r) => setTimeout(r, 250));
      done = (await run()).body;
    }
    expect(done).toMatchObject({ status: "done", counts: { created: 30_000, errors: 0 } });
    expect((await as(url(2), "POST", "/api/v1/imports", { uploads: [small] })).status).toBe(202);
  }, 120_000);

  it("a webhook event is delivered once, whichever server's dispatcher takes it", async () => {
    const hook = await as(url(0), "POST", "/api/v1/webhooks", {
      url: receiver.url,
      events: ["decision.created"],
    });
    expect(hook.status).toBe(201);
    receiver.expectSecret(hook.body.secret);
    const account = await as(url(1), "POST", "/api/v1/accounts", { name: "Contoso" });
    for (const [i, title] of ["One", "Two", "Three"].entries())
      await as(url(i), "POST", "/api/v1/decisions", { accountId: account.body.id, title });
    await receiver.waitFor(3);
    // Three dispatchers poll every 200 ms: time for any of them to hand an event out a second time.
    await new Promise((r) => setTimeout(r, 1500));
    const titles = receiver.received.map((r) => r.json.data.object.title).sort();
    expect(titles).toEqual(["One", "Three", "Two"]);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
  });

  it("the sign-in limits hold across the servers: per address and email, and per address", async () => {
    await inOneMinute();
    // One email tried from one address: 10 a minute, wherever the attempts land.
    const sameEmail: number[] = [];
    for (let i = 0; i < 12; i++)
      sameEmail.push((await signIn(url(i), "ada@restart.test", "not-the-password")).status);
    expect(sameEmail.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(sameEmail.slice(-2)).toEqual([429, 429]);
    // Many emails from one address: 60 a minute across all three (each alone would have let through 60).
    const spray: number[] = [];
    for (let i = 0; i < 60; i++)
      spray.push((await signIn(url(i), `guess${i}@restart.test`, "not-the-password")).status);
    const firstLimited = spray.indexOf(429);
    expect(firstLimited).toBeGreaterThan(0);
    expect(spray.slice(firstLimited).every((s) => s === 429)).toBe(true);
    expect(spray.filter((s) => s === 401).length + 12).toBeLessThanOrEqual(60);
    // Every server refuses, not only the one that counted the most.
    expect(new Set(spray.flatMap((s, i) => (s === 429 ? [i % 3] : []))).size).toBe(3);
  });

  // Last: it leaves one server dead.
  it("kill -9 of one server mid-write leaves no half-written decision, and the others carry on", async () => {
    const account = await as(url(1), "POST", "/api/v1/accounts", { name: "Fabrikam" });
    const victim = servers[0]!;
    const writes = Array.from({ length: 150 }, (_, i) =>
      as(victim.url, "POST", "/api/v1/decisions", {
        accountId: account.body.id,
        title: `In flight ${i}`,
        problem: { statement: "Stock counts are wrong every quarter." },
      }).catch(() => null),
    );
    // Killed once some of them are in, with the rest in flight.
    const inFlight = () => as(url(1), "GET", "/api/v1/decisions?q=In%20flight&limit=200");
    for (let i = 0; i < 500 && (await inFlight()).body.items.length < 5; i++)
      await new Promise((r) => setTimeout(r, 20));
    await victim.kill();
    const answered = (await Promise.all(writes)).filter((r) => r?.status === 201).map((r) => r!.body.id);
    const list = await inFlight();
    expect(list.status).toBe(200);
    const stored = list.body.items as { id: string; title: string; readiness: number }[];
    // The kill cut writes off mid-way; every one the victim confirmed is there, and what it did not finish is
    // either whole (committed, the answer lost) or absent.
    expect(stored.length).toBeGreaterThanOrEqual(5);
    expect(answered.length).toBeLessThan(150);
    for (const id of answered) expect(stored.map((d) => d.id)).toContain(id);
    expect(stored.length).toBeLessThan(150);
    for (const d of stored) {
      const whole = await as(url(2), "GET", `/api/v1/decisions/${d.id}`);
      expect(whole.body.problem.statement).toBe("Stock counts are wrong every quarter.");
      const history = await as(url(2), "GET", `/api/v1/changes?entity=decision&entityId=${d.id}`);
      expect(history.body.items.map((c: { action: string }) => c.action)).toContain("create");
    }
    // The survivors take new writes.
    const after = await as(url(2), "POST", "/api/v1/decisions", {
      accountId: account.body.id,
      title: "After",
    });
    expect(after.status).toBe(201);
  });
});
