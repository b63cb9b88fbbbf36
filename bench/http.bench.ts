// Requests per second and latency on /api/health and on a signed-in read, against a bare Fastify route
// in the same run (autocannon, 10 connections, loopback only).
import { freshDir, load, spawnBareServer, spawnServer, stopServer, table } from "./lib.ts";

const duration = Number(process.env.BENCH_SECONDS ?? 5);

const bare = await spawnBareServer();

const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
const env = url
  ? { DATABASE_URL: url, CONFIDANT_DEMO: "1" }
  : { CONFIDANT_DATA_DIR: freshDir("bench-http-"), CONFIDANT_DEMO: "1" };
const { child, url: app } = await spawnServer(env);
const setup = await (await fetch(`${app}/api/v1/setup`)).json();
const manager = setup.demo.members.find((m: { role: string }) => m.role === "manager");
const entered = await fetch(`${app}/api/v1/demo/enter`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ memberId: manager.id }),
});
const cookie = String(entered.headers.get("set-cookie")).split(";")[0]!;

const baseline = await load(`${bare.url}/api/health`, {}, duration);
const health = await load(`${app}/api/health`, {}, duration);
const members = await load(`${app}/api/v1/members`, { cookie }, duration);
await stopServer(child);
await stopServer(bare.child);

const row = (name: string, r: typeof baseline) => ({
  route: name,
  "req/s": r.rps,
  "p50 ms": r.p50,
  "p99 ms": r.p99,
  "vs bare": `${((r.rps / baseline.rps) * 100).toFixed(0)}%`,
});
console.log(`\nhttp: ${duration}s per route, 10 connections, database: ${url ? "PostgreSQL" : "embedded"}\n`);
table([
  row("bare Fastify route (baseline)", baseline),
  row("GET /api/health", health),
  row("GET /api/v1/members (signed in)", members),
]);
