import type { ReviewQuestion } from "../diagnostics/types.ts";
import { DAY_MS } from "../time.ts";
import { wholeMoney } from "../words.ts";

/** What the queue knows about one open decision. */
export interface QueueFacts {
  readiness: number;
  /** Readiness when the last review was completed, if there was one. */
  readinessAtLastReview: number | null;
  valueAmount: number | null;
  /** Value at which a decision counts as one of the team's larger ones (their upper quartile). */
  largeValue: number;
  currency: string;
  targetDate: string | null;
  openSevereConcerns: number;
  /** Answers of the latest review that were seller-centric or vague. */
  flaggedAnswers: { question: ReviewQuestion; label: "seller" | "vague" }[];
  hasBuyerCheckIn: boolean;
  /** The buyer whose own confidence fell most between their last two check-ins (averages, 1–5), if any. */
  confidenceDrop?: { name: string; previous: number; latest: number } | null;
  daysSinceLearned: number;
  reviewed: boolean;
}

const QUESTION_WORDS: Record<ReviewQuestion, string> = {
  problem: "the problem",
  impact: "what happens if they don't act",
  why_change: "why change, why now",
  worries: "their worries",
  consensus: "who must agree",
  confidence: "their confidence",
};

export const STALE_DAYS = 14;

/**
 * Risk of no decision, with the reasons in words. Points add up; the queue shows the riskiest first.
 * The rubric is in docs/reviews.md.
 */
export function riskOf(facts: QueueFacts, today: Date): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string) => {
    score += points;
    reasons.push(reason);
  };
  if (facts.readiness < 40) add(30, `Readiness is low: ${facts.readiness} of 100.`);
  else if (facts.readiness < 60) add(15, `Readiness is middling: ${facts.readiness} of 100.`);
  if (facts.readinessAtLastReview !== null && facts.readinessAtLastReview - facts.readiness >= 5) {
    add(
      20,
      `Readiness fell from ${facts.readinessAtLastReview} to ${facts.readiness} since the last review.`,
    );
  }
  if (facts.valueAmount !== null && facts.largeValue > 0 && facts.valueAmount >= facts.largeValue) {
    add(15, `One of the larger decisions (${wholeMoney(facts.valueAmount, facts.currency)}).`);
  }
  if (facts.targetDate) {
    const days = Math.round((Date.parse(`${facts.targetDate}T00:00:00Z`) - today.getTime()) / DAY_MS);
    if (days < 0) add(25, `The customer's target date passed ${-days} day${days === -1 ? "" : "s"} ago.`);
    else if (days <= 30) add(20, `The customer wants to decide in ${days} day${days === 1 ? "" : "s"}.`);
  }
  if (facts.openSevereConcerns > 0) {
    add(
      Math.min(20, 10 * facts.openSevereConcerns),
      `${facts.openSevereConcerns} open high-severity concern${facts.openSevereConcerns === 1 ? "" : "s"} without a response.`,
    );
  }
  for (const flagged of facts.flaggedAnswers.slice(0, 3)) {
    add(
      10,
      `In the last review, the answer on ${QUESTION_WORDS[flagged.question]} was ${flagged.label === "seller" ? "about us, not the customer" : "too vague to act on"}.`,
    );
  }
  if (!facts.hasBuyerCheckIn) add(10, "No buyer has confirmed their confidence yet.");
  const drop = facts.confidenceDrop;
  if (drop && drop.previous - drop.latest >= 0.5) {
    add(
      15,
      `${drop.name}'s confidence is falling (${drop.previous.toFixed(1)} → ${drop.latest.toFixed(1)} of 5 in their own check-ins).`,
    );
  }
  if (facts.daysSinceLearned >= STALE_DAYS)
    add(15, `Nothing new learned about the customer in ${facts.daysSinceLearned} days.`);
  if (!facts.reviewed) add(5, "Never reviewed.");
  return { score, reasons };
}

/** The value above which a decision is one of the larger ones: the upper quartile of the given values. */
export function upperQuartile(values: number[]) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.75)] ?? sorted.at(-1)!;
}
