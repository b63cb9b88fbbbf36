// Two writes of the mixed load — a seller saving notes (a versioned write) and a buyer ticking a plan step — one
// after another on a quiet app (in-process, PostgreSQL with BENCH_DATABASE_URL or DATABASE_URL, 20,000
// decisions): p50/p99 and the statements each sends, against a bare UPDATE of one decision's notes in the same
// run; and the same with PostgreSQL made to plan every prepared statement afresh (plan_cache_mode
// force_custom_plan), to see whether the generic plans it may choose for prepared statements cost the writes.
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { openPostgres } from "../src/server/db/client.ts";
import { migrate } from "../src/server/db/migrator.ts";
import { statementRecorder } from "../test/statements.ts";
import { percentile, scratchDatabase, table } from "./lib.ts";
import { seedLoadWorkspace } from "./load-mix.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.log("writes: needs PostgreSQL — set BENCH_DATABASE_URL (or DATABASE_URL).");
  process.exit(0);
}
const { target, drop } = await scratchDatabase(url, `confidant_plans_${process.pid}`);
const seedHandle = openPostgres(target.toString());
await migrate(seedHandle.db);
const w = await seedLoadWorkspace(seedHandle.db, 20_000);
await seedHandle.close();

const WARM_UP = 50;
const rows: Record<string, string | number>[] = [];
let baseline = 0;
const row = (plans: string, request: string, samples: number[], statements: number | string) => {
  const p50 = percentile(samples.slice(WARM_UP), 50);
  if (!baseline) baseline = p50;
  rows.push({
    plans,
    request,
    "p50 ms": p50.toFixed(1),
    "p99 ms": percentile(samples.slice(WARM_UP), 99).toFixed(1),
    statements,
    "p50 × baseline": (p50 / baseline).toFixed(1),
  });
};

async function run(plans: string, dbUrl: string) {
  const handle = openPostgres(dbUrl);
  const { sent, plugin } = statementRecorder();
  const app = await buildApp({
    db: handle.db.withPlugin(plugin),
    dbKind: "postgres",
    listen: handle.listen,
    config: { ...loadConfig({}), demo: false, roomRateLimit: 1e8 },
    serveWeb: false,
  });
  await app.ready();
  const seller = w.sellers[0]!;
  const bare: number[] = [];
  const save: number[] = [];
  const tick: number[] = [];
  const sends = { save: 0, tick: 0 };
  const timed = async (into: number[], work: () => Promise<{ statusCode: number; body: string }>) => {
    sent.length = 0;
    const started = performance.now();
    const reply = await work();
    into.push(performance.now() - started);
    if (reply.statusCode !== 200) throw new Error(`${reply.statusCode} ${reply.body}`);
    return sent.length;
  };
  for (let i = 0; i < RUNS + WARM_UP; i++) {
    const id = seller.decisionIds[i % seller.decisionIds.length]!;
    await timed(bare, async () => {
      await handle.db
        .updateTable("decision")
        .set({ notes: `Bare ${i}` })
        .where("id", "=", id)
        .execute();
      return { statusCode: 200, body: "" };
    });
    const version = (
      await app.inject({ method: "GET", url: `/api/v1/decisions/${id}`, headers: { cookie: seller.cookie } })
    ).json().version;
    sends.save = await timed(save, () =>
      app.inject({
        method: "PATCH",
        url: `/api/v1/decisions/${id}`,
        headers: { cookie: seller.cookie, "content-type": "application/json" },
        payload: { version, notes: `Round ${i}` },
      }),
    );
    const room = w.rooms[i % 50]!;
    sends.tick = await timed(tick, () =>
      app.inject({
        method: "POST",
        url: `/api/v1/room/${room.token}/steps/${room.stepIds[i % 5]}/status`,
        headers: { "content-type": "application/json" },
        payload: { status: i % 2 ? "in_progress" : "done", name: "Priya" },
      }),
    );
  }
  row(plans, "bare UPDATE of a decision's notes (baseline)", bare, 1);
  row(plans, "seller: save notes (PATCH, versioned)", save, sends.save);
  row(plans, "buyer: tick a step", tick, sends.tick);
  await app.close();
  await handle.close();
}

try {
  await run("chosen by PostgreSQL", target.toString());
  const forced = new URL(target.toString());
  forced.searchParams.set("options", "-c plan_cache_mode=force_custom_plan");
  await run("custom, forced", forced.toString());
  console.log(
    `\nwrites: one after another, ${RUNS} each after ${WARM_UP} to warm up, 20,000 decisions, PostgreSQL\n`,
  );
  table(rows);
} finally {
  await drop();
}
