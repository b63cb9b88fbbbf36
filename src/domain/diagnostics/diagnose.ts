import { diagnoseLearned } from "./learned.ts";
import type { Diagnosis, ReviewQuestion } from "./types.ts";

export * from "./types.ts";

/** The diagnosis of one review answer: the rules and the learned model together (learned.ts). */
export function diagnose(question: ReviewQuestion, answer: string): Diagnosis {
  return diagnoseLearned(question, answer);
}
