// The labelled review answers by the three authors, read once for training and evaluation.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseAnswerLine } from "../src/domain/diagnostics/answer-line.ts";
import type { DiagnosisLabel, DiagnosisReason, ReviewQuestion } from "../src/domain/diagnostics/types.ts";

export interface LabelledAnswer {
  id: string;
  question: ReviewQuestion;
  answer: string;
  label: DiagnosisLabel;
  reason: DiagnosisReason | null;
}

export const SETS = ["dev", "set-a", "set-c"] as const;
export type SetName = (typeof SETS)[number];

export const sharedEval = path.resolve(import.meta.dirname, "../../shared/eval");
export const setFile = (set: SetName) => path.join(sharedEval, `review-answers.${set}.jsonl`);

/** A JSONL file of labelled answers; a line that is not one stops with its line number. */
export function readLabelled(file: string): LabelledAnswer[] {
  if (!existsSync(file)) throw new Error(`no labelled answers at ${file}`);
  const out: LabelledAnswer[] = [];
  for (const [index, text] of readFileSync(file, "utf8").split(/\r?\n/).entries()) {
    if (!text.trim()) continue;
    const line = parseAnswerLine(text, index + 1);
    if (!line.ok) throw new Error(`${file}: ${line.error}`);
    const { label, reason } = line.record as { label?: string; reason?: string | null };
    if (!["customer", "seller", "vague"].includes(label ?? ""))
      throw new Error(`${file}: line ${index + 1}: label must be customer, seller or vague`);
    out.push({
      id: String(line.id),
      question: line.question,
      answer: line.answer,
      label: label as DiagnosisLabel,
      reason: (reason ?? null) as DiagnosisReason | null,
    });
  }
  return out;
}
