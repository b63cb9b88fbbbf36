// The Insights page's API on PostgreSQL with 100,000 decisions (a fifth open) and 1,000,000 change-log rows:
// p50/p99 of each endpoint through the real app (app.inject), beside a bare indexed SELECT in the same run.
// The forecast's model and the workspace backtest are learned on the first request and kept until the closed
// history changes; that first request is reported on its own.
import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import pg from "pg";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { openPostgres } from "../src/server/db/client.ts";
import { migrate } from "../src/server/db/migrator.ts";
import type { Database } from "../src/server/db/schema.ts";
import { startSession } from "../src/server/features/auth/auth.service.ts";
import { SESSION_COOKIE } from "../src/server/features/auth/session-token.ts";
import { percentile, table } from "./lib.ts";

const COUNT = Number(process.env.BENCH_DECISIONS ?? 100_000);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);

async function seed(db: Kysely<Database>) {
  const workspaceId = randomUUID();
  const adminId = randomUUID();
  await db.insertInto("workspace").values({ id: workspaceId, name: "Bench insights" }).execute();
  await db
    .insertInto("member")
    .values({
      id: adminId,
      workspace_id: workspaceId,
      email: "admin@bench.test",
      name: "Admin",
      role: "admin",
      password_hash: "x",
    })
    .execute();
  await sql`INSERT INTO member (id, workspace_id, email, name, role, password_hash)
    SELECT gen_random_uuid(), ${workspaceId}::uuid, 'seller' || g || '@bench.test', 'Seller ' || g, 'seller', 'x'
    FROM generate_series(1, 20) g`.execute(db);
  await sql`INSERT INTO account (id, workspace_id, name, industry)
    SELECT gen_random_uuid(), ${workspaceId}::uuid, 'Account ' || g, (ARRAY['retail','finance','health','public'])[1 + g % 4]
    FROM generate_series(1, 2000) g`.execute(db);
  // A fifth open; the rest won, lost or no decision over two years, opened 20–200 days before.
  await sql`INSERT INTO decision (id, workspace_id, account_id, owner_id, title, value_amount, currency, target_date,
      readiness, milestone, outcome, outcome_date, opened_on, product_line, list_amount, signals, derived_version)
    SELECT gen_random_uuid(), ${workspaceId}::uuid, a.id, m.id, 'Decision ' || g, v.value, 'USD',
      current_date + (random() * 120)::int - 30, (random() * 100)::int,
      (ARRAY['exploring','problem_agreed','impact_quantified','consensus_forming','plan_agreed','deciding'])[1 + g % 6],
      o.outcome, CASE WHEN o.outcome = 'open' THEN NULL ELSE c.closed END,
      CASE WHEN o.outcome = 'open' THEN current_date - (random() * 200)::int ELSE c.closed - 20 - (random() * 180)::int END,
      'Product ' || (g % 5), v.value + (CASE WHEN g % 4 = 0 THEN v.value / 10 ELSE 0 END),
      jsonb_build_object('problemInWords', g % 3 = 0, 'costQuantified', g % 4 = 0, 'economicBuyer', g % 2 = 0,
        'buyerConfirmed', g % 5 = 0, 'options', CASE WHEN g % 9 = 0 THEN '["A","B","C"]'::jsonb ELSE '[]'::jsonb END,
        'trigger', g % 3 <> 1, 'riskConcerns', '[]'::jsonb, 'confidence', NULL, 'confidenceDrop', NULL,
        'disagreements', '[]'::jsonb), 1
    FROM generate_series(1, ${COUNT}) g
    CROSS JOIN LATERAL (SELECT (1e6 + random() * 1e8)::bigint AS value, current_date - (random() * 730)::int AS closed) c
    CROSS JOIN LATERAL (SELECT c.value AS value) v
    CROSS JOIN LATERAL (SELECT CASE WHEN g % 5 = 0 THEN 'open' WHEN g % 5 IN (1, 2) THEN 'won' WHEN g % 5 = 3 THEN 'lost' ELSE 'no_decision' END AS outcome) o
    JOIN LATERAL (SELECT id FROM account WHERE workspace_id = ${workspaceId}::uuid OFFSET (g % 2000) LIMIT 1) a ON true
    JOIN LATERAL (SELECT id FROM member WHERE workspace_id = ${workspaceId}::uuid AND role = 'seller' OFFSET (g % 20) LIMIT 1) m ON true`.execute(
    db,
  );
  await sql`WITH numbered AS (
      SELECT id, owner_id, (row_number() OVER (ORDER BY id) - 1)::int AS n FROM decision
      WHERE workspace_id = ${workspaceId}::uuid)
    INSERT INTO change_log (workspace_id, member_id, via, entity, entity_id, action, after, at)
    SELECT ${workspaceId}::uuid, d.owner_id, NULL, 'decision', d.id, 'update', '{"title":"x"}'::jsonb,
      now() - make_interval(days => (g % 400))
    FROM generate_series(1, ${CHANGES}) g JOIN numbered d ON d.n = g % ${COUNT}`.execute(db);
  await sql`UPDATE decision d SET learned_at = l.at FROM (SELECT entity_id, max(at) AS at FROM change_log
    WHERE workspace_id = ${workspaceId}::uuid GROUP BY entity_id) l WHERE l.entity_id = d.id`.execute(db);
  await sql`INSERT INTO plan_step (id, workspace_id, decision_id, title, owner_side, due_date, status, position)
    SELECT gen_random_uuid(), d.workspace_id, d.id, 'Step', 'customer', current_date - 10 + (random() * 30)::int,
      'not_started', 1
    FROM decision d WHERE d.workspace_id = ${workspaceId}::uuid AND d.outcome = 'open'`.execute(db);
  await sql`VACUUM ANALYZE`.execute(db);
  return { workspaceId, adminId };
}

