import type { SellerReason } from "./lexicon.ts";
import type { Signals } from "./signals.ts";

export const REVIEW_QUESTIONS = [
  "problem",
  "impact",
  "why_change",
  "worries",
  "consensus",
  "confidence",
] as const;
export type ReviewQuestion = (typeof REVIEW_QUESTIONS)[number];
export type DiagnosisLabel = "customer" | "seller" | "vague";
export type DiagnosisReason = SellerReason | "vague";

export const MAX_ANSWER = 5000;

export interface Diagnosis {
  question: ReviewQuestion;
  label: DiagnosisLabel;
  reason: DiagnosisReason | null;
  explanation: string;
  suggestion: string;
  signals: Signals;
  /** The words that pointed at us rather than the customer, by reason. */
  cues: { reason: SellerReason; text: string }[];
  truncated: boolean;
}
