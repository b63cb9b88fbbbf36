// Answer diagnostics: answers per second on one core over the dev set repeated to 100,000 answers, against
// the bare wink-nlp tokenizer (readDoc on the same text) in the same run.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { diagnose, type ReviewQuestion } from "../src/domain/diagnostics/diagnose.ts";
import { nlp } from "../src/domain/diagnostics/nlp.ts";
import { table } from "./lib.ts";

const file = path.resolve(import.meta.dirname, "../../shared/eval/review-answers.dev.jsonl");
const count = Number(process.env.BENCH_ANSWERS ?? 100_000);
const samples: { question: ReviewQuestion; answer: string }[] = existsSync(file)
  ? readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line))
  : [
      { question: "problem", answer: "They need to buy a CRM." },
      {
        question: "impact",
        answer: "Claims are denied at 12% versus a 5% benchmark because of coding errors; about $4M a year.",
      },
    ];
if (!existsSync(file)) console.log("The shared dev set is not here; measuring two built-in answers instead.");
const answers = Array.from({ length: count }, (_, i) => samples[i % samples.length]!);

function measure(name: string, work: (a: (typeof answers)[number]) => unknown) {
  for (const a of answers.slice(0, 1000)) work(a);
  const started = performance.now();
  for (const a of answers) work(a);
  const seconds = (performance.now() - started) / 1000;
  return { name, seconds };
}

const n = nlp();
const tokenizer = measure("wink-nlp readDoc + tokens (baseline)", (a) =>
  n.readDoc(a.answer).tokens().length(),
);
const diagnostics = measure("diagnose (rules + NLP + signals)", (a) => diagnose(a.question, a.answer));
const bytes = answers.reduce((sum, a) => sum + Buffer.byteLength(a.answer), 0);
console.log(
  `\ndiagnostics: ${count.toLocaleString("en")} answers (${(bytes / 1e6).toFixed(1)} MB), one core\n`,
);
table(
  [tokenizer, diagnostics].map((r) => ({
    measure: r.name,
    "answers/s": Math.round(count / r.seconds).toLocaleString("en"),
    "MB/s": (bytes / 1e6 / r.seconds).toFixed(2),
    seconds: r.seconds.toFixed(2),
    "× baseline time": (r.seconds / tokenizer.seconds).toFixed(2),
  })),
);
