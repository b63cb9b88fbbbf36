import type { DiagnosisReason, ReviewQuestion } from "./types.ts";

/**
 * The better question to take back to the customer, by review question and by what was wrong with the
 * answer. They use the forms "What if…", "Have you ever considered…", "Why are you doing things this way…"
 * where those fit.
 */
const SUGGESTIONS: Record<ReviewQuestion, Partial<Record<DiagnosisReason | "default", string>>> = {
  problem: {
    default: "What exactly is going wrong today, for whom, and how often? Why are you doing things this way?",
    product_as_problem:
      "Setting any product aside — what is getting harder for your team today, and what does it stop you from doing? Why are you doing things this way?",
    discount_reflex:
      "If price were not a question, what would still need to change for you — and what does the current way cost you?",
    inbound_interest: "What made you start looking — what is happening in your business that prompted it?",
    feature_checklist:
      "What would those capabilities let your team do that it cannot do today — and what happens because it can't?",
  },
  impact: {
    default:
      "What happens if you don't solve this — what does it cost you each month, and who feels it first?",
    our_loss:
      "What if nothing changes for another year — what would that cost you, and who in your organization would notice first?",
    product_as_problem:
      "What if you kept doing it the current way for another year — what would that cost you in money, time or risk?",
    discount_reflex: "What does each month of waiting cost you — in money, time or risk?",
  },
  why_change: {
    default: "What has changed that makes this worth solving now — is there a date or an event behind it?",
    inbound_interest: "What happened in your business that made you start looking now rather than last year?",
    discount_reflex:
      "Setting our offer aside — what date or event in your business makes now the time to decide?",
    our_process:
      "Setting our calendar aside — what date or event in your business makes now the time to decide?",
    product_as_problem:
      "What if you stayed with the current approach — what would break first, and by when? Why are you doing things this way today?",
  },
  worries: {
    default: "What worries you about making this change — you personally, and the organization?",
    feature_checklist:
      "Have you ever considered what worries people about the change itself, beyond the feature list — what could go wrong for you personally, and for the organization?",
    discount_reflex:
      "Beyond the price, what concerns you about making this change — for you personally and for the organization?",
  },
  consensus: {
    default: "Who else must agree, and how does each of them see the problem and the timing?",
    our_process:
      "Who on your side has to approve this, and in what order — and does each of them agree it needs solving now?",
    discount_reflex:
      "Setting price aside, who must agree this is worth doing, and what would each of them need to see?",
    feature_checklist:
      "Beyond preferring a product, who must agree this problem is worth solving now — and do they?",
    inbound_interest:
      "Beyond the people who came to the demo, who must agree this problem is worth solving now — and do they?",
  },
  confidence: {
    default:
      "How confident are you — in the problem, the solution, the risks and what it means for you? What would raise it?",
    discount_reflex:
      "If price were settled, how confident would you be that this solves the problem — and what would still worry you?",
    our_process: "What would you need to see or hear to be confident this is the right decision for you?",
    our_loss: "What would you need to see or hear to be confident this is the right decision for you?",
    feature_checklist:
      "Have you ever considered how confident your team is that the change will work — not just that the product has the features?",
  },
};

export function suggestionFor(question: ReviewQuestion, reason: DiagnosisReason | null): string {
  const forQuestion = SUGGESTIONS[question];
  return (reason && forQuestion[reason]) || forQuestion.default!;
}
