// `npm run eval:review [-- FILE]`: the answer diagnostics over a labelled JSONL set (by default the shared
// dev set), against the keyword baseline, with the targets the review issue sets.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseAnswerLine } from "../src/domain/diagnostics/answer-line.ts";
import { diagnose } from "../src/domain/diagnostics/diagnose.ts";
import { type Evaluation, evaluate, LABELS, type Scored } from "../src/domain/diagnostics/evaluation.ts";
import { keywordBaseline } from "../src/domain/diagnostics/keyword-baseline.ts";

const file =
  process.argv[2] ?? path.resolve(import.meta.dirname, "../../shared/eval/review-answers.dev.jsonl");
if (!existsSync(file)) {
  console.error(
    `eval:review: no labelled answers at ${file}. Pass a JSONL file: npm run eval:review -- FILE`,
  );
  process.exit(2);
}

const ours: Scored[] = [];
const baseline: Scored[] = [];
const misses: string[] = [];
const lines = readFileSync(file, "utf8").split(/\r?\n/);
for (const [index, text] of lines.entries()) {
  if (!text.trim()) continue;
  const line = parseAnswerLine(text, index + 1);
  if (!line.ok) {
    console.error(line.error);
    continue;
  }
  const truth = {
    label: line.record.label as Scored["label"],
    reason: (line.record.reason ?? null) as Scored["reason"],
  };
  const d = diagnose(line.question, line.answer);
  ours.push({ ...truth, predictedLabel: d.label, predictedReason: d.reason });
  const k = keywordBaseline(line.answer);
  baseline.push({ ...truth, predictedLabel: k.label, predictedReason: k.reason });
  if (d.label !== truth.label || d.reason !== truth.reason) {
    misses.push(
      `  ${String(line.id).padEnd(6)} ${truth.label}/${truth.reason ?? "-"} → ${d.label}/${d.reason ?? "-"}: ${line.answer.slice(0, 90)}`,
    );
  }
}

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
function report(name: string, e: Evaluation) {
  console.log(`\n${name} (${e.count} answers)`);
  console.log(
    `  needs work (seller or vague): precision ${pct(e.needsWork.precision)}, recall ${pct(e.needsWork.recall)}, F1 ${e.needsWork.f1.toFixed(3)}`,
  );
  console.log(`  label accuracy ${pct(e.labelAccuracy)}, reason accuracy ${pct(e.reasonAccuracy)}`);
  console.log(
    `  per label: ${LABELS.map((l) => `${l} ${pct(e.perLabel[l].accuracy)} of ${e.perLabel[l].count}`).join(", ")}`,
  );
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

const result = evaluate(ours);
report("Confidant diagnostics", result);
report("Keyword baseline", evaluate(baseline));
const targets = [
  ["needs-work F1 ≥ 0.95", result.needsWork.f1 >= 0.95],
  ["label accuracy ≥ 0.90", result.labelAccuracy >= 0.9],
  ["reason accuracy ≥ 0.85", result.reasonAccuracy >= 0.85],
] as const;
console.log(`\nTargets: ${targets.map(([name, met]) => `${met ? "met" : "MISSED"}: ${name}`).join("; ")}`);
if (misses.length) console.log(`\nMisclassified (${misses.length}):\n${misses.join("\n")}`);