async function seeded(db: Kysely<Database>) {
  const row = await db
    .selectFrom("member")
    .select(["id", "workspace_id"])
    .where("email", "=", "admin@bench.test")
    .executeTakeFirstOrThrow();
  return { workspaceId: row.workspace_id, adminId: row.id };
}

/** p50 and p99 of `work`, each run after `before` (not timed). */
async function timed(runs: number, work: () => Promise<unknown>, before?: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.log("insights: needs PostgreSQL — set BENCH_DATABASE_URL (or DATABASE_URL).");
  process.exit(0);
}
// BENCH_REUSE=<database> measures again on a database an earlier run kept (BENCH_KEEP=1), without seeding.
const reuse = process.env.BENCH_REUSE;
const name = reuse ?? `confidant_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
if (!reuse) await admin.query(`CREATE DATABASE ${name}`);
const target = new URL(url);
target.pathname = `/${name}`;
const handle = openPostgres(target.toString());
try {
  await migrate(handle.db);
  const seeding = performance.now();
  const { workspaceId, adminId } = reuse ? await seeded(handle.db) : await seed(handle.db);
  if (!reuse)
    console.log(
      `seeded ${COUNT.toLocaleString("en")} decisions and ${CHANGES.toLocaleString("en")} change-log rows in ${((performance.now() - seeding) / 1000).toFixed(0)} s`,
    );
  const app = await buildApp({
    db: handle.db,
    dbKind: handle.kind,
    config: { ...loadConfig({}), demo: false },
    serveWeb: false,
  });
  const session = await startSession(handle.db, { id: adminId, workspaceId }, 1, new Date());
  const get = async (path: string) => {
    const response = await app.inject({
      method: "GET",
      url: path,
      headers: { cookie: `${SESSION_COOKIE}=${session.token}` },
    });
    if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
  };
  const cold: Record<string, string | number>[] = [];
  for (const path of ["/api/v1/insights/forecast", "/api/v1/insights/backtest"]) {
    const started = performance.now();
    await get(path);
    cold.push({ "first request (learns the model)": path, ms: Math.round(performance.now() - started) });
  }
  const request = async (method: "GET" | "PATCH", path: string, payload?: object) => {
    const response = await app.inject({
      method,
      url: path,
      headers: { cookie: `${SESSION_COOKIE}=${session.token}` },
      ...(payload ? { payload } : {}),
    });
    if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  // Changes as sellers make them, through the API: most of a day's are to open decisions; a decided decision's
  // change (here its reason) also makes the figures read from decided decisions be worked out again.
  const pick = async (open: boolean) =>
    (
      await sql<{ id: string }>`SELECT id FROM decision WHERE workspace_id = ${workspaceId}::uuid
        AND ${open ? sql`outcome = 'open'` : sql`outcome <> 'open'`} LIMIT 1`.execute(handle.db)
    ).rows[0]!.id;
  const openId = await pick(true);
  const decidedId = await pick(false);
  let edits = 0;
  const change = (id: string, field: "title" | "outcomeReason") => async () => {
    const current = await request("GET", `/api/v1/decisions/${id}`);
    await request("PATCH", `/api/v1/decisions/${id}`, {
      version: current.version,
      [field]: `Edit ${++edits}`,
    });
  };
  const endpoints: [string, string][] = [
    ["GET /insights (help-first metrics, relations, pipeline, trend)", "/api/v1/insights"],
    ["GET /insights/risks", "/api/v1/insights/risks"],
    ["GET /insights/forecast (model kept)", "/api/v1/insights/forecast"],
    ["GET /insights/backtest (kept)", "/api/v1/insights/backtest"],
    ["GET /insights/quarters", "/api/v1/insights/quarters"],
  ];
  type Case = [label: string, when: string, work: () => Promise<unknown>, before?: () => Promise<unknown>];
  const cases: Case[] = [
    [
      "bare indexed SELECT of 50 open ids (baseline)",
      "—",
      () =>
        handle.db
          .selectFrom("decision")
          .select("id")
          .where("workspace_id", "=", workspaceId)
          .where("outcome", "=", "open")
          .where("deleted_at", "is", null)
          .limit(50)
          .execute(),
    ],
    ...endpoints.flatMap(([label, path]): Case[] => [
      [label, "an open decision changed", () => get(path), change(openId, "title")],
      [label, "a decided decision changed", () => get(path), change(decidedId, "outcomeReason")],
      [label, "unchanged", () => get(path)],
    ]),
  ];
  const rows: Record<string, string | number>[] = [];
  let baseline = 0;
  for (const [label, when, work, before] of cases) {
    for (let i = 0; i < 3; i++) {
      await before?.();
      await work();
    }
    const result = await timed(RUNS, work, before);
    if (!baseline) baseline = result.p50;
    rows.push({
      request: label,
      "since the last request": when,
      "p50 ms": result.p50.toFixed(1),
      "p99 ms": result.p99.toFixed(1),
      "p50 × baseline": (result.p50 / baseline).toFixed(0),
      "p99 ≤ 300 ms": result.p99 <= 300 ? "yes" : "no",
    });
  }
  await app.close();
  console.log(
    `\ninsights on PostgreSQL: ${COUNT.toLocaleString("en")} decisions, ${RUNS} requests each, in-process\n`,
  );
  table(rows);
  console.log("");
  table(cold);
} finally {
  await handle.close();
  // BENCH_KEEP=1 keeps the seeded database to look at query plans.
  if (process.env.BENCH_KEEP || reuse) console.log(`kept database ${name}`);
  else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
