// Readiness + milestone for 100,000 decisions with 5 stakeholders and 4 concerns each, in memory.
// Baselines in the same run: JSON round-trip of the same facts (the floor of touching every field) and
// the problem-statement diagnosis alone (the NLP part of readiness).
import { diagnose } from "../src/domain/diagnostics/diagnose.ts";
import { readinessOf } from "../src/domain/readiness/readiness.ts";
import { generateFacts } from "./fixtures.ts";
import { table } from "./lib.ts";

const count = Number(process.env.BENCH_DECISIONS ?? 100_000);
const facts = generateFacts(count);
const today = new Date("2026-11-26T00:00:00Z");

function measure(name: string, work: (i: number) => unknown) {
  for (let i = 0; i < Math.min(2000, count); i++) work(i); // warm up
  const started = performance.now();
  let sink = 0;
  for (let i = 0; i < count; i++) sink += work(i) ? 1 : 0;
  const seconds = (performance.now() - started) / 1000;
  return { name, seconds, perSecond: Math.round(count / seconds), sink };
}

const baseline = measure("JSON round-trip of the facts (baseline)", (i) =>
  JSON.parse(JSON.stringify(facts[i])),
);
const diagnosis = measure("problem diagnosis alone", (i) =>
  diagnose("problem", facts[i]!.problem.statement ?? ""),
);
const readiness = measure("readiness + milestone", (i) => readinessOf(facts[i]!, today));

console.log(`\nreadiness: ${count.toLocaleString("en")} decisions × 5 stakeholders × 4 concerns, one core\n`);
table(
  [baseline, diagnosis, readiness].map((r) => ({
    measure: r.name,
    "decisions/s": r.perSecond.toLocaleString("en"),
    seconds: r.seconds.toFixed(2),
    "µs each": ((r.seconds / count) * 1e6).toFixed(1),
    "× baseline time": (r.seconds / baseline.seconds).toFixed(1),
  })),
);
