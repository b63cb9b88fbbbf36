import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { fixture } from "../import/import-helpers.ts";
import { bin, createWorkspace, env, exported, freshTarget, inPostgresRun, run, temp } from "./cli-helpers.ts";

function opportunities(rows: number) {
  const csv = path.join(temp("crash-"), "opportunities.csv");
  const lines = ["Id,Name,AccountName,StageName,Amount,CloseDate,Description"];
  for (let i = 0; i < rows; i++)
    lines.push(
      `C${i},Deal ${i},Account ${i % 300},${["Prospecting", "Closed Won", "Closed Lost"][i % 3]},${(i % 97) * 10}.5,2027-0${1 + (i % 9)}-1${i % 9},"Note ${i}, with a comma"`,
    );
  writeFileSync(csv, `${lines.join("\n")}\n`);
  return csv;
}

describe("confidant import after a crash", () => {
  it("killed mid-import (kill -9), run again: it resumes from the last batch and ends as an uninterrupted run (on the database of the run)", async () => {
    const rows = 20_000;
    const csv = opportunities(rows);

    const targets: Array<Awaited<ReturnType<typeof freshTarget>>> = [];
    const target = async () => {
      const made = await freshTarget();
      targets.push(made);
      createWorkspace(made.dataDir, "Acme", made.env);
      return made;
    };
    try {
      const reference = await target();
      const started = Date.now();
      expect(run(["import", csv], reference.dataDir, undefined, reference.env).stdout).toContain(
        `imported: ${rows} created`,
      );
      const took = Date.now() - started;

      let resumed = false;
      let crashed = reference;
      for (const fraction of [0.6, 0.75, 0.45, 0.85]) {
        crashed = await target();
        const child = spawn(process.execPath, [bin, "import", csv], {
          env: env(crashed.dataDir, crashed.env),
          cwd: temp("cli-cwd-"),
          stdio: "ignore",
        });
        await new Promise((resolve) => setTimeout(resolve, took * fraction));
        child.kill("SIGKILL");
        await new Promise((resolve) => child.once("exit", resolve));
        // A killed process leaves its lock behind; the next run sees the process is gone and takes over.
        const again = run(["import", csv], crashed.dataDir, undefined, crashed.env);
        expect(again.status).toBe(0);
        if (again.stderr.includes("Resuming interrupted import")) {
          resumed = true;
          expect(again.stdout).toMatch(/imported: \d+ created/);
          break;
        }
      }
      expect(resumed, "the kill never landed while rows were being written").toBe(true);
      compare(exported(reference.dataDir, reference.env), exported(crashed.dataDir, crashed.env), rows);
    } finally {
      for (const made of targets) await made.drop();
    }
  }, 300_000);
});

describe("two imports at once", () => {
  // The embedded database refuses a second process outright (its data dir is locked); PostgreSQL takes many.
  it.runIf(inPostgresRun)(
    "on PostgreSQL, a second import into a workspace while one runs is refused, and the first ends as it would alone",
    async () => {
      const target = await freshTarget();
      const client = new pg.Client({ connectionString: target.env.DATABASE_URL });
      try {
        createWorkspace(target.dataDir, "Acme", target.env);
        // Long enough that the second command (a new process, slow to start on a busy machine) always finds the
        // first still running.
        const rows = 60_000;
        const first = spawn(process.execPath, [bin, "import", opportunities(rows)], {
          env: env(target.dataDir, target.env),
          cwd: temp("cli-cwd-"),
          stdio: ["ignore", "pipe", "ignore"],
        });
        let stdout = "";
        first.stdout?.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
        });
        const exited = new Promise<number | null>((resolve) => first.once("exit", resolve));
        await client.connect();
        const runningNow = async () =>
          (
            await client
              .query("SELECT 1 FROM import_run WHERE status = 'running'")
              .catch(() => ({ rowCount: 0 }))
          ).rowCount;
        for (let i = 0; i < 300 && !(await runningNow()); i++)
          await new Promise((resolve) => setTimeout(resolve, 50));
        const second = run(["import", fixture("maven-pipeline.csv")], target.dataDir, undefined, target.env);
        expect(second.status).toBe(1);
        expect(second.stderr).toContain("another import into this workspace is running now");
        expect(await exited).toBe(0);
        expect(stdout).toContain(`imported: ${rows} created`);
      } finally {
        await client.end();
        await target.drop();
      }
    },
    120_000,
  );
});

function compare(expected: ReturnType<typeof exported>, actual: ReturnType<typeof exported>, rows: number) {
  const strip = (rows: Array<Record<string, unknown>>) =>
    rows
      .map(({ id: _i, account_id: _a, created_at: _c, updated_at: _u, ...rest }) => rest)
      .sort((a, b) => String(a.source_id).localeCompare(String(b.source_id)));
  expect(actual.read("decisions")).toHaveLength(rows);
  expect(strip(actual.read("decisions"))).toEqual(strip(expected.read("decisions")));
  expect(strip(actual.read("accounts"))).toEqual(strip(expected.read("accounts")));
}
