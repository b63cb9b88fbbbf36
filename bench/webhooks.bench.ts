// Webhook deliveries through the durable queue against a bare HTTP POST loop to the same receiver, in the same
// run: deliveries per second for a burst of events, and the latency a change waits for its delivery (commit to
// arrival) against the bare POST's own. Embedded database by default; BENCH_DATABASE_URL or DATABASE_URL for
// PostgreSQL (a fresh database is made there and dropped).
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { type DatabaseHandle, openEmbedded, openPostgres } from "../src/server/db/client.ts";
import { migrate } from "../src/server/db/migrator.ts";
import { raiseEvents } from "../src/server/db/outbox.ts";
import { startSession } from "../src/server/features/auth/auth.service.ts";
import { createMember } from "../src/server/features/members/members.service.ts";
import { postWebhook } from "../src/server/features/webhooks/send.ts";
import { createWorkspace } from "../src/server/features/workspaces/workspaces.service.ts";
import { startWorkers } from "../src/server/jobs/workers.ts";
import { percentile, scratchDatabase, table } from "./lib.ts";

const BURST = Number(process.env.BENCH_EVENTS ?? 1000);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 60);
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;

async function openTarget(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void>; kind: string }> {
  if (!serverUrl) return { handle: await openEmbedded({}), drop: async () => {}, kind: "embedded" };
  const { target, drop } = await scratchDatabase(
    serverUrl,
    `confidant_bench_${randomUUID().replaceAll("-", "").slice(0, 12)}`,
  );
  return { handle: openPostgres(target.toString()), kind: "PostgreSQL", drop };
}

// The receiver answers at once and notes when each event arrived.
const arrived = new Map<string, number>();
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (c: Buffer) => chunks.push(c));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString();
    if (body.startsWith('{"id"')) arrived.set(JSON.parse(body).id, performance.now());
    response.end("ok");
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const { handle, drop, kind } = await openTarget();
await migrate(handle.db);
const config = {
  ...loadConfig({}),
  demo: false,
  webhooks: { allowPrivate: true, retrySeconds: 60, retries: 11, timeoutMs: 10_000 },
};
const app = await buildApp({ db: handle.db, dbKind: handle.kind, config, serveWeb: false });
await app.ready();
const workspace = await createWorkspace(handle.db, "Webhook bench", { via: "bench" });
const actor = { workspaceId: workspace.id, memberId: null, via: "bench" };
const { member } = await createMember(handle.db, actor, {
  email: "admin@bench.test",
  name: "Admin",
  role: "admin",
  password: "a-long-password",
});
const { token } = await startSession(handle.db, { id: member.id, workspaceId: workspace.id }, 1, new Date());
const cookie = `confidant_session=${token}`;
const call = async (method: "POST" | "PATCH", url: string, payload: object) =>
  (await app.inject({ method, url, payload, headers: { cookie } })).json();
await call("POST", "/api/v1/webhooks", { url: hookUrl, events: ["decision.updated"] });
const account = await call("POST", "/api/v1/accounts", { name: "Contoso" });
let decision = await call("POST", "/api/v1/decisions", { accountId: account.id, title: "Bench decision" });

// Baseline: the same body POSTed in a loop, four at a time (as many as a server's worker sends at once).
const sample = JSON.stringify({
  id: "baseline",
  type: "decision.updated",
  createdAt: new Date().toISOString(),
  data: { object: decision },
});
const bareLatency: number[] = [];
const bareStart = performance.now();
for (let i = 0; i < BURST; i += 4) {
  await Promise.all(
    [0, 1, 2, 3].map(async () => {
      const r = await postWebhook(hookUrl, sample, {}, { timeoutMs: 10_000, allowPrivate: true });
      bareLatency.push(r.durationMs);
    }),
  );
}
const bareRate = BURST / ((performance.now() - bareStart) / 1000);

const workers = await startWorkers(app);

// Throughput: a burst of events written at once, until the receiver has every one.
arrived.clear();
await handle.db.transaction().execute(async (trx) => {
  for (let i = 0; i < BURST; i += 500)
    await raiseEvents(
      trx,
      workspace.id,
      Array.from({ length: Math.min(500, BURST - i) }, () => ({
        type: "decision.updated" as const,
        entity: "decision",
        entityId: decision.id,
        decisionId: decision.id,
      })),
    );
});
const burstStart = performance.now();
while (arrived.size < BURST) await new Promise((r) => setTimeout(r, 20));
const queueRate = BURST / ((performance.now() - burstStart) / 1000);

// Latency: one change at a time, from its commit to its delivery's arrival.
const waits: number[] = [];
for (let i = 0; i < CHANGES; i++) {
  arrived.clear();
  decision = await call("PATCH", `/api/v1/decisions/${decision.id}`, {
    version: decision.version,
    title: `Bench ${i}`,
  });
  const committed = performance.now();
  while (arrived.size < 1) await new Promise((r) => setTimeout(r, 2));
  waits.push([...arrived.values()][0]! - committed);
}

await workers.stop();
await app.close();
await handle.close();
await drop();
receiver.close();

const ms = (v: number) => v.toFixed(1);
console.log(`\nWebhooks on ${kind}: ${BURST} events in a burst, ${CHANGES} changes one at a time\n`);
table([
  {
    path: "bare HTTP POST loop (baseline)",
    "deliveries/s": Math.round(bareRate),
    "× baseline": "1",
    "p50 ms": ms(percentile(bareLatency, 50)),
    "p99 ms": ms(percentile(bareLatency, 99)),
  },
  {
    path: "change → queue → signed delivery",
    "deliveries/s": Math.round(queueRate),
    "× baseline": (queueRate / bareRate).toFixed(2),
    "p50 ms": ms(percentile(waits, 50)),
    "p99 ms": ms(percentile(waits, 99)),
  },
]);
console.log(
  `\nadded by the queue (commit → arrival, minus the bare POST): p50 ${ms(percentile(waits, 50) - percentile(bareLatency, 50))} ms, p99 ${ms(percentile(waits, 99) - percentile(bareLatency, 99))} ms`,
);
