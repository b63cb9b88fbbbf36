// `npm run train:review [-- --extra FILE] [--out FILE]`: trains the answer diagnostics' model on the three authors' labelled
// sets (and a workspace's exported corrections, if given), with a fixed seed, and writes the small weights
// file the diagnostics load. Reads only those files; the same data always gives the same weights.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { featuresOf } from "../src/domain/diagnostics/features.ts";
import { classOf, compact, TRAINING, train } from "../src/domain/diagnostics/model.ts";
import { readByRules } from "../src/domain/diagnostics/rules.ts";
import { type LabelledAnswer, readLabelled, SETS, setFile } from "./review-data.ts";

const args = process.argv.slice(2);
const extras: string[] = [];
let out = path.resolve(import.meta.dirname, "../src/domain/diagnostics/review-model.json");
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--extra" && args[i + 1]) extras.push(args[++i]!);
  else if (args[i] === "--out" && args[i + 1]) out = path.resolve(args[++i]!);
  else {
    console.error(
      `train:review: unknown argument ${args[i]}. Usage: npm run train:review [-- --extra FILE] [--out FILE]`,
    );
    process.exit(2);
  }
}

let rows: LabelledAnswer[];
try {
  rows = [...SETS.flatMap((s) => readLabelled(setFile(s))), ...extras.flatMap((f) => readLabelled(f))];
} catch (error) {
  console.error(`train:review: ${(error as Error).message}`);
  process.exit(2);
}
const model = compact(
  train(
    rows.map((r) => ({
      features: featuresOf(r.question, readByRules(r.answer)),
      class: classOf(r.label, r.reason),
    })),
    TRAINING,
  ),
);
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(
  `Trained on ${rows.length} answers (${SETS.join(", ")}${extras.length ? `, ${extras.join(", ")}` : ""}): ${Object.keys(model.weights).length} features → ${path.relative(process.cwd(), out)}`,
);
console.log("Cross-author figures: npm run eval:review");
