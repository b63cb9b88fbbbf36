import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";

export const freshDir = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));

/** Runs `work`, sampling this process's resident memory: the time, the peak and how much it grew. */
export async function measured<T>(work: () => Promise<T>) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    return {
      result,
      seconds: (performance.now() - started) / 1000,
      peakMb: peak / 1e6,
      growthMb: (peak - before) / 1e6,
    };
  } finally {
    clearInterval(sample);
  }
}

/** A database of its own on the PostgreSQL server at `url`, created empty, and how to drop it again. */
export async function scratchDatabase(url: string, name: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    target,
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function table(rows: Record<string, string | number>[]) {
  const keys = Object.keys(rows[0] ?? {});
  const width = (key: string) => Math.max(key.length, ...rows.map((row) => String(row[key]).length));
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  console.log(line(keys.map((key) => key.padEnd(width(key)))));
  console.log(line(keys.map((key) => "-".repeat(width(key)))));
  for (const row of rows) console.log(line(keys.map((key) => String(row[key]).padEnd(width(key)))));
}

/** With BENCH_PROFILE=folder, each app server writes a CPU profile there when it stops. */
const profile = process.env.BENCH_PROFILE
  ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
  : [];

/** Spawns `confidant serve` and resolves once it printed its URL. */
export async function spawnServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...profile, "bin/confidant.js", "serve"], {
    env: { ...process.env, PORT: "0", LOG_LEVEL: "silent", ...env },
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
      const match = output.match(/open (http:\/\/\S+)/);
      if (match) resolve(match[1]!);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.on("exit", (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
  return { child, url };
}

/** A bare Fastify process with one route answering {"status":"ok"} at /api/health: the baseline. */
export async function spawnBareServer(): Promise<{ child: ChildProcess; url: string }> {
  const code = `const f=require('fastify')();f.get('/api/health',async()=>({status:'ok'}));
    f.listen({port:0,host:'127.0.0.1'}).then(a=>console.log('open '+a))`;
  const child = spawn(process.execPath, ["-e", code]);
  const url = await new Promise<string>((resolve) =>
    child.stdout?.on("data", (chunk: Buffer) => resolve(chunk.toString().trim().replace("open ", ""))),
  );
  return { child, url };
}

export async function stopServer(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

export async function load(url: string, headers: Record<string, string> = {}, duration = 5) {
  const result = await autocannon({ url, connections: 10, duration, headers });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}
