import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedData } from "../shared-data.ts";
import { inPostgresRun } from "./cli-helpers.ts";

const run = (args: string[]) =>
  spawnSync(process.execPath, ["bin/confidant.js", "forecast", "backtest", ...args], {
    encoding: "utf8",
    timeout: 170_000,
  });
const fixture = (name: string) => path.resolve("test/fixtures/forecast", name);
const KEYS = ["dataset", "n", "brier", "relative_gain", "ci95", "log_loss", "auc", "ece"];

describe.skipIf(inPostgresRun)(
  "confidant forecast backtest (reads files only: skipped as a repeat in the PostgreSQL run)",
  () => {
    it("replays a Maven-format pipeline and prints the JSON figures, revenue included", () => {
      const result = run(["--data", fixture("maven"), "--json"]);
      expect(result.status, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(Object.keys(report)).toEqual([...KEYS, "revenue_3m_error"]);
      expect(report).toMatchObject({ dataset: "maven", brier: { model: expect.any(Number) } });
      expect(report.n).toBeGreaterThan(0);
    });

    it("replays Olist-format leads, and prints a table by default", () => {
      const json = JSON.parse(run(["--data", fixture("olist"), "--json"]).stdout);
      expect(Object.keys(json)).toEqual(KEYS);
      const table = run(["--data", fixture("olist")]);
      expect(table.stdout).toContain("| Brier score (lower is better) |");
      expect(table.stdout).toMatch(
        /Relative Brier gain over the baseline: -?\d+\.\d% \(95% bootstrap interval/,
      );
    });

    it("says what is wrong with the folder or a file, naming the line, with exit status 2", () => {
      expect(run(["--data", "/no/such/folder"]).stderr).toContain("--data /no/such/folder: no such folder");
      const empty = mkdtempSync(path.join(tmpdir(), "forecast-"));
      const unknown = run(["--data", empty]);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain("no data set recognised");
      const broken = mkdtempSync(path.join(tmpdir(), "forecast-"));
      cpSync(fixture("maven"), broken, { recursive: true });
      const file = path.join(broken, "sales_pipeline.csv");
      const lines = readFileSync(file, "utf8").split("\n");
      lines[3] = lines[3]!.replace(/2016-\d\d-\d\d|2017-\d\d-\d\d/, "31/12/2017");
      writeFileSync(file, lines.join("\n"));
      const bad = run(["--data", broken]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/sales_pipeline\.csv: line 4: engage_date "31\/12\/2017" is not a date/);
    });
  },
);

describe("on the shared CRM data sets", () => {
  const shared = sharedData("data");
  it.skipIf(!shared.present)(
    "Olist: at least +3% over January's rate with the interval above 0; Maven: no worse than −1%, revenue error ≤ 60%",
    { timeout: 180_000 },
    () => {
      const olist = JSON.parse(run(["--data", shared.file("olist-marketing-funnel"), "--json"]).stdout);
      expect(olist.relative_gain).toBeGreaterThanOrEqual(0.03);
      expect(olist.ci95[0]).toBeGreaterThan(0);
      const maven = JSON.parse(run(["--data", shared.file("maven-crm"), "--json"]).stdout);
      expect(maven.relative_gain).toBeGreaterThanOrEqual(-0.01);
      expect(maven.revenue_3m_error.model).toBeLessThanOrEqual(0.6);
    },
  );
});
