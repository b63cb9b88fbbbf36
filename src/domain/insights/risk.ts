// The risk that the customer decides nothing: flags on an open decision, each with the evidence that raised it
// and the help to offer — recommend, limit exploration, or take risk off the table. Rules in docs/insights.md.
import { DAY_MS } from "../time.ts";
import type { DecisionSignals } from "./signals.ts";

export const HELP = {
  recommend: "Recommend",
  limit_exploration: "Limit exploration",
  take_risk_off: "Take risk off the table",
} as const;
export type Help = keyof typeof HELP;

export const RISK_FLAGS = [
  "too_many_options",
  "no_trigger",
  "date_passed",
  "risk_concerns",
  "low_confidence",
  "falling_confidence",
  "disagreement",
  "steps_slipping",
  "stale",
] as const;
export type RiskKey = (typeof RISK_FLAGS)[number];

export const RISK_WORDS: Record<RiskKey, string> = {
  too_many_options: "Too many options still open",
  no_trigger: "No reason to act now",
  date_passed: "Their date has passed",
  risk_concerns: "Risk concerns unanswered",
  low_confidence: "Low buyer confidence",
  falling_confidence: "Buyer confidence falling",
  disagreement: "People disagree",
  steps_slipping: "Customer steps slipping",
  stale: "Nothing new from the customer",
};

/** Options beyond doing nothing from which exploring becomes the risk: customers facing many choose none. */
export const MANY_OPTIONS = 3;
/** A buyers' mean confidence (1–5) below this is low. */
export const LOW_CONFIDENCE = 3;
/** Days without anything learned about the customer after which a decision is stale. */
export const STALE_AFTER_DAYS = 21;

export interface RiskFacts {
  signals: DecisionSignals;
  targetDate: string | null;
  /** Customer-owned plan steps not done whose due date has passed. */
  lateSteps: { title: string; due: string }[];
  /** When we last learned something about this decision (any change to its record, check-ins included). */
  learnedAt: string;
}

export interface RiskFlag {
  key: RiskKey;
  title: string;
  evidence: string;
  help: Help;
  advice: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const daysBetween = (from: string, to: Date) => Math.floor((to.getTime() - Date.parse(from)) / DAY_MS);

export function riskFlags(facts: RiskFacts, today: Date): RiskFlag[] {
  const flags: RiskFlag[] = [];
  const flag = (key: RiskKey, evidence: string, help: Help, advice: string) =>
    flags.push({ key, title: RISK_WORDS[key], evidence, help, advice });
  const s = facts.signals;
  if (s.options.length >= MANY_OPTIONS)
    flag(
      "too_many_options",
      `They are still weighing ${s.options.length} options besides doing nothing: ${s.options.join(", ")}.`,
      "limit_exploration",
      "Narrow the choice: say which option you would pick in their place and why, and what they can stop comparing.",
    );
  const passed =
    facts.targetDate && facts.targetDate < today.toISOString().slice(0, 10) ? facts.targetDate : null;
  if (passed)
    flag(
      "date_passed",
      `They meant to decide by ${passed}, ${plural(daysBetween(passed, today), "day")} ago, and have not.`,
      "recommend",
      "Ask what changed since they set that date, and recommend the next step with a date that is theirs.",
    );
  else if (!s.trigger)
    flag(
      "no_trigger",
      "We do not know what makes them act now, or the only date is ours.",
      "recommend",
      "Show them what waiting costs and recommend when to decide, from their own events, not our quarter.",
    );
  if (s.riskConcerns.length)
    flag(
      "risk_concerns",
      `${plural(s.riskConcerns.length, "risk concern")} with no answer: ${s.riskConcerns.map((t) => `"${t}"`).join("; ")}.`,
      "take_risk_off",
      "Take the risk off the table: a pilot, a phased start, references like them, or a way back if it fails.",
    );
  if (s.confidenceDrop)
    flag(
      "falling_confidence",
      `${s.confidenceDrop.name}'s confidence fell from ${s.confidenceDrop.previous.toFixed(1)} to ${s.confidenceDrop.latest.toFixed(1)} of 5 in their own check-ins.`,
      "take_risk_off",
      `Ask ${s.confidenceDrop.name} what worries them now, and answer that worry before anything else.`,
    );
  else if (s.confidence !== null && s.confidence < LOW_CONFIDENCE)
    flag(
      "low_confidence",
      `Buyers rate their confidence ${s.confidence.toFixed(1)} of 5 on average.`,
      "take_risk_off",
      "Find the point they rate lowest (the problem, the solution, the risks, what it means to them) and help there.",
    );
  if (s.disagreements.length)
    flag(
      "disagreement",
      s.disagreements.slice(0, 3).join(" "),
      "recommend",
      "Bring the people who disagree together around one recommendation, and hear the objection out first.",
    );
  if (facts.lateSteps.length) {
    const [first] = facts.lateSteps;
    flag(
      "steps_slipping",
      `${plural(facts.lateSteps.length, "customer step")} past due, the first "${first!.title}" due ${first!.due}.`,
      "limit_exploration",
      "Cut the plan to the next step that matters and agree a date for it with whoever owns it.",
    );
  }
  const quiet = daysBetween(facts.learnedAt, today);
  if (quiet >= STALE_AFTER_DAYS)
    flag(
      "stale",
      `Nothing new learned about the customer in ${quiet} days (since ${facts.learnedAt.slice(0, 10)}).`,
      "recommend",
      "Reach out with something useful to them — a recommendation on their next step, not a check-in on ours.",
    );
  return flags;
}
