// Time from process start to /api/health answering: embedded (fresh and existing data dir) and PostgreSQL,
// against a bare Fastify process started the same way in the same run.
import { freshDir, percentile, spawnBareServer, spawnServer, stopServer, table } from "./lib.ts";

const runs = Number(process.env.BENCH_RUNS ?? 3);

async function untilHealthy(url: string, started: number) {
  for (;;) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return performance.now() - started;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function measureConfidant(env: NodeJS.ProcessEnv) {
  const started = performance.now();
  const { child, url } = await spawnServer({ CONFIDANT_DEMO: "0", ...env });
  const ms = await untilHealthy(url, started);
  await stopServer(child);
  return ms;
}

async function measureBare() {
  const started = performance.now();
  const { child, url } = await spawnBareServer();
  const ms = await untilHealthy(url, started);
  await stopServer(child);
  return ms;
}

const rows: Record<string, string | number>[] = [];
async function scenario(name: string, measure: () => Promise<number>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await measure());
  rows.push({
    scenario: name,
    "median ms": Math.round(percentile(samples, 50)),
    samples: samples.map(Math.round).join(", "),
  });
  return percentile(samples, 50);
}

const bare = await scenario("bare Fastify (baseline)", measureBare);
await scenario("embedded, fresh data dir", () =>
  measureConfidant({ DATABASE_URL: "", CONFIDANT_DATA_DIR: freshDir("bench-fresh-") }),
);
const existing = freshDir("bench-existing-");
await measureConfidant({ DATABASE_URL: "", CONFIDANT_DATA_DIR: existing });
await scenario("embedded, existing data dir", () =>
  measureConfidant({ DATABASE_URL: "", CONFIDANT_DATA_DIR: existing }),
);
const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (url) await scenario("PostgreSQL", () => measureConfidant({ DATABASE_URL: url }));
else
  rows.push({
    scenario: "PostgreSQL",
    "median ms": "skipped",
    samples: "set BENCH_DATABASE_URL or DATABASE_URL",
  });

for (const row of rows) {
  if (typeof row["median ms"] === "number") row["× baseline"] = (row["median ms"] / bare).toFixed(1);
  else row["× baseline"] = "—";
}
console.log(`\nstartup: process start → /api/health answers (${runs} runs each)\n`);
table(rows);
