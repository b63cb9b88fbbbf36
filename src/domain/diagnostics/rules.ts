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
import { normalize } from "./normalize.ts";
import { contentWords, evidenceWeight, findSignals, type Signals } from "./signals.ts";
import { suggestionFor } from "./suggestions.ts";
import { tokensOf } from "./tokens.ts";
import {
  type Diagnosis,
  type DiagnosisLabel,
  type DiagnosisReason,
  MAX_ANSWER,
  type ReviewQuestion,
} from "./types.ts";

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

/** What the rules read in an answer: cue scores by reason, the customer evidence, hedges, our own estimates. */
export interface RuleReading {
  text: string;
  truncated: boolean;
  scores: Map<SellerReason, number>;
  cues: Diagnosis["cues"];
  signals: Signals;
  hedges: string[];
  evidence: number;
  /** Kinds of specifics found (money, numbers, people, dates, causes, quotes, names). */
  specifics: number;
  contentWords: number;
  ownEstimate: string | null;
}

export function readByRules(answer: string): RuleReading {
  const truncated = answer.length > MAX_ANSWER;
  const text = normalize(answer.slice(0, MAX_ANSWER));
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
  const tokens = tokensOf(text);
  const signals = findSignals(text, lower);
  const hedges = [...lower.matchAll(HEDGES)].map((m) => m[0]);
  const words = contentWords(tokens);
  const evidence = evidenceWeight(signals) + 0.12 * Math.min(words, 25) - 0.7 * hedges.length;
  const named = tokens.some((t) => t.named);
  const ours = OWN_ESTIMATE.exec(text);
  return {
    text,
    truncated,
    scores,
    cues,
    signals,
    hedges,
    evidence,
    specifics: describeEvidence(signals).length + (named ? 1 : 0),
    contentWords: words,
    ownEstimate: ours && !CUSTOMER_CONFIRMS.test(lower) ? ours[0] : null,
  };
}

/** The seller reason the cues point to, when they outweigh the customer evidence. */
export function sellerReasonOf(reading: RuleReading) {
  const [bestReason, bestScore] = [...reading.scores.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  return bestReason && bestScore >= SELLER_MIN && bestScore >= SELLER_VS_EVIDENCE * reading.evidence
    ? bestReason
    : null;
}

/** Too thin to act on: no specifics and few content words, more hedges than specifics, or little evidence. */
export function isTooThin(reading: RuleReading) {
  const tooThin =
    reading.specifics === 0 ? reading.contentWords < 14 : reading.specifics <= reading.hedges.length;
  return tooThin || reading.evidence < VAGUE_BELOW;
}

/** The explanation and suggestion for a label and reason, in words a seller would accept. */
export function explain(
  question: ReviewQuestion,
  reading: RuleReading,
  label: DiagnosisLabel,
  reason: DiagnosisReason | null,
  weighed: string[] = [],
): Diagnosis {
  const note = reading.truncated
    ? ` Only the first ${MAX_ANSWER.toLocaleString("en")} characters were read.`
    : "";
  const base = { question, label, reason, signals: reading.signals, truncated: reading.truncated };
  if (!reading.text)
    return {
      ...base,
      explanation: `There is no answer yet.${note}`,
      suggestion: suggestionFor(question, "vague"),
      cues: [],
    };
  const found = describeEvidence(reading.signals);
  if (label === "seller" && reason && reason !== "vague") {
    const own = reading.cues.filter((c) => c.reason === reason);
    const words = own.length ? own.map((c) => c.text) : weighed;
    return {
      ...base,
      explanation: `The answer ${WHY[reason]}${words.length ? ` (${quoteList(words)})` : ""}.${note}`,
      suggestion: suggestionFor(question, reason),
      cues: own,
    };
  }
  if (label === "vague") {
    if (reading.ownEstimate)
      return {
        ...base,
        explanation: `The figures are our own estimate ("${reading.ownEstimate}"), not the customer's: no one there has said or confirmed them.${note}`,
        suggestion: suggestionFor(question, "vague"),
        cues: [],
      };
    const hedgeNote = reading.hedges.length
      ? ` Words like ${quoteList(reading.hedges)} stand in for specifics.`
      : "";
    return {
      ...base,
      explanation: `The answer is too general to act on: ${
        found.length ? `it has only ${found.join(" and ")}` : "no numbers, names, dates or causes"
      }.${hedgeNote}${note}`,
      suggestion: suggestionFor(question, "vague"),
      cues: [],
    };
  }
  return {
    ...base,
    explanation: `The answer describes the customer's own situation${found.length ? `, with ${found.join(", ")}` : ""}.${note}`,
    suggestion: suggestionFor(question, null),
    cues: [],
  };
}

/** The diagnosis by the hand-written rules alone: cue words by reason against the customer evidence found. */
export function diagnoseByRules(question: ReviewQuestion, answer: string): Diagnosis {
  const reading = readByRules(answer);
  if (!reading.text) return explain(question, reading, "vague", "vague");
  const reason = sellerReasonOf(reading);
  if (reason) return explain(question, reading, "seller", reason);
  if (reading.ownEstimate || isTooThin(reading)) return explain(question, reading, "vague", "vague");
  return explain(question, reading, "customer", null);
}
