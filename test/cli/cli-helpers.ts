/** Running the CLI against embedded data dirs (or PostgreSQL databases) of its own, as a user would. */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, inject } from "vitest";

export const bin = path.resolve("bin/confidant.js");
// An embedded data dir takes ~150 MB: each test file removes the folders it made when it ends.
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export const temp = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

/** A fresh embedded data dir, already migrated (a copy of the run's template; initdb costs seconds). */
export function migratedDataDir(prefix = "cli-data-") {
  const dataDir = temp(prefix);
  const template = inject("embeddedDataDir");
  if (template) cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

/** The embedded database in `dataDir`, unless `extra` names a server with DATABASE_URL. */
export function env(dataDir: string, extra: NodeJS.ProcessEnv = {}) {
  const e: NodeJS.ProcessEnv = { ...process.env, CONFIDANT_DATA_DIR: dataDir };
  delete e.DATABASE_URL;
  return { ...e, ...extra };
}

/** Runs the CLI on an embedded data dir, from a working folder of its own (where error reports land). */
export function run(args: string[], dataDir: string, cwd = temp("cli-cwd-"), extra: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: env(dataDir, extra),
    cwd,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, cwd };
}

/**
 * Where a CLI test keeps its data: a fresh embedded data dir, or — in the PostgreSQL run (DATABASE_URL) — a
 * fresh database on that server, dropped by `drop()`.
 */
export async function freshTarget() {
  const dataDir = migratedDataDir("cli-target-");
  const url = process.env.DATABASE_URL;
  if (!url) return { dataDir, env: {} as NodeJS.ProcessEnv, drop: async () => {} };
  const name = `confidant_cli_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    dataDir,
    env: { DATABASE_URL: target.toString() } as NodeJS.ProcessEnv,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export function workspaceDir(name = "Acme", extra: NodeJS.ProcessEnv = {}) {
  const dataDir = migratedDataDir("cli-import-");
  createWorkspace(dataDir, name, extra);
  return dataDir;
}

export function createWorkspace(dataDir: string, name = "Acme", extra: NodeJS.ProcessEnv = {}) {
  const made = run(
    [
      "member",
      "create",
      "--workspace",
      name,
      "--email",
      "admin@acme.test",
      "--role",
      "admin",
      "--password",
      "a-long-password",
    ],
    dataDir,
    undefined,
    extra,
  );
  expect(made.status).toBe(0);
}

export function exported(dataDir: string, extra: NodeJS.ProcessEnv = {}) {
  const out = temp("cli-export-");
  const result = run(["export", "--format", "json", "--out", out], dataDir, undefined, extra);
  expect(result.status).toBe(0);
  const read = (kind: string) =>
    JSON.parse(readFileSync(path.join(out, `${kind}.json`), "utf8")) as Array<Record<string, unknown>>;
  return { out, result, read };
}

/** CLI tests that never read DATABASE_URL are the same in both runs; the PostgreSQL run skips the repeat. */
export const inPostgresRun = Boolean(process.env.DATABASE_URL);
