/** Running the CLI against embedded data dirs of its own, as a user would. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";

export const bin = path.resolve("bin/confidant.js");
export const temp = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));

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

export function workspaceDir(name = "Acme") {
  const dataDir = temp("cli-import-");
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
  );
  expect(made.status).toBe(0);
  return dataDir;
}

export function exported(dataDir: string) {
  const out = temp("cli-export-");
  const result = run(["export", "--format", "json", "--out", out], dataDir);
  expect(result.status).toBe(0);
  const read = (kind: string) =>
    JSON.parse(readFileSync(path.join(out, `${kind}.json`), "utf8")) as Array<Record<string, unknown>>;
  return { out, result, read };
}
