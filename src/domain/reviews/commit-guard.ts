import type { DiagnosisLabel, DiagnosisReason, ReviewQuestion } from "../diagnostics/types.ts";
import type { Milestone } from "../readiness/milestone.ts";

const GUARDED: ReviewQuestion[] = ["problem", "impact", "why_change"];
const WORDS: Record<string, string> = { problem: "problem", impact: "impact", why_change: "why-change" };

/** Commit is a promise about the customer's decision: they must at least have agreed a plan to make it. */
export const COMMIT_NEEDS: Milestone = "plan_agreed";

/**
 * Why a decision may not be forecast as commit, each reason in words: customer evidence still missing up to
 * the plan being agreed (whether or not anyone reviewed it), and the latest review's problem, impact or
 * why-change answer being seller-centric or vague — the forecast would rest on our view, not the customer's.
 */
export function commitBlockers(
  answers: {
    question: ReviewQuestion;
    label: DiagnosisLabel;
    reason: DiagnosisReason | null;
    explanation: string;
  }[],
  evidence: { readiness: number; missing: string[] },
) {
  return [
    ...evidence.missing.map(
      (missing) => `Missing from the customer (readiness ${evidence.readiness} of 100): ${missing}.`,
    ),
    ...answers
      .filter((a) => GUARDED.includes(a.question) && a.label !== "customer")
      .map(
        (a) =>
          `The ${WORDS[a.question]} answer is ${a.label === "seller" ? "seller-centric" : "vague"}: ${a.explanation}`,
      ),
  ];
}
