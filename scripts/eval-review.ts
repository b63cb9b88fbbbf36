// `npm run eval:review [-- FILE]`: the answer diagnostics judged across authors. For each of the three shared
// sets, a model is trained on the other two authors' answers and measured on this one — the figure that
// predicts how the diagnostics do on answers by other people — for the rules alone, the model alone, the
// combination the product uses and the keyword baseline, in one table. With FILE, the shipped diagnostics
// are measured on that file (for example a workspace's exported corrections).

import { diagnose } from "../src/domain/diagnostics/diagnose.ts";
import { type Evaluation, evaluate, LABELS, type Scored } from "../src/domain/diagnostics/evaluation.ts";
import { featuresOf } from "../src/domain/diagnostics/features.ts";
import { keywordBaseline } from "../src/domain/diagnostics/keyword-baseline.ts";
import { diagnoseWith } from "../src/domain/diagnostics/learned.ts";
import { classOf, labelOf, predict, scorerOf, TRAINING, train } from "../src/domain/diagnostics/model.ts";
import { diagnoseByRules, readByRules } from "../src/domain/diagnostics/rules.ts";
import { type LabelledAnswer, readLabelled, SETS, type SetName, setFile } from "./review-data.ts";

type Method = "rules" | "model" | "combined" | "keyword";
const METHODS: Method[] = ["combined", "model", "rules", "keyword"];
type Prediction = { label: Scored["predictedLabel"]; reason: Scored["predictedReason"] };

function score(rows: LabelledAnswer[], predict: (row: LabelledAnswer) => Prediction) {
  return evaluate(
    rows.map((row) => {
      const p = predict(row);
      return { label: row.label, reason: row.reason, predictedLabel: p.label, predictedReason: p.reason };
    }),
  );
}

const fixed = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function details(name: string, e: Evaluation) {
  console.log(`\n${name} (${e.count} answers)`);
  console.log(
    `  per reason: ${Object.entries(e.perReason)
      .map(([r, v]) => `${r} ${pct(v.accuracy)} of ${v.count}`)
      .join(", ")}`,
  );
  console.log("  confusion (rows truth, columns predicted):");
  console.log(`    ${"".padEnd(9)}${LABELS.map((l) => l.padStart(9)).join("")}`);
  for (const truth of LABELS)
    console.log(
      `    ${truth.padEnd(9)}${LABELS.map((p) => String(e.confusion[truth][p]).padStart(9)).join("")}`,
    );
}

const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (file) {
  let rows: LabelledAnswer[];
  try {
    rows = readLabelled(file);
  } catch (error) {
    console.error(`eval:review: ${(error as Error).message}`);
    process.exit(2);
  }
  const shipped = score(rows, (r) => diagnose(r.question, r.answer));
  console.log(`${file} (${rows.length} answers)\n`);
  console.log("| method | needs-work P | R | F1 | label acc. | reason acc. |");
  console.log("|---|---|---|---|---|---|");
  for (const [name, e] of [
    ["shipped (rules + model)", shipped],
    ["rules alone", score(rows, (r) => diagnoseByRules(r.question, r.answer))],
    ["keyword", score(rows, (r) => keywordBaseline(r.answer))],
  ] as const)
    console.log(
      `| ${name} | ${fixed(e.needsWork.precision)} | ${fixed(e.needsWork.recall)} | ${fixed(e.needsWork.f1)} | ${fixed(e.labelAccuracy)} | ${fixed(e.reasonAccuracy)} |`,
    );
  details("Shipped diagnostics", shipped);
  process.exit(0);
}

let sets: Record<SetName, LabelledAnswer[]>;
try {
  sets = Object.fromEntries(SETS.map((s) => [s, readLabelled(setFile(s))])) as typeof sets;
} catch (error) {
  console.error(`eval:review: ${(error as Error).message}. Pass a JSONL file: npm run eval:review -- FILE`);
  process.exit(2);
}

const featuresOfRow = new Map<LabelledAnswer, ReturnType<typeof featuresOf>>();
for (const rows of Object.values(sets))
  for (const r of rows) featuresOfRow.set(r, featuresOf(r.question, readByRules(r.answer)));

const results: Record<SetName, Record<Method, Evaluation>> = {} as never;
for (const held of SETS) {
  const training = SETS.filter((s) => s !== held).flatMap((s) => sets[s]);
  const model = scorerOf(
    train(
      training.map((r) => ({ features: featuresOfRow.get(r)!, class: classOf(r.label, r.reason) })),
      TRAINING,
    ),
  );
  const rows = sets[held];
  results[held] = {
    combined: score(rows, (r) => diagnoseWith(model, r.question, r.answer)),
    model: score(rows, (r) => labelOf(predict(model, featuresOfRow.get(r)!).class)),
    rules: score(rows, (r) => diagnoseByRules(r.question, r.answer)),
    keyword: score(rows, (r) => keywordBaseline(r.answer)),
  };
}

console.log("Answer diagnostics across authors: trained on two authors' sets, measured on the third\n");
console.log(
  "| measured on (trained on the others) | method | needs-work P | R | F1 | label acc. | reason acc. |",
);
console.log("|---|---|---|---|---|---|---|");
for (const held of SETS)
  for (const m of METHODS) {
    const e = results[held][m];
    console.log(
      `| ${held} | ${m} | ${fixed(e.needsWork.precision)} | ${fixed(e.needsWork.recall)} | ${fixed(e.needsWork.f1)} | ${fixed(e.labelAccuracy)} | ${fixed(e.reasonAccuracy)} |`,
    );
  }
const mean = (m: Method, pick: (e: Evaluation) => number, over: readonly SetName[] = SETS) =>
  over.reduce((sum, s) => sum + pick(results[s][m]), 0) / over.length;
for (const [name, over] of [
  ["mean of the three", SETS],
  ["mean of set-a and set-c (the rules were written on dev)", ["set-a", "set-c"] as const],
] as const)
  for (const m of METHODS)
    console.log(
      `| ${name} | ${m} | | | ${fixed(mean(m, (e) => e.needsWork.f1, over))} | ${fixed(mean(m, (e) => e.labelAccuracy, over))} | ${fixed(mean(m, (e) => e.reasonAccuracy, over))} |`,
    );

for (const held of SETS) details(`Combined, measured on ${held}`, results[held].combined);

const targets = [
  ["needs-work F1 ≥ 0.95", mean("combined", (e) => e.needsWork.f1) >= 0.95],
  ["label accuracy ≥ 0.92", mean("combined", (e) => e.labelAccuracy) >= 0.92],
  ["reason accuracy ≥ 0.85", mean("combined", (e) => e.reasonAccuracy) >= 0.85],
  [
    "every rotation above the keyword baseline on all three figures",
    SETS.every((s) => {
      const [c, k] = [results[s].combined, results[s].keyword];
      return (
        c.needsWork.f1 > k.needsWork.f1 &&
        c.labelAccuracy > k.labelAccuracy &&
        c.reasonAccuracy > k.reasonAccuracy
      );
    }),
  ],
] as const;
console.log(
  `\nTargets (cross-author mean): ${targets.map(([name, met]) => `${met ? "met" : "MISSED"}: ${name}`).join("; ")}`,
);
