import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bin, createWorkspace, env, exported, freshTarget, run, temp } from "./cli-helpers.ts";

describe("confidant import after a crash", () => {
  it("killed mid-import (kill -9), run again: it resumes from the last batch and ends as an uninterrupted run (on the database of the run)", async () => {
    const rows = 20_000;
    const csv = path.join(temp("crash-"), "opportunities.csv");
    const lines = ["Id,Name,AccountName,StageName,Amount,CloseDate,Description"];
    for (let i = 0; i < rows; i++)
      lines.push(
        `C${i},Deal ${i},Account ${i % 300},${["Prospecting", "Closed Won", "Closed Lost"][i % 3]},${(i % 97) * 10}.5,2027-0${1 + (i % 9)}-1${i % 9},"Note ${i}, with a comma"`,
      );
    writeFileSync(csv, `${lines.join("\n")}\n`);

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

function compare(expected: ReturnType<typeof exported>, actual: ReturnType<typeof exported>, rows: number) {
  const strip = (rows: Array<Record<string, unknown>>) =>
    rows
      .map(({ id: _i, account_id: _a, created_at: _c, updated_at: _u, ...rest }) => rest)
      .sort((a, b) => String(a.source_id).localeCompare(String(b.source_id)));
  expect(actual.read("decisions")).toHaveLength(rows);
  expect(strip(actual.read("decisions"))).toEqual(strip(expected.read("decisions")));
  expect(strip(actual.read("accounts"))).toEqual(strip(expected.read("accounts")));
}
