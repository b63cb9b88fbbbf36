// The decisions list and board with 100,000 decisions, on the embedded database and (with
// BENCH_DATABASE_URL or DATABASE_URL) on PostgreSQL: p50/p99 latency and rows/s through the real app
// (app.inject), against a bare indexed SELECT of the same page size in the same run.
import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { type DatabaseHandle, openEmbedded, openPostgres } from "../src/server/db/client.ts";
import { migrate } from "../src/server/db/migrator.ts";
import type { Database } from "../src/server/db/schema.ts";
import { startSession } from "../src/server/features/auth/auth.service.ts";
import { SESSION_COOKIE } from "../src/server/features/auth/session-token.ts";
import { percentile, scratchDatabase, table } from "./lib.ts";

const COUNT = Number(process.env.BENCH_DECISIONS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

/** 100,000 decisions over 2,000 accounts and 20 sellers, written by SQL so seeding is not what is measured. */
async function seed(db: Kysely<Database>) {
  const workspaceId = randomUUID();
  await db
    .insertInto("workspace")
    .values({ id: workspaceId, name: `Bench ${workspaceId.slice(0, 8)}` })
    .execute();
  const adminId = randomUUID();
  await db
    .insertInto("member")
    .values({
      id: adminId,
      workspace_id: workspaceId,
      email: `admin-${workspaceId}@bench.test`,
      name: "Admin",
      role: "admin",
      password_hash: "x",
    })
    .execute();
  await sql`INSERT INTO member (id, workspace_id, email, name, role, password_hash)
    SELECT gen_random_uuid(), ${workspaceId}::uuid, 'seller' || g || '-' || ${workspaceId} || '@bench.test', 'Seller ' || g, 'seller', 'x'
    FROM generate_series(1, 20) g`.execute(db);
  await sql`INSERT INTO account (id, workspace_id, name)
    SELECT gen_random_uuid(), ${workspaceId}::uuid, 'Account ' || g FROM generate_series(1, 2000) g`.execute(
    db,
  );
  await sql`INSERT INTO decision (id, workspace_id, account_id, owner_id, title, value_amount, currency, target_date,
      problem, readiness, milestone, weakest_dimension, cost_of_waiting_monthly)
    SELECT gen_random_uuid(), ${workspaceId}::uuid, a.id, m.id, 'Decision ' || g, (random() * 1e8)::bigint, 'USD',
      current_date + (random() * 365)::int,
      jsonb_build_object('statement', 'Month-end close takes ' || (g % 20) || ' days because ledgers are reconciled by hand.'),
      (random() * 100)::int,
      (ARRAY['exploring','problem_agreed','impact_quantified','consensus_forming','plan_agreed','deciding','decided'])[1 + g % 7],
      'impact', (random() * 1e7)::bigint
    FROM generate_series(1, ${COUNT}) g
    JOIN LATERAL (SELECT id FROM account WHERE workspace_id = ${workspaceId}::uuid OFFSET (g % 2000) LIMIT 1) a ON true
    JOIN LATERAL (SELECT id FROM member WHERE workspace_id = ${workspaceId}::uuid AND role = 'seller' OFFSET (g % 20) LIMIT 1) m ON true`.execute(
    db,
  );
  // Steady state: autovacuum would have run on a real installation, so index-only scans are possible.
  await sql`VACUUM ANALYZE`.execute(db);
  return { workspaceId, adminId };
}

async function timed(runs: number, work: () => Promise<number>) {
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    rows += await work();
    samples.push(performance.now() - started);
  }
  const total = samples.reduce((a, b) => a + b, 0) / 1000;
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    rowsPerSecond: Math.round(rows / total),
  };
}

async function benchmark(label: string, handle: DatabaseHandle) {
  await migrate(handle.db);
  const started = performance.now();
  const { workspaceId, adminId } = await seed(handle.db);
  const seedSeconds = (performance.now() - started) / 1000;
  const app = await buildApp({
    db: handle.db,
    dbKind: handle.kind,
    config: { ...loadConfig({}), demo: false },
    serveWeb: false,
  });
  const session = await startSession(handle.db, { id: adminId, workspaceId }, 1, new Date());
  const cookie = `${SESSION_COOKIE}=${session.token}`;
  const get = async (url: string) => {
    const response = await app.inject({ method: "GET", url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    const body = response.json();
    return (
      body.items?.length ??
      body.columns.reduce((sum: number, c: { items: unknown[] }) => sum + c.items.length, 0)
    );
  };
  // The cursor of page 10, so one request for a deep page is measured.
  let cursor = "";
  for (let page = 1; page < 10; page++) {
    const response = await app.inject({
      method: "GET",
      url: `/api/v1/decisions?sort=readiness&limit=50${cursor}`,
      headers: { cookie },
    });
    cursor = `&cursor=${response.json().nextCursor}`;
  }
  const cases: [string, () => Promise<number>][] = [
    [
      "bare SELECT of 50 ids (baseline)",
      async () =>
        (
          await handle.db
            .selectFrom("decision")
            .select("id")
            .where("workspace_id", "=", workspaceId)
            .where("deleted_at", "is", null)
            .orderBy("id")
            .limit(50)
            .execute()
        ).length,
    ],
    ["GET /decisions/board (first page, 20 per column)", () => get("/api/v1/decisions/board")],
    ["GET /decisions?sort=readiness (50)", () => get("/api/v1/decisions?sort=readiness&limit=50")],
    [
      "GET /decisions?sort=-costOfWaiting&milestone=deciding",
      () => get("/api/v1/decisions?sort=-costOfWaiting&milestone=deciding&limit=50"),
    ],
    [
      "GET /decisions?sort=readiness, page 10 by cursor",
      () => get(`/api/v1/decisions?sort=readiness&limit=50${cursor}`),
    ],
    ["GET /decisions?q=Account 1 (search)", () => get("/api/v1/decisions?q=Account%2017&limit=50")],
  ];
  const rows = [];
  let baseline = 0;
  for (const [name, work] of cases) {
    for (let i = 0; i < 5; i++) await work(); // warm up
    const result = await timed(RUNS, work);
    if (!baseline) baseline = result.p50;
    rows.push({
      database: label,
      request: name,
      "p50 ms": result.p50.toFixed(2),
      "p99 ms": result.p99.toFixed(2),
      "rows/s": result.rowsPerSecond.toLocaleString("en"),
      "p50 × baseline": (result.p50 / baseline).toFixed(1),
    });
  }
  await app.close();
  return { rows, seedSeconds };
}

const results: Record<string, string | number>[] = [];
const embedded = await openEmbedded({});
const e = await benchmark("embedded", embedded);
await embedded.close();
results.push(...e.rows);
console.log(`embedded: seeded ${COUNT.toLocaleString("en")} decisions in ${e.seedSeconds.toFixed(1)} s`);

const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (url) {
  const { target, drop } = await scratchDatabase(url, `confidant_bench_${process.pid}`);
  const postgres = openPostgres(target.toString());
  try {
    const p = await benchmark("postgres", postgres);
    results.push(...p.rows);
    console.log(`postgres: seeded ${COUNT.toLocaleString("en")} decisions in ${p.seedSeconds.toFixed(1)} s`);
  } finally {
    await postgres.close();
    await drop();
  }
} else {
  console.log("PostgreSQL skipped: set BENCH_DATABASE_URL (or DATABASE_URL) to include it.");
}
console.log(
  `\ndecisions: list and board with ${COUNT.toLocaleString("en")} decisions, ${RUNS} requests each, in-process\n`,
);
table(results);
