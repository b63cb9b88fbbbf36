import type { CallAnalysis } from "./analyze.ts";

/**
 * Published norms, shown as guidance, not grades: in Gong Labs' analysis of recorded B2B calls, top performers
 * talk about 43% of the time and ask 11–14 questions in a discovery call.
 */
export const NORMS = { talkShare: 0.43, questionsLow: 11, questionsHigh: 14 } as const;

/** Roughly a minute of speech: past it, a monologue loses the listener. */
const MONOLOGUE_WORDS = 150;

export interface CoachingNote {
  key:
    | "talked_most"
    | "few_questions"
    | "no_insight"
    | "long_monologue"
    | "product_talk"
    | "discount"
    | "no_next_step";
  /** What happened, with the figure. */
  said: string;
  /** What to try next time. */
  tryNext: string;
}

/** A share as a whole percentage, as the coaching notes say it. */
export const pct = (x: number) => `${Math.round(x * 100)}%`;

/** What a seller could do differently next time, each with the figure that prompted it. */
export function coachingOf(a: CallAnalysis): CoachingNote[] {
  const notes: CoachingNote[] = [];
  if (a.sellerWordShare > 0.6)
    notes.push({
      key: "talked_most",
      said: `You talked ${pct(a.sellerWordShare)} of the time; top performers talk about ${pct(NORMS.talkShare)}.`,
      tryNext:
        "Ask, then stop: let them fill the silence, and play back what you heard before adding anything.",
    });
  if (a.questions.seller < NORMS.questionsLow)
    notes.push({
      key: "few_questions",
      said: `You asked ${a.questions.seller} question${a.questions.seller === 1 ? "" : "s"}; in discovery, top performers ask ${NORMS.questionsLow}–${NORMS.questionsHigh}.`,
      tryNext: "Prepare five open questions about how they work today and what it costs them.",
    });
  if (a.questionTypes.seller.insight === 0)
    notes.push({
      key: "no_insight",
      said: "You asked no question that challenged how they work today.",
      tryNext: "Try “Why do you do it that way rather than…?” or “What if…?” about something they told you.",
    });
  if (a.longestSellerMonologue.words > MONOLOGUE_WORDS)
    notes.push({
      key: "long_monologue",
      said: `Your longest turn ran ${a.longestSellerMonologue.words} words (about ${Math.round(a.longestSellerMonologue.words / 150)} min without a pause).`,
      tryNext: "Break a long explanation after a minute with a question: “Is that how it works for you?”",
    });
  if (a.sellerTalkTopics.ourProductShare > 0.6)
    notes.push({
      key: "product_talk",
      said: `${pct(a.sellerTalkTopics.ourProductShare)} of what you said was about our product, not their problem.`,
      tryNext:
        "Talk about their situation in their words first; show the product only against a problem they named.",
    });
  if (a.discountOffered.offered)
    notes.push({
      key: "discount",
      said: "You offered a price concession.",
      tryNext:
        "A discount trains customers to wait for the next one: tie the price to the cost of waiting they told you.",
    });
  if (!a.nextStep.agreed)
    notes.push({
      key: "no_next_step",
      said: "No next step was agreed with an owner and a specific date.",
      tryNext: "Propose a concrete next meeting on a named day, and ask who on their side will own it.",
    });
  return notes;
}
