import type { DiagnosisLabel, DiagnosisReason, ReviewQuestion } from "../diagnostics/diagnose.ts";

const GUARDED: ReviewQuestion[] = ["problem", "impact", "why_change"];
const WORDS: Record<string, string> = { problem: "problem", impact: "impact", why_change: "why-change" };

/**
 * A decision may not be forecast as commit while the latest review's problem, impact or why-change answer
 * is seller-centric or vague: the forecast would rest on our view, not the customer's.
 */
export function commitBlockers(
  answers: {
    question: ReviewQuestion;
    label: DiagnosisLabel;
    reason: DiagnosisReason | null;
    explanation: string;
  }[],
) {
  return answers
    .filter((a) => GUARDED.includes(a.question) && a.label !== "customer")
    .map(
      (a) =>
        `The ${WORDS[a.question]} answer is ${a.label === "seller" ? "seller-centric" : "vague"}: ${a.explanation}`,
    );
}
