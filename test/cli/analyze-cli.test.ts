import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { inPostgresRun, run, temp } from "./cli-helpers.ts";

vi.setConfig({ testTimeout: 60_000 });

const call = (name: string) => path.resolve("test/fixtures/calls", name);

// The analysis reads no database: one run of these is enough.
describe.skipIf(inPostgresRun)("confidant analyze", () => {
  it("prints one JSON object with the truth files' field names; the same call in another format gives the same figures", () => {
    const vtt = run(["analyze", call("roastery.vtt"), "--seller", "Ravi Shah"], temp("analyze-"));
    expect(vtt.status).toBe(0);
    const report = JSON.parse(vtt.stdout);
    expect(report).toMatchObject({
      turns: { seller: 11, customer: 13, total: 24 },
      questions: { seller: 8 },
      next_step: { agreed: true, owner: "Tomas Berg" },
      discount_offered: { offered: true },
      call_type: "mixed",
    });
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        "seller_word_share",
        "questions_list",
        "customer_statements",
        "longest_seller_side_stretch",
      ]),
    );
    const otter = run(
      ["analyze", call("roastery.otter.txt"), "--seller", "ravi shah", "--format", "otter"],
      temp("analyze-"),
    );
    expect(JSON.parse(otter.stdout).words).toEqual(report.words);
  });

  it("bad input exits 2 and says what was wrong and where", () => {
    const dir = temp("analyze-");
    const unknown = run(["analyze", call("roastery.txt"), "--seller", "Nobody"], dir);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--seller names "Nobody", who does not speak in');
    const format = run(["analyze", call("roastery.txt"), "--format", "docx"], dir);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain("--format must be one of auto, vtt, srt, txt, otter, json");
    const broken = path.join(dir, "broken.txt");
    writeFileSync(broken, "Ann Lee: Hello there.\nthis line has no speaker\n");
    const line = run(["analyze", broken], dir);
    expect(line.status).toBe(2);
    expect(line.stderr).toContain('broken.txt: line 2: expected "Name: what they said"');
    expect(run(["analyze", path.join(dir, "missing.vtt")], dir).stderr).toContain("ENOENT");
  });
});
