import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test as base, type Page } from "@playwright/test";
import pg from "pg";

export interface Confidant {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server on a fresh database: a new embedded data dir, or with DATABASE_URL a new
 * PostgreSQL database, dropped afterwards.
 */
export async function startConfidant(options: { demo: boolean }): Promise<Confidant> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    CONFIDANT_DEMO: options.demo ? "1" : "0",
    CONFIDANT_DATA_DIR: mkdtempSync(path.join(tmpdir(), "confidant-e2e-")),
  };
  let dropDatabase = async () => {};
  if (process.env.DATABASE_URL) {
    const name = `confidant_e2e_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
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
      await dropDatabase();
    },
  };
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
}

export const test = base.extend<{ confidant: Confidant; demo: boolean }>({
  demo: [false, { option: true }],
  confidant: async ({ demo }, use) => {
    const server = await startConfidant({ demo });
    await use(server);
    await server.stop();
  },
});
export { expect } from "@playwright/test";
