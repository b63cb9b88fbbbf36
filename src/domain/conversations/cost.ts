// The recurring cost a customer put on their problem, read from their own sentence ("it costs us about $40k a
// month", "we lose 12,000 euros every quarter"), so an accepted impact statement can quantify the cost of
// inaction. Only figures with both a currency and a period are read: "$40k" alone is not a recurring cost.
import type { Period } from "../decision/model.ts";

export interface StatedCost {
  /** In minor units (cents), like every amount on a decision: each currency read here has two decimals. */
  amount: number;
  /** The ISO code of the currency the sentence names by sign or word. */
  currency: "USD" | "EUR" | "GBP";
  period: Period;
}

const SIGN = { $: "USD", "€": "EUR", "£": "GBP" } as const;
const WORD: Record<string, StatedCost["currency"]> = {
  dollar: "USD",
  dollars: "USD",
  usd: "USD",
  bucks: "USD",
  euro: "EUR",
  euros: "EUR",
  eur: "EUR",
  pound: "GBP",
  pounds: "GBP",
  gbp: "GBP",
};
const SCALE: Record<string, number> = { k: 1e3, thousand: 1e3, grand: 1e3, m: 1e6, mm: 1e6, million: 1e6 };

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const SCALE_WORD = String.raw`\s?(k|m|mm|thousand|grand|million)?`;
const SIGNED = new RegExp(String.raw`([$€£])\s?${NUMBER}${SCALE_WORD}\b`, "i");
const WORDED = new RegExp(
  String.raw`\b${NUMBER}${SCALE_WORD}\s(dollars?|usd|bucks|euros?|eur|pounds?|gbp)\b`,
  "i",
);
const PERIOD =
  /\b(?:(?:a|per|each|every|an?)\s+(week|month|quarter|year)|(weekly|monthly|quarterly|annually|yearly)|\/\s?(wk|week|mo|month|qtr|quarter|yr|year))\b/i;
const PERIOD_OF: Record<string, Period> = {
  week: "week",
  wk: "week",
  weekly: "week",
  month: "month",
  mo: "month",
  monthly: "month",
  quarter: "quarter",
  qtr: "quarter",
  quarterly: "quarter",
  year: "year",
  yr: "year",
  yearly: "year",
  annually: "year",
};

function amountOf(whole: string, fraction: string | undefined, scale: string | undefined) {
  const value = Number(`${whole.replace(/,/g, "")}${fraction ? `.${fraction}` : ""}`);
  return value * (scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1);
}

/** The first amount of money with a period in the sentence, or null when it states no recurring cost. */
export function statedCost(sentence: string): StatedCost | null {
  const period = sentence.match(PERIOD);
  if (!period) return null;
  const signed = sentence.match(SIGNED);
  const worded = sentence.match(WORDED);
  const useSigned = signed && (!worded || (signed.index ?? 0) <= (worded.index ?? 0));
  let amount: number;
  let currency: StatedCost["currency"];
  if (useSigned) {
    const [, sign, whole, fraction, scale] = signed;
    amount = amountOf(whole!, fraction, scale);
    currency = SIGN[sign as keyof typeof SIGN];
  } else if (worded) {
    const [, whole, fraction, scale, word] = worded;
    amount = amountOf(whole!, fraction, scale);
    currency = WORD[word!.toLowerCase()]!;
  } else return null;
  amount = Math.round(amount * 100);
  if (!(amount > 0)) return null;
  const unit = (period[1] ?? period[2] ?? period[3])!.toLowerCase();
  return { amount, currency, period: PERIOD_OF[unit]! };
}

/**
 * The cost an accepted statement records on a decision: the customer's own figure replaces an estimate (the
 * change log keeps the old one), but only in the decision's currency — a figure in another currency stays in
 * their words, since converting it would put a number in their mouth.
 */
export function costToRecord(sentence: string, decisionCurrency: string) {
  const cost = statedCost(sentence);
  return cost && cost.currency === decisionCurrency.toUpperCase() ? cost : null;
}
