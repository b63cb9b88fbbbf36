import { REVIEW_QUESTIONS, type ReviewQuestion } from "./types.ts";

export type AnswerLine =
  | { ok: true; id: unknown; question: ReviewQuestion; answer: string; record: Record<string, unknown> }
  | { ok: false; id: unknown; error: string };

/** One JSONL line of `{"id","question","answer",…}`; anything wrong is an error for that line alone. */
export function parseAnswerLine(text: string, lineNumber: number): AnswerLine {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    return { ok: false, id: null, error: `line ${lineNumber}: not valid JSON (${(error as Error).message})` };
  }
  if (!record || typeof record !== "object" || Array.isArray(record)) {
    return { ok: false, id: null, error: `line ${lineNumber}: expected a JSON object` };
  }
  const fields = record as Record<string, unknown>;
  const id = fields.id ?? null;
  if (!REVIEW_QUESTIONS.includes(fields.question as ReviewQuestion)) {
    return {
      ok: false,
      id,
      error: `line ${lineNumber}: question must be one of ${REVIEW_QUESTIONS.join(", ")}`,
    };
  }
  if (fields.answer !== undefined && fields.answer !== null && typeof fields.answer !== "string") {
    return { ok: false, id, error: `line ${lineNumber}: answer must be a string` };
  }
  return {
    ok: true,
    id,
    question: fields.question as ReviewQuestion,
    answer: (fields.answer as string | undefined) ?? "",
    record: fields,
  };
}
