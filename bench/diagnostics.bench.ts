// Answer diagnostics: answers per second on one core over the three authors' labelled answers repeated to
// 100,000, against the bare tokenizer (normalizing and splitting the same text into words) in the same run,
// with the p99 time of one answer; the rules alone beside the shipped rules + model.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { diagnose, type ReviewQuestion } from "../src/domain/diagnostics/diagnose.ts";
import { normalize } from "../src/domain/diagnostics/normalize.ts";
import { diagnoseByRules } from "../src/domain/diagnostics/rules.ts";
import { tokensOf } from "../src/domain/diagnostics/tokens.ts";
import { table } from "./lib.ts";

const files = ["dev", "set-a", "set-c"].map((set) =>
  path.resolve(import.meta.dirname, `../../shared/eval/review-answers.${set}.jsonl`),
);
const present = files.every((f) => existsSync(f));
const count = Number(process.env.BENCH_ANSWERS ?? 100_000);
const samples: { question: ReviewQuestion; answer: string }[] = present
  ? files.flatMap((file) =>
      readFileSync(file, "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    )
  : [
      { question: "problem", answer: "They need to buy a CRM." },
      {
        question: "impact",
        answer: "Claims are denied at 12% versus a 5% benchmark because of coding errors; about $4M a year.",
      },
    ];
if (!present) console.log("The shared labelled sets are not here; measuring two built-in answers instead.");
const answers = Array.from({ length: count }, (_, i) => samples[i % samples.length]!);

function measure(name: string, work: (a: (typeof answers)[number]) => unknown) {
  for (const a of answers.slice(0, 1000)) work(a);
  const each = new Float64Array(answers.length);
  const started = performance.now();
  for (let i = 0; i < answers.length; i++) {
    const t = performance.now();
    work(answers[i]!);
    each[i] = performance.now() - t;
  }
  const seconds = (performance.now() - started) / 1000;
  each.sort();
  return { name, seconds, p99: each[Math.floor(each.length * 0.99)]! };
}

const tokenizer = measure("normalize + tokens (baseline)", (a) => tokensOf(normalize(a.answer)).length);
const rules = measure("rules alone (tokens + signals + cues)", (a) => diagnoseByRules(a.question, a.answer));
const diagnostics = measure("diagnose (rules + learned model)", (a) => diagnose(a.question, a.answer));
const bytes = answers.reduce((sum, a) => sum + Buffer.byteLength(a.answer), 0);
console.log(
  `\ndiagnostics: ${count.toLocaleString("en")} answers (${(bytes / 1e6).toFixed(1)} MB), one core\n`,
);
table(
  [tokenizer, rules, diagnostics].map((r) => ({
    measure: r.name,
    "answers/s": Math.round(count / r.seconds).toLocaleString("en"),
    "MB/s": (bytes / 1e6 / r.seconds).toFixed(2),
    seconds: r.seconds.toFixed(2),
    "p99 ms": r.p99.toFixed(3),
    "× baseline time": (r.seconds / tokenizer.seconds).toFixed(2),
  })),
);
console.log("\ntarget: ≥ 5,000 answers/s and p99 ≤ 5 ms per answer for diagnose");
