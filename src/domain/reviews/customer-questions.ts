import type { ReviewQuestion } from "../diagnostics/types.ts";

/** The customer questions every review asks, in order. */
export const CUSTOMER_QUESTIONS: Record<ReviewQuestion, string> = {
  problem: "What problem is the customer trying to solve?",
  impact: "What happens if they don't solve it?",
  why_change: "Why do they need to change — and why now?",
  worries: "What are they worried about, individually and as an organization?",
  consensus: "Who must agree, and do they?",
  confidence: "How confident are they — in the problem, the solution, the risks, what it means to them?",
};
