import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDataDir } from "./cli/cli-helpers.ts";
import { firstAdmin, type ServerProcess, startServer } from "./server-process.ts";

// PostgreSQL is restarted under the app's feet. Not the run's own server (other test files use it at the same
// time): a private one, made here from the same installation — so this runs in the PostgreSQL run only, as root
// (the server runs as the `postgres` user).
const binDir = (() => {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort().at(-1);
  return version && existsSync(path.join(root, version, "bin", "pg_ctl"))
    ? path.join(root, version, "bin")
    : undefined;
})();
const runnable = Boolean(process.env.DATABASE_URL) && binDir !== undefined && process.getuid?.() === 0;
if (process.env.DATABASE_URL && !runnable && process.env.CI === "true")
  throw new Error("The PostgreSQL restart test needs PostgreSQL's server programs and root in CI.");

let cluster: string;
let port: number;
let server: ServerProcess;
let as: Awaited<ReturnType<typeof firstAdmin>>;

const asPostgres = (program: string, args: string[]) =>
  execFileSync("runuser", ["-u", "postgres", "--", path.join(binDir!, program), ...args], { stdio: "pipe" });
const pgCtl = (...args: string[]) => asPostgres("pg_ctl", ["-D", cluster, "-w", "-t", "30", ...args]);
const startPostgres = () =>
  pgCtl(
    "-o",
    `-p ${port} -k ${cluster} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "-l",
    `${cluster}/log`,
    "start",
  );

async function freePort() {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  if (!runnable) return;
  cluster = mkdtempSync(path.join(tmpdir(), "confidant-pg-restart-"));
  chownSync(cluster, ...idsOf("postgres"));
  asPostgres("initdb", ["-D", cluster, "-A", "trust", "-U", "postgres", "--no-sync"]);
  port = await freePort();
  startPostgres();
  server = await startServer(migratedDataDir("pg-restart-"), {
    DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres`,
    CONFIDANT_DB_TIMEOUT_MS: "3000",
    LOG_LEVEL: "error",
  });
  as = await firstAdmin(server.url);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  if (cluster) {
    try {
      pgCtl("-m", "immediate", "stop");
    } catch {}
    rmSync(cluster, { recursive: true, force: true });
  }
});

function idsOf(user: string): [number, number] {
  return [Number(execFileSync("id", ["-u", user])), Number(execFileSync("id", ["-g", user]))];
}

describe.skipIf(!runnable)("PostgreSQL restarted under load (PostgreSQL run only)", () => {
  it("answers 503 with Retry-After while it is down, never a 500 or a hang, and recovers without a restart", async () => {
    const account = await as(server.url, "POST", "/api/v1/accounts", { name: "Restart Holdings" });
    expect(account.status).toBe(201);
    const statuses: number[] = [];
    const slowest = { ms: 0 };
    let writing = true;
    let confirmed = 0;
    // Four users writing and reading all along.
    const load = Promise.all(
      [0, 1, 2, 3].map(async (user) => {
        for (let i = 0; writing; i++) {
          const started = performance.now();
          const reply =
            i % 2
              ? await as(server.url, "GET", "/api/v1/decisions?limit=5")
              : await as(server.url, "POST", "/api/v1/decisions", {
                  accountId: account.body.id,
                  title: `Decision ${user}-${i}`,
                });
          slowest.ms = Math.max(slowest.ms, performance.now() - started);
          statuses.push(reply.status);
          if (reply.status === 201) confirmed++;
          await new Promise((r) => setTimeout(r, 100));
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 1500));
    const down = performance.now();
    pgCtl("-m", "fast", "stop");
    const downAt = statuses.length;
    await new Promise((r) => setTimeout(r, 2500));
    startPostgres();
    const downFor = performance.now() - down;
    const upAt = statuses.length;
    const up = performance.now();
    // Back within a few seconds: the pool opens new connections; nothing was restarted.
    let recovered = false;
    for (let tries = 0; tries < 40 && !recovered; tries++) {
      await new Promise((r) => setTimeout(r, 250));
      recovered = (await as(server.url, "GET", "/api/v1/decisions?limit=1")).status === 200;
    }
    const recoveredIn = performance.now() - up;
    await new Promise((r) => setTimeout(r, 1000));
    writing = false;
    await load;

    expect(recovered).toBe(true);
    const during = statuses.slice(downAt, upAt);
    expect(during.filter((s) => s === 503).length).toBeGreaterThan(0);
    console.info(
      `PostgreSQL down ${(downFor / 1000).toFixed(1)} s: ${during.length} requests answered meanwhile, ` +
        `${during.filter((s) => s === 503).length} of them 503; ${statuses.length} in all, ${confirmed} decisions confirmed, ` +
        `slowest answer ${Math.round(slowest.ms)} ms; answering again ${Math.round(recoveredIn)} ms after it was back`,
    );
    // A 500 names its cause only in the server's log.
    const failures = server
      .output()
      .split("\n")
      .filter((line) => line.includes("unhandled error"));
    expect(new Set(statuses.filter((s) => s >= 500)), failures.join("\n")).toEqual(new Set([503]));
    expect(statuses.filter((s) => ![200, 201, 503].includes(s))).toEqual([]);
    expect(statuses.slice(-8).every((s) => s === 200 || s === 201)).toBe(true);
    expect(slowest.ms).toBeLessThan(10_000);
    // Every decision the app confirmed is there; none is there twice.
    const listed = await as(server.url, "GET", "/api/v1/decisions?limit=200");
    const titles = listed.body.items.map((d: { title: string }) => d.title);
    expect(titles.length).toBeGreaterThanOrEqual(confirmed);
    expect(new Set(titles).size).toBe(titles.length);
  }, 90_000);

  it("a 503 says what happened and when to try again", async () => {
    pgCtl("-m", "fast", "stop");
    try {
      // Signed in moments ago: the session cannot be read now (nor trusted from memory, with the server's
      // notifications unheard) — 503, not 401 or 500.
      const reply = await as(server.url, "GET", "/api/v1/decisions");
      expect(reply.status).toBe(503);
      expect(reply.body.error.code).toBe("database_unavailable");
      expect(reply.body.error.message).toMatch(/database/i);
    } finally {
      startPostgres();
    }
  }, 60_000);
});
