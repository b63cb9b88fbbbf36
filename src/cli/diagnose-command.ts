import { readFileSync } from "node:fs";
import { parseAnswerLine } from "../domain/diagnostics/answer-line.ts";
import { diagnose, REVIEW_QUESTIONS, type ReviewQuestion } from "../domain/diagnostics/diagnose.ts";

export class DiagnoseUsageError extends Error {}

/** `confidant diagnose --question KEY "answer"`: one JSON object. */
export function diagnoseOne(question: string | undefined, answer: string | undefined) {
  if (!question)
    throw new DiagnoseUsageError(
      `--question is required with an answer (one of ${REVIEW_QUESTIONS.join(", ")})`,
    );
  if (!REVIEW_QUESTIONS.includes(question as ReviewQuestion)) {
    throw new DiagnoseUsageError(
      `--question must be one of ${REVIEW_QUESTIONS.join(", ")}, not "${question}"`,
    );
  }
  const result = diagnose(question as ReviewQuestion, answer ?? "");
  return JSON.stringify({
    label: result.label,
    reason: result.reason,
    explanation: result.explanation,
    suggestion: result.suggestion,
    signals: result.signals,
  });
}

/**
 * `confidant diagnose --jsonl FILE`: one `{"id","label","reason"}` line per input line, in order; a line
 * that is not UTF-8, not JSON or not a known question gets `{"id","error"}` and the run goes on.
 */
export function* diagnoseJsonl(file: string): Generator<string> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new DiagnoseUsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  let lineNumber = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    lineNumber++;
    const raw = bytes.subarray(start, end);
    start = end + 1;
    let text: string;
    try {
      text = decoder
        .decode(raw)
        .replace(/\r$/, "")
        .replace(/^\uFEFF/, "");
    } catch {
      yield JSON.stringify({ id: null, error: `line ${lineNumber}: not valid UTF-8` });
      continue;
    }
    if (!text.trim()) {
      yield JSON.stringify({ id: null, error: `line ${lineNumber}: empty line` });
      continue;
    }
    const line = parseAnswerLine(text, lineNumber);
    if (!line.ok) {
      yield JSON.stringify({ id: line.id, error: line.error });
      continue;
    }
    const result = diagnose(line.question, line.answer);
    yield JSON.stringify({ id: line.id, label: result.label, reason: result.reason });
  }
}
