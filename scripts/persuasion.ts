// PersuasionForGood (real chats: a persuader asks a persuadee to donate; the outcome is the actual donation):
// how the persuader's talk share and questions relate to whether the persuadee gave, with bootstrap 95%
// confidence intervals. Reported as it comes out, whatever it shows.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { analyzeCall } from "../src/domain/conversations/analyze.ts";
import type { Turn } from "../src/domain/conversations/transcript.ts";

interface Dialogue {
  id: string;
  share: number;
  questions: number;
  donated: boolean;
}

export function persuasionDialogues(dir: string): Dialogue[] {
  const rows = parse(readFileSync(path.join(dir, "full_dialog.csv")), { columns: true }) as Record<
    string,
    string
  >[];
  const info = parse(readFileSync(path.join(dir, "full_info.csv")), { columns: true }) as Record<
    string,
    string
  >[];
  const gave = new Map(info.filter((r) => r.B4 === "1").map((r) => [r.B2!, Number(r.B6) > 0]));
  const byDialogue = new Map<string, Turn[]>();
  for (const row of rows) {
    const turns = byDialogue.get(row.B2!) ?? [];
    const speaker = row.B4 === "0" ? "Persuader" : "Persuadee";
    const last = turns.at(-1);
    // Sentences of one person in a row, within one exchange, make one turn.
    if (last && last.speaker === speaker && String(last.line) === row.Turn)
      last.text += ` ${row.Unit!.trim()}`;
    else
      turns.push({
        turn: turns.length + 1,
        speaker,
        text: row.Unit!.trim(),
        start: null,
        end: null,
        line: Number(row.Turn),
      });
    byDialogue.set(row.B2!, turns);
  }
  return [...byDialogue]
    .filter(([id]) => gave.has(id))
    .map(([id, turns]) => {
      const a = analyzeCall(turns, ["Persuader"]);
      return { id, share: a.sellerWordShare, questions: a.questions.seller, donated: gave.get(id)! };
    });
}

/** A small seeded generator, so the intervals are the same on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const rate = (ds: Dialogue[]) => (ds.length ? ds.filter((d) => d.donated).length / ds.length : Number.NaN);

/** Donation rate above the median of a measure minus the rate at or below it. */
function difference(ds: Dialogue[], measure: (d: Dialogue) => number, cut: number) {
  return rate(ds.filter((d) => measure(d) > cut)) - rate(ds.filter((d) => measure(d) <= cut));
}

export function relation(ds: Dialogue[], measure: (d: Dialogue) => number, rounds = 2000) {
  const cut = median(ds.map(measure));
  const observed = difference(ds, measure, cut);
  const next = random(20190601);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const resample = Array.from({ length: ds.length }, () => ds[Math.floor(next() * ds.length)]!);
    samples.push(difference(resample, measure, cut));
  }
  samples.sort((a, b) => a - b);
  return {
    cut,
    above: rate(ds.filter((d) => measure(d) > cut)),
    below: rate(ds.filter((d) => measure(d) <= cut)),
    difference: observed,
    low: samples[Math.floor(rounds * 0.025)]!,
    high: samples[Math.floor(rounds * 0.975)]!,
  };
}
