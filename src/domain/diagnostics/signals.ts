import type { Token } from "./tokens.ts";

/** Evidence that an answer is about the customer's own situation. */
export interface Signals {
  money: string[];
  quantities: string[];
  people: string[];
  dates: string[];
  causal: string[];
  quotes: string[];
}

const MONEY =
  /(?:[$€£¥]\s?\d[\d.,]*\s?(?:k|m|mm|bn|b|million|billion|thousand)?\b(?:\s?(?:\/|per|a|an|each)\s?(?:year|month|week|day|quarter|yr|mo))?|\b\d[\d.,]*\s?(?:k|m|mm|bn|million|billion|thousand)?\s?(?:usd|eur|gbp|dollars|euros|pounds|€|£)(?=\W|$))/gi;

const QUANTITY =
  /\b\d[\d.,]*\s?(?:%|percent\b|pts?\b|points?\b|x\b|(?:[a-z-]+\s)?(?:days?|hours?|hrs?|minutes?|mins?|weeks?|months?|years?|shifts?|people|staff|employees|users|stores?|sites?|plants?|units?|beds?|clients?|customers?|accounts?|orders?|loads?|errors?|tickets?|claims?|permits?|applications?|teachers?|nurses?|planners?|coders?|agents?|reps?|requests?|cases?|transactions?|invoices?|reports?|outages?|locations?|countries|members?|ppl))\b/gi;

const ROLE =
  /\b(?:c[efiotmr]o|cmio|cno|ciso|cpo|chro|cco|vp(?: of)? [a-z]+|vp|svp|evp|economic buyer|champion|controller|comptroller|director(?: of [a-z]+)?|head of [a-z]+|manager|supervisor|lead|chief [a-z]+ officer|board|council|committee|superintendent|principal|provost|registrar|procurement|legal|finance team|it (?:team|director|staff)|owner|founder|president|partner|union|gm|general manager|planners?|dispatchers?|nurses?|coders?|engineers?|analysts?|buyer|sponsor|executive|exec)\b/gi;

/** Dates; "4/5" or "7/10" is a rating out of 5 or 10, not the 5th of April. */
const DATE =
  /\b(?:q[1-4](?:\s?(?:fy)?\s?'?\d{2,4})?|h[12]\s?'?\d{2,4}|fy\s?'?\d{2,4}|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s\d{4})?|(?!(?:[0-5]\/5|\d\/10|10\/10)(?!\/?\d))\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{4}-\d{2}-\d{2}|(?:19|20)\d{2}|deadline|by (?:end of|the end of) [a-z]+|next (?:spring|summer|fall|autumn|winter|year|quarter|month)|this (?:spring|summer|fall|autumn|winter|year|cycle)|year[- ]end|peak season|renewal|expires?|goes live|starts?\s(?:on\s)?\w+\s\d)/gi;

const CAUSAL =
  /\b(?:because|since|so that|so|due to|therefore|which means|that means|means|leads? to|results? in|caus(?:es|ed|ing)|otherwise|as a result|triggers?|if [^.]{3,60}? (?:then|they|we|it)|without [^.]{3,40}? (?:they|it|we))\b|->|=>|(?<=\w) = (?=\w)/gi;

const QUOTE = /["“]([^"”]{8,200})["”]|(?<=\s|^)'([^']{8,200})'(?=\W|$)/g;

function unique(values: string[]) {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}

function matches(text: string, pattern: RegExp) {
  return unique([...text.matchAll(pattern)].map((match) => match[0]));
}

export function findSignals(original: string, normalized: string): Signals {
  const money = matches(original, MONEY);
  const quantities = matches(normalized, QUANTITY).filter((q) => !money.some((m) => m.includes(q.trim())));
  const dates = matches(normalized, DATE);
  return {
    money,
    quantities,
    people: matches(normalized, ROLE),
    dates,
    causal: matches(normalized, CAUSAL).map((c) => c.slice(0, 40)),
    quotes: unique([...original.matchAll(QUOTE)].map((m) => m[1] ?? m[2] ?? "")),
  };
}

/** How much concrete, customer-side evidence an answer carries: the more kinds, the more it counts. */
export function evidenceWeight(signals: Signals) {
  let weight = 0;
  weight += Math.min(signals.money.length, 2) * 1.2;
  weight += Math.min(signals.quantities.length, 3) * 0.8;
  weight += Math.min(signals.people.length, 3) * 0.7;
  weight += Math.min(signals.dates.length, 2) * 0.6;
  weight += Math.min(signals.causal.length, 2) * 0.6;
  weight += Math.min(signals.quotes.length, 1) * 0.8;
  return weight;
}

export function contentWords(tokens: Token[]) {
  return tokens.filter((t) => t.content).length;
}
