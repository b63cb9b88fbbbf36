import {
  CONTRAST_SPLIT,
  CUES,
  CUSTOMER_CONFIRMS,
  DENIED_CLAUSE,
  EMPHASIS_TURN,
  FEAR_BEFORE,
  HEDGES,
  NEGATORS,
  OWN_ESTIMATE,
  type SellerReason,
} from "./lexicon.ts";
import { analyse } from "./nlp.ts";
import { normalize } from "./normalize.ts";
import { contentWords, evidenceWeight, findSignals, type Signals } from "./signals.ts";
import { suggestionFor } from "./suggestions.ts";

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

// Thresholds, in cue-weight units (see docs/diagnostics.md).
const SELLER_MIN = 1.2; // at least one clear cue
const SELLER_VS_EVIDENCE = 0.45; // a clear cue still loses to a lot of customer evidence
const VAGUE_BELOW = 0.8; // less customer evidence than this is too thin to use

const WHY: Record<SellerReason, string> = {
  product_as_problem:
    "names what they should buy instead of what is going wrong for them — a product is our answer, not their problem",
  our_loss: "describes what we would lose, not what the customer loses if nothing changes",
  discount_reflex:
    "reaches for price — a discount is a reason to buy from us, not a reason for them to change",
  inbound_interest: "tells how they found us — interest in us is not a reason for them to change",
  feature_checklist:
    "compares features, which is how they pick a vendor, not what they worry about in changing",
  our_process: "is about our sales process or forecast, not the customer's own steps and reasons",
};

/** Weight of a position in the answer: after "but the real issue is…" counts more, before it less. */
function positionWeights(text: string) {
  const turns: number[] = [];
  const pattern = new RegExp(EMPHASIS_TURN.source, "gi");
  for (const match of text.matchAll(pattern)) turns.push(match.index);
  const dismissed =
    /\bnot the point\b|\bno issue there\b|\bnot (?:really )?(?:about|the) (?:price|cost|issue)\b/i.exec(text);
  return (index: number) => {
    if (dismissed && index < dismissed.index) return 0.3;
    const lastTurnBefore = turns.filter((turn) => turn <= index).length;
    const turnsAfter = turns.length - lastTurnBefore;
    if (turns.length === 0) return 1;
    return turnsAfter > 0 ? 0.6 : 1.15;
  };
}

/** A negator among the three words before a cue, within its clause: "not about price", "no discount". */
function isNegated(text: string, index: number, reason: SellerReason) {
  const before = text.slice(Math.max(0, index - 60), index);
  const clauseStart = Math.max(
    0,
    ...[...before.matchAll(new RegExp(CONTRAST_SPLIT.source, "gi"))].map((m) => m.index + m[0].length),
  );
  const clause = before.slice(clauseStart);
  if (reason === "product_as_problem" && FEAR_BEFORE.test(clause)) return true;
  if (DENIED_CLAUSE.test(clause)) return true;
  const lastWords = clause.trim().split(/\s+/).slice(-3).join(" ");
  return NEGATORS.test(lastWords);
}

function quoteList(items: string[]) {
  return items
    .slice(0, 3)
    .map((item) => `"${item}"`)
    .join(", ");
}

function describeEvidence(signals: Signals) {
  const parts: string[] = [];
  if (signals.money.length) parts.push(`money (${quoteList(signals.money)})`);
  if (signals.quantities.length) parts.push(`numbers (${quoteList(signals.quantities)})`);
  if (signals.people.length) parts.push(`people or roles (${quoteList(signals.people)})`);
  if (signals.dates.length) parts.push(`dates (${quoteList(signals.dates)})`);
  if (signals.causal.length) parts.push("a cause and its effect");
  if (signals.quotes.length) parts.push("the customer's own words");
  return parts;
}

export function diagnose(question: ReviewQuestion, answer: string): Diagnosis {
  const truncated = answer.length > MAX_ANSWER;
  const text = normalize(answer.slice(0, MAX_ANSWER));
  const note = truncated ? ` Only the first ${MAX_ANSWER.toLocaleString("en")} characters were read.` : "";
  const emptySignals: Signals = { money: [], quantities: [], people: [], dates: [], causal: [], quotes: [] };
  if (!text) {
    return {
      question,
      label: "vague",
      reason: "vague",
      explanation: `There is no answer yet.${note}`,
      suggestion: suggestionFor(question, "vague"),
      signals: emptySignals,
      cues: [],
      truncated,
    };
  }

  const lower = text.toLowerCase();
  const weightAt = positionWeights(lower);
  const scores = new Map<SellerReason, number>();
  const cues: Diagnosis["cues"] = [];
  for (const cue of CUES) {
    let counted = 0;
    for (const match of lower.matchAll(cue.pattern)) {
      if (counted === 2) break;
      if (cue.negatable && isNegated(lower, match.index, cue.reason)) continue;
      counted++;
      scores.set(cue.reason, (scores.get(cue.reason) ?? 0) + cue.weight * weightAt(match.index));
      cues.push({ reason: cue.reason, text: text.slice(match.index, match.index + match[0].length).trim() });
    }
  }

  const { tokens, entities } = analyse(text);
  const signals = findSignals(text, lower, entities);
  const hedges = [...lower.matchAll(HEDGES)].map((m) => m[0]);
  const evidence = evidenceWeight(signals) + 0.12 * Math.min(contentWords(tokens), 25) - 0.7 * hedges.length;

  const [bestReason, bestScore] = [...scores.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  if (bestReason && bestScore >= SELLER_MIN && bestScore >= SELLER_VS_EVIDENCE * evidence) {
    const words = cues.filter((c) => c.reason === bestReason).map((c) => c.text);
    return {
      question,
      label: "seller",
      reason: bestReason,
      explanation: `The answer ${WHY[bestReason]} (${quoteList(words)}).${note}`,
      suggestion: suggestionFor(question, bestReason),
      signals,
      cues: cues.filter((c) => c.reason === bestReason),
      truncated,
    };
  }

  const ours = OWN_ESTIMATE.exec(text);
  if (ours && !CUSTOMER_CONFIRMS.test(lower)) {
    return {
      question,
      label: "vague",
      reason: "vague",
      explanation: `The figures are our own estimate ("${ours[0]}"), not the customer's: no one there has said or confirmed them.${note}`,
      suggestion: suggestionFor(question, "vague"),
      signals,
      cues: [],
      truncated,
    };
  }

  const found = describeEvidence(signals);
  const named = tokens.some((t) => t.pos === "PROPN" || /^[A-Z]{2,}s?$/.test(t.text));
  const specifics = found.length + (named ? 1 : 0);
  const tooThin = specifics === 0 ? contentWords(tokens) < 14 : specifics <= hedges.length;
  if (tooThin || evidence < VAGUE_BELOW) {
    const hedgeNote = hedges.length ? ` Words like ${quoteList(hedges)} stand in for specifics.` : "";
    return {
      question,
      label: "vague",
      reason: "vague",
      explanation: `The answer is too general to act on: ${
        found.length ? `it has only ${found.join(" and ")}` : "no numbers, names, dates or causes"
      }.${hedgeNote}${note}`,
      suggestion: suggestionFor(question, "vague"),
      signals,
      cues: [],
      truncated,
    };
  }

  return {
    question,
    label: "customer",
    reason: null,
    explanation: `The answer describes the customer's own situation${found.length ? `, with ${found.join(", ")}` : ""}.${note}`,
    suggestion: suggestionFor(question, null),
    signals,
    cues: [],
    truncated,
  };
}
