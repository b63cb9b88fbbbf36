import type { DiagnosisLabel, ReviewQuestion } from "../diagnostics/types.ts";

export interface AnswerSnapshot {
  question: ReviewQuestion;
  answer: string;
  label: DiagnosisLabel;
}

const RANK: Record<DiagnosisLabel, number> = { seller: 0, vague: 1, customer: 2 };

/** What changed between two reviews of one decision, question by question. */
export function compareReviews(before: AnswerSnapshot[], after: AnswerSnapshot[]) {
  return after.map((now) => {
    const then = before.find((b) => b.question === now.question);
    // An empty answer says nothing: it never improves on, or rewords, what was said before.
    const change = !now.answer.trim()
      ? "unanswered"
      : !then?.answer.trim()
        ? "new"
        : RANK[now.label] > RANK[then.label]
          ? "improved"
          : RANK[now.label] < RANK[then.label]
            ? "regressed"
            : then.answer.trim() === now.answer.trim()
              ? "unchanged"
              : "reworded";
    return { question: now.question, before: then ?? null, after: now, change };
  });
}
