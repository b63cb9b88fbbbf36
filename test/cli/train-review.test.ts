import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inPostgresRun } from "./cli-helpers.ts";

const run = (args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/train-review.ts", ...args], {
    encoding: "utf8",
    timeout: 170_000,
  });
const present = ["dev", "set-a", "set-c"].every((set) =>
  existsSync(`../shared/eval/review-answers.${set}.jsonl`),
);

describe.skipIf(inPostgresRun)(
  "npm run train:review (no database: skipped as a repeat in the PostgreSQL run)",
  () => {
    if (!present && process.env.CI === "true") {
      it("needs the shared sets under CI", () => {
        throw new Error(
          "The shared labelled sets are missing: CI must run with the shared data beside the project",
        );
      });
    }
    it("refuses an unknown argument and a broken extra file, naming the line, with exit status 2", () => {
      const unknown = run(["--fast"]);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain("unknown argument --fast");
      if (!present) return;
      const dir = mkdtempSync(path.join(tmpdir(), "train-"));
      const extra = path.join(dir, "corrections.jsonl");
      writeFileSync(extra, '{"id":"x","question":"problem","answer":"ok","label":"customer"}\nnot json\n');
      const broken = run(["--extra", extra, "--out", path.join(dir, "model.json")]);
      expect(broken.status).toBe(2);
      expect(broken.stderr).toContain("line 2: not valid JSON");
    });

    it.skipIf(!present)(
      "gives the committed weights from the shared sets, and the same weights on every run",
      { timeout: 180_000 },
      () => {
        const dir = mkdtempSync(path.join(tmpdir(), "train-"));
        const out = path.join(dir, "model.json");
        expect(run(["--out", out]).status).toBe(0);
        expect(readFileSync(out, "utf8")).toBe(
          readFileSync("src/domain/diagnostics/review-model.json", "utf8"),
        );
      },
    );
  },
);
