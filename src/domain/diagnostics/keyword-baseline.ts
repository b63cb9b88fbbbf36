import type { DiagnosisLabel, DiagnosisReason } from "./types.ts";

/**
 * The one-line keyword rule the diagnostics are compared with: an answer mentioning us, a discount or a
 * demo needs work; the first keyword picks the reason. Kept only to show the gain in `npm run eval:review`.
 */
const KEYWORDS: [RegExp, DiagnosisReason][] = [
  [/\bdiscount|price|pricing|% off\b/i, "discount_reflex"],
  [/\bdemo|webinar|inbound|reached out\b/i, "inbound_interest"],
  [/\bfeatures?|competitor\b/i, "feature_checklist"],
  [/\b(our|we|us)\b/i, "product_as_problem"],
];

export function keywordBaseline(answer: string): { label: DiagnosisLabel; reason: DiagnosisReason | null } {
  for (const [pattern, reason] of KEYWORDS) if (pattern.test(answer)) return { label: "seller", reason };
  if (answer.trim().split(/\s+/).length < 6) return { label: "vague", reason: "vague" };
  return { label: "customer", reason: null };
}
