import { diagnoseByRules } from "./rules.ts";
import type { Diagnosis, ReviewQuestion } from "./types.ts";

export * from "./types.ts";

export function diagnose(question: ReviewQuestion, answer: string): Diagnosis {
  return diagnoseByRules(question, answer);
}
