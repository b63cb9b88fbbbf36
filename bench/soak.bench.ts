// Ten minutes of the mixed load (`load.bench.ts`'s 12 users) on one app server — PostgreSQL with
// BENCH_DATABASE_URL or DATABASE_URL, else embedded — sampling the server's resident memory, each window's p99 and
// how large the data has grown (the database's size, and on PostgreSQL the change log's rows).
// Fails (exit 1) on any error, or when memory grows more than RSS_BOUND_MB after the first two minutes (warm-up:
// caches fill, the JIT settles). SOAK_SECONDS and BENCH_DECISIONS make it shorter or larger.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openEmbedded, openPostgres } from "../src/server/db/client.ts";
import { migrate } from "../src/server/db/migrator.ts";
import { freshDir, percentile, scratchDatabase, spawnServer, stopServer, table } from "./lib.ts";
import { mixOf, runMix, type Sample, seedLoadWorkspace } from "./load-mix.ts";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const WINDOW_S = Number(process.env.SOAK_WINDOW_SECONDS ?? 60);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 20_000);
const RSS_BOUND_MB = 64;
const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;

let env: NodeJS.ProcessEnv;
let cleanup = async () => {};
let label: string;
let workspace: Awaited<ReturnType<typeof seedLoadWorkspace>>;
/** How large the data is now: megabytes, and the change log's rows where they can be counted. */
let dataSize: () => Promise<{ mb: number; changes: number | null }>;
if (url) {
  const { target, drop } = await scratchDatabase(url, `confidant_soak_bench_${process.pid}`);
  const handle = openPostgres(target.toString());
  await migrate(handle.db);
  workspace = await seedLoadWorkspace(handle.db, DECISIONS);
  await handle.close();
  env = { DATABASE_URL: target.toString() };
  label = "PostgreSQL";
  const sizer = new pg.Client({ connectionString: target.toString() });
  await sizer.connect();
  dataSize = async () => {
    const { rows } = await sizer.query<{ bytes: string; changes: number }>(
      "SELECT pg_database_size(current_database()) AS bytes, (SELECT count(*)::int FROM change_log) AS changes",
    );
    return { mb: Math.round(Number(rows[0]!.bytes) / 1e6), changes: rows[0]!.changes };
  };
  cleanup = async () => {
    await sizer.end();
    await drop();
  };
} else {
  const dir = freshDir("bench-soak-");
  const handle = await openEmbedded({ dataDir: dir });
  await migrate(handle.db);
  workspace = await seedLoadWorkspace(handle.db, DECISIONS);
  await handle.close();
  env = { DATABASE_URL: "", CONFIDANT_DATA_DIR: dir };
  label = "embedded";
  // The server holds the embedded database: its files are what can be measured.
  dataSize = async () => ({ mb: Math.round(bytesUnder(dir) / 1e6), changes: null });
}

function bytesUnder(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const at = path.join(dir, entry.name);
    return sum + (entry.isDirectory() ? bytesUnder(at) : entry.isFile() ? statSync(at).size : 0);
  }, 0);
}

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return line ? Math.round(Number(line[1]) / 1024) : Number.NaN;
};

const server = await spawnServer({ ...env, CONFIDANT_DEMO: "0", CONFIDANT_ROOM_RATE_LIMIT: "100000000" });
const windows: {
  minute: string;
  requests: number;
  "req/s": number;
  "p50 ms": number;
  "p99 ms": number;
  errors: number;
  "RSS MB": number;
  "data MB": number;
  "change-log rows": number | string;
}[] = [];
let failed = false;
try {
  console.log(
    `soak: ${SECONDS} s of the mixed load, ${label}, ${DECISIONS.toLocaleString("en")} decisions; a line every ${WINDOW_S} s`,
  );
  let current: Sample[] = [];
  let windowStart = performance.now();
  const close = async () => {
    const ms = current.map((s) => s.ms);
    const seconds = (performance.now() - windowStart) / 1000;
    const rss = rssMb(server.child.pid!);
    const ended = current;
    current = [];
    windowStart = performance.now();
    const size = await dataSize();
    windows.push({
      minute: `${((windows.length * WINDOW_S) / 60).toFixed(1)}–${(((windows.length + 1) * WINDOW_S) / 60).toFixed(1)}`,
      requests: ended.length,
      "req/s": Math.round(ended.length / seconds),
      "p50 ms": Number(percentile(ms, 50).toFixed(1)),
      "p99 ms": Number(percentile(ms, 99).toFixed(1)),
      errors: ended.filter((s) => !s.ok).length,
      "RSS MB": rss,
      "data MB": size.mb,
      "change-log rows": size.changes ?? "-",
    });
    console.log(`  ${JSON.stringify(windows.at(-1))}`);
  };
  const start = await dataSize();
  console.log(
    `  data at the start: ${start.mb} MB${start.changes === null ? "" : `, ${start.changes} change-log rows`}`,
  );
  const ticker = setInterval(() => void close(), WINDOW_S * 1000);
  await runMix([server.url], mixOf(workspace), SECONDS, (s) => current.push(s));
  clearInterval(ticker);
  // A last window cut short by the end says little about drift: left out when under half a window.
  if ((performance.now() - windowStart) / 1000 >= WINDOW_S / 2) await close();
  else if (current.length > 0)
    console.log(`  (the last ${current.length} requests, in a partial window, left out)`);

  console.log("");
  table(windows);
  const settled = windows[Math.min(2, windows.length - 1)]!;
  const last = windows.at(-1)!;
  const errors = windows.reduce((n, w) => n + w.errors, 0);
  const growth = last["RSS MB"] - settled["RSS MB"];
  console.log(
    `\nRSS ${windows[0]!["RSS MB"]} MB after the first window, ${settled["RSS MB"]} MB once settled, ${last["RSS MB"]} MB at the end ` +
      `(growth after warm-up ${growth} MB; bound ${RSS_BOUND_MB} MB). p99 ${settled["p99 ms"]} ms settled, ${last["p99 ms"]} ms at the end ` +
      `(drift ${(last["p99 ms"] / settled["p99 ms"]).toFixed(2)}×). Errors: ${errors}.`,
  );
  failed = errors > 0 || growth > RSS_BOUND_MB;
  console.log(failed ? "SOAK FAILED" : "soak passed");
} finally {
  await stopServer(server.child);
  await cleanup();
}
if (failed) process.exit(1);
