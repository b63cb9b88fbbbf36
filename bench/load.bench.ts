// Mixed load — sellers' day, managers' review hour, buyers in rooms, 12 users at once — on 100,000 decisions with
// 1,000,000 change-log entries: the embedded database, then (with BENCH_DATABASE_URL or DATABASE_URL) PostgreSQL
// behind one app server and behind three. Each is set beside the same client asking a bare Fastify route just
// before it. BENCH_DECISIONS and BENCH_SECONDS (per setup) make it smaller or longer.
import type { ChildProcess } from "node:child_process";
import { openEmbedded, openPostgres } from "../src/server/db/client.ts";
import { migrate } from "../src/server/db/migrator.ts";
import { freshDir, scratchDatabase, spawnBareServer, spawnServer, stopServer, table } from "./lib.ts";
import {
  type LoadWorkspace,
  mixOf,
  runBare,
  runMix,
  type Sample,
  seedLoadWorkspace,
  summarize,
} from "./load-mix.ts";

const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
const serverEnv = { CONFIDANT_DEMO: "0", CONFIDANT_ROOM_RATE_LIMIT: "100000000" };

const bare = await spawnBareServer();
const results: { setup: string; rows: ReturnType<typeof rowsOf> }[] = [];

async function measure(setup: string, env: NodeJS.ProcessEnv, servers: number, workspace: LoadWorkspace) {
  const children: { child: ChildProcess; url: string }[] = [];
  for (let i = 0; i < servers; i++) children.push(await spawnServer({ ...env, ...serverEnv }));
  try {
    // A few seconds' warm-up: the servers' first requests compile and fill caches.
    await runMix(
      children.map((c) => c.url),
      mixOf(workspace),
      3,
      () => {},
    );
    const baseline = await runBare(bare.url, SECONDS);
    const samples: Sample[] = [];
    await runMix(
      children.map((c) => c.url),
      mixOf(workspace),
      SECONDS,
      (s) => samples.push(s),
    );
    results.push({ setup, rows: rowsOf(samples, baseline) });
  } finally {
    for (const c of children) await stopServer(c.child);
  }
}

function rowsOf(samples: Sample[], baseline: ReturnType<typeof summarize>) {
  const kinds = [...new Set(samples.map((s) => s.kind))].sort();
  const row = (name: string, s: ReturnType<typeof summarize>, ratio = true) => ({
    request: name,
    requests: s.requests,
    "req/s": s.rps,
    "p50 ms": s.p50,
    "p99 ms": s.p99,
    errors: s.errors,
    "vs bare": ratio ? `${((s.rps / baseline.rps) * 100).toFixed(1)}%` : "",
  });
  return [
    row("bare Fastify route, same client (baseline)", baseline),
    row("all of the mix", summarize(samples, SECONDS)),
    ...kinds.map((kind) =>
      row(
        `  ${kind}`,
        summarize(
          samples.filter((s) => s.kind === kind),
          SECONDS,
        ),
        false,
      ),
    ),
  ];
}

try {
  const dir = freshDir("bench-load-");
  const embedded = await openEmbedded({ dataDir: dir });
  await migrate(embedded.db);
  let started = performance.now();
  const embeddedWorkspace = await seedLoadWorkspace(embedded.db, DECISIONS);
  await embedded.close();
  console.log(`embedded: seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await measure(
    "embedded, one app server",
    { DATABASE_URL: "", CONFIDANT_DATA_DIR: dir },
    1,
    embeddedWorkspace,
  );

  if (url) {
    const { target, drop } = await scratchDatabase(url, `confidant_load_bench_${process.pid}`);
    try {
      const handle = openPostgres(target.toString());
      await migrate(handle.db);
      started = performance.now();
      const workspace = await seedLoadWorkspace(handle.db, DECISIONS);
      await handle.close();
      console.log(`PostgreSQL: seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      const env = { DATABASE_URL: target.toString() };
      await measure("PostgreSQL, one app server", env, 1, workspace);
      await measure("PostgreSQL, three app servers (requests round robin)", env, 3, workspace);
    } finally {
      await drop();
    }
  } else console.log("PostgreSQL: skipped (set BENCH_DATABASE_URL)");

  console.log(
    `\nload: ${DECISIONS.toLocaleString("en")} decisions, ${(DECISIONS * 10).toLocaleString("en")} change-log entries; ` +
      `12 users at once (6 sellers, 2 managers, 4 buyers) for ${SECONDS} s per setup\n`,
  );
  for (const { setup, rows } of results) {
    console.log(`${setup}:\n`);
    table(rows);
    console.log("");
  }
} finally {
  await stopServer(bare.child);
}
