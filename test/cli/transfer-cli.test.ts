import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { fixture } from "../import/import-helpers.ts";
import { exported, inPostgresRun, run, temp, workspaceDir } from "./cli-helpers.ts";

/** The import's report goes to a temporary folder, never beside the fixtures. */
const reportAway = () => ["--report", path.join(temp("report-"), "report.csv")];

// Each command starts a process and opens the embedded database: seconds each on a small machine.
vi.setConfig({ testTimeout: 180_000 });

describe("confidant export, backup and restore", () => {
  it.skipIf(inPostgresRun)("export writes one file per kind with a header row; --bom for Excel", () => {
    const dataDir = workspaceDir();
    run(
      ["import", fixture("pipedrive-deals.csv"), fixture("pipedrive-organizations.csv"), ...reportAway()],
      dataDir,
    );
    const out = temp("export-csv-");
    const result = run(["export", "--format", "csv", "--out", out, "--bom"], dataDir);
    expect(result.status).toBe(0);
    for (const kind of ["accounts", "stakeholders", "decisions", "concerns", "reviews"])
      expect(existsSync(path.join(out, `${kind}.csv`))).toBe(true);
    const decisions = readFileSync(path.join(out, "decisions.csv"), "utf8");
    expect(decisions.startsWith("\uFEFFid,account_id,account_name,title")).toBe(true);
    expect(decisions).toContain(",no_decision,");
    expect(run(["export", "--format", "xml", "--out", out], dataDir).status).toBe(2);
  });

  it.skipIf(inPostgresRun)(
    "backup then restore into an empty data dir gives back every row; a second restore is refused",
    () => {
      const source = workspaceDir();
      run(
        ["import", fixture("salesforce-Account.csv"), fixture("salesforce-Opportunity.csv"), ...reportAway()],
        source,
      );
      const file = path.join(temp("backup-"), "confidant.jsonl.gz");
      const backup = run(["backup", file], source);
      expect(backup.status).toBe(0);
      expect(backup.stdout).toMatch(/Backed up \d+ tables, \d+ rows/);
      const target = temp("restore-");
      const restored = run(["restore", file], target);
      expect(restored.status).toBe(0);
      expect(exported(target).read("decisions")).toEqual(exported(source).read("decisions"));
      const twice = run(["restore", file], target);
      expect(twice.status).toBe(2);
      expect(twice.stderr).toContain("restore needs an empty database");
      const missing = run(["restore", path.join(target, "nope.jsonl")], temp("restore-"));
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain("cannot be read");
    },
  );

  it.skipIf(!process.env.DATABASE_URL)(
    "a backup of the embedded database restores into PostgreSQL, to move a team onto a server (runs with DATABASE_URL)",
    async () => {
      const source = workspaceDir();
      run(
        [
          "import",
          fixture("hubspot-companies.csv"),
          fixture("hubspot-contacts.csv"),
          fixture("hubspot-deals.csv"),
        ],
        source,
      );
      const file = path.join(temp("backup-"), "move.jsonl");
      expect(run(["backup", file], source).status).toBe(0);
      const database = `confidant_restore_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      try {
        const url = new URL(process.env.DATABASE_URL!);
        url.pathname = `/${database}`;
        const onServer = { DATABASE_URL: url.toString() };
        const restored = run(["restore", file], temp("unused-"), undefined, onServer);
        expect(restored.stderr).toBe("");
        expect(restored.status).toBe(0);
        const out = temp("export-pg-");
        expect(
          run(["export", "--format", "json", "--out", out], temp("unused-"), undefined, onServer).status,
        ).toBe(0);
        const onPostgres = JSON.parse(readFileSync(path.join(out, "decisions.json"), "utf8"));
        expect(onPostgres).toEqual(exported(source).read("decisions"));
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});
