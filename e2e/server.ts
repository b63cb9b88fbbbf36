import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test as base, type Page } from "@playwright/test";
import pg from "pg";

export interface Confidant {
  url: string;
  stop(): Promise<void>;
}

/** Where a server keeps its data: an embedded data dir, or with DATABASE_URL a PostgreSQL database. */
interface Target {
  env: NodeJS.ProcessEnv;
  database?: string;
  drop(): Promise<void>;
}

/** The run's migrated starting points (one with the demo seeded), made once by the global setup. */
interface Templates {
  plain: string;
  demo: string;
}
const TEMPLATES = "CONFIDANT_E2E_TEMPLATES";

/** A new, empty target — or a copy of `template` (a data dir, or a database name on the server). */
async function newTarget(template?: string): Promise<Target> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "confidant-e2e-"));
  const url = process.env.DATABASE_URL;
  // An embedded data dir takes ~150 MB: removed with its server.
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (!url) {
    if (template) cpSync(template, dataDir, { recursive: true });
    return { env: { CONFIDANT_DATA_DIR: dataDir }, drop: async () => removeDir() };
  }
  const name = `confidant_e2e_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    env: { CONFIDANT_DATA_DIR: dataDir, DATABASE_URL: target.toString() },
    database: name,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      removeDir();
    },
  };
}

async function serve(target: Target, demo: boolean, extra: NodeJS.ProcessEnv = {}): Promise<Confidant> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extra,
    PORT: "0",
    CONFIDANT_DEMO: demo ? "1" : "0",
    // The webhook receivers browser tests run listen on this machine.
    CONFIDANT_WEBHOOKS_ALLOW_PRIVATE: "1",
    ...target.env,
  };
  const child: ChildProcess = spawn(process.execPath, ["bin/confidant.js", "serve"], { env });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/open (http:\/\/\S+)/);
      if (match) resolve(match[1]!);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await target.drop();
    },
  };
}

/**
 * Starts the real server on a fresh database: a copy of the run's migrated template (seeded with the demo when
 * asked) — a new embedded data dir, or with DATABASE_URL a new PostgreSQL database, dropped afterwards.
 */
export async function startConfidant(options: {
  demo: boolean;
  env?: NodeJS.ProcessEnv;
}): Promise<Confidant> {
  const templates = process.env[TEMPLATES] ? (JSON.parse(process.env[TEMPLATES]) as Templates) : undefined;
  const target = await newTarget(templates?.[options.demo ? "demo" : "plain"]);
  return serve(target, options.demo, options.env);
}

/**
 * Made once per run (initdb, migrations and the demo's seeding cost each server seconds): a started and stopped
 * server's data, kept until the run ends. Returns what removes them.
 */
export async function makeTemplates(): Promise<() => Promise<void>> {
  const made: Target[] = [];
  const template = async (demo: boolean) => {
    const target = await newTarget();
    made.push(target);
    const server = await serve({ ...target, drop: async () => {} }, demo);
    await server.stop();
    return target.database ?? target.env.CONFIDANT_DATA_DIR!;
  };
  // Made side by side: each is mostly one process waiting on its own start-up.
  const [plain, demo] = await Promise.all([template(false), template(true)]);
  const templates: Templates = { plain, demo };
  process.env[TEMPLATES] = JSON.stringify(templates);
  return async () => {
    for (const target of made) await target.drop();
  };
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
}

export const test = base.extend<{ confidant: Confidant; demo: boolean; serverEnv: NodeJS.ProcessEnv }>({
  demo: [false, { option: true }],
  /** More environment for the server a test starts (a mail server's address, say). */
  serverEnv: [{}, { option: true }],
  confidant: async ({ demo, serverEnv }, use) => {
    const server = await startConfidant({ demo, env: serverEnv });
    await use(server);
    await server.stop();
  },
});
export { expect } from "@playwright/test";
