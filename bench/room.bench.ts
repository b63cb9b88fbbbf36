// The buyer room's data endpoint under load: GET /api/v1/room/{token} with 10,000 decisions, plans and
// share links in PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL; the embedded database otherwise), against a
// bare Fastify route in the same run. Every room request also records the access, as in production.
import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import { type DatabaseHandle, openEmbedded, openPostgres } from "../src/server/db/client.ts";
import { migrate } from "../src/server/db/migrator.ts";
import { refreshOutdated } from "../src/server/features/decisions/readiness.service.ts";
import { freshDir, load, scratchDatabase, spawnBareServer, spawnServer, stopServer, table } from "./lib.ts";

const COUNT = Number(process.env.BENCH_DECISIONS ?? 10_000);
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;

async function seed(handle: DatabaseHandle) {
  await migrate(handle.db);
  const db = handle.db;
  const workspaceId = crypto.randomUUID();
  const memberId = crypto.randomUUID();
  await db
    .insertInto("workspace")
    .values({ id: workspaceId, name: `Room bench ${workspaceId.slice(0, 6)}` })
    .execute();
  await db
    .insertInto("member")
    .values({
      id: memberId,
      workspace_id: workspaceId,
      email: `${memberId}@bench.test`,
      name: "Seller",
      role: "seller",
      password_hash: "x",
    })
    .execute();
  await sql`INSERT INTO account (id, workspace_id, name) SELECT gen_random_uuid(), ${workspaceId}::uuid, 'Account ' || g FROM generate_series(1, 1000) g`.execute(
    db,
  );
  await sql`INSERT INTO decision (id, workspace_id, account_id, owner_id, title, currency, target_date, problem, impact, outcomes_sought)
    SELECT gen_random_uuid(), ${workspaceId}::uuid, (SELECT id FROM account WHERE workspace_id = ${workspaceId}::uuid OFFSET (g % 1000) LIMIT 1),
      ${memberId}::uuid, 'Decision ' || g, 'USD', current_date + 90,
      '{"statement": "Close takes 12 days because ledgers are reconciled by hand."}',
      '{"recurringCost": {"amount": 4000000, "period": "month"}}', '[{"measure": "Days to close", "current": "12", "target": "5"}]'
    FROM generate_series(1, ${COUNT}) g`.execute(db);
  await sql`INSERT INTO plan_step (id, workspace_id, decision_id, title, owner_side, due_date, first_due_date, position)
    SELECT gen_random_uuid(), d.workspace_id, d.id, 'Step ' || s, 'customer', current_date + s * 7, current_date + s * 7, s
    FROM decision d CROSS JOIN generate_series(1, 5) s WHERE d.workspace_id = ${workspaceId}::uuid`.execute(
    db,
  );
  const decisions = await db
    .selectFrom("decision")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .execute();
  const tokens = decisions.map(() => randomBytes(32).toString("base64url"));
  for (let i = 0; i < decisions.length; i += 1000) {
    await db
      .insertInto("share_link")
      .values(
        decisions.slice(i, i + 1000).map((d, j) => ({
          id: crypto.randomUUID(),
          workspace_id: workspaceId,
          decision_id: d.id,
          token_hash: createHash("sha256")
            .update(tokens[i + j]!)
            .digest("hex"),
          label: "Buyer",
          expires_at: new Date(Date.now() + 30 * 86_400_000),
          created_by: memberId,
        })),
      )
      .execute();
  }
  // Readiness derived here, as a real workspace has it: otherwise the server would derive all 10,000 as it starts,
  // during the measurement.
  await refreshOutdated(db);
  // Vacuumed, analysed and flushed now, not by autovacuum or a checkpoint in the middle of the measurement.
  await sql`VACUUM ANALYZE`.execute(db);
  await sql`CHECKPOINT`.execute(db);
  return tokens;
}

let env: NodeJS.ProcessEnv;
let tokens: string[];
let cleanup = async () => {};
let label: string;
if (url) {
  const { target, drop } = await scratchDatabase(url, `confidant_room_bench_${process.pid}`);
  const handle = openPostgres(target.toString());
  tokens = await seed(handle);
  await handle.close();
  env = { DATABASE_URL: target.toString() };
  label = "PostgreSQL";
  cleanup = drop;
} else {
  const dir = freshDir("bench-room-");
  const handle = await openEmbedded({ dataDir: dir });
  tokens = await seed(handle);
  await handle.close();
  env = { DATABASE_URL: "", CONFIDANT_DATA_DIR: dir };
  label = "embedded (set BENCH_DATABASE_URL for PostgreSQL)";
}

const bare = await spawnBareServer();
const app = await spawnServer({ ...env, CONFIDANT_DEMO: "0", CONFIDANT_ROOM_RATE_LIMIT: "100000000" });
try {
  const baseline = await load(`${bare.url}/api/health`, {}, duration);
  const paths = tokens.slice(0, 200).map((t) => `/api/v1/room/${t}`);
  const room = await loadMany(app.url, paths);
  const row = (name: string, r: typeof baseline) => ({
    request: name,
    "req/s": r.rps,
    "p50 ms": r.p50,
    "p99 ms": r.p99,
    "vs bare": `${((r.rps / baseline.rps) * 100).toFixed(1)}%`,
  });
  console.log(
    `\nroom: ${COUNT.toLocaleString("en")} decisions with plans and links, ${label}, ${duration}s, 10 connections\n`,
  );
  table([
    row("bare Fastify route (baseline)", baseline),
    row("GET /api/v1/room/{token} (200 links in rotation)", room),
  ]);
} finally {
  await stopServer(app.child);
  await stopServer(bare.child);
  await cleanup();
}

async function loadMany(base: string, paths: string[]) {
  const autocannon = (await import("autocannon")).default;
  const result = await autocannon({
    url: base,
    connections: 10,
    duration,
    requests: paths.map((path) => ({ method: "GET" as const, path })),
  });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} non-2xx answers from the room`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}
