// What the learned model reads in an answer: its words and word pairs (numbers folded to "0"), the question,
// and what the rules read — cue strength by reason, the kinds of customer evidence, hedges, our own estimates.
// Names say what each feature is, so the explanation can quote the words that weighed most.
import type { RuleReading } from "./rules.ts";
import type { ReviewQuestion } from "./types.ts";

export type Features = Map<string, number>;

const STOP = new Set([
  "the",
  "a",
  "an",
  "and",
  "of",
  "to",
  "in",
  "is",
  "it",
  "on",
  "for",
  "at",
  "be",
  "that",
  "this",
]);

/** Lower-case word tokens, numbers folded to "0" and currency signs kept as words. */
export function wordsOf(text: string) {
  return (text.toLowerCase().match(/[$€£%]|[a-z0-9][a-z0-9'’./-]*/g) ?? []).map((w) =>
    w
      .replace(/[’]/g, "'")
      .replace(/[./-]+$/, "")
      .replace(/\d+(?:[.,]\d+)*/g, "0"),
  );
}

/** A crude stem, so "worried", "worries" and "worrying" weigh together. */
const stemOf = (w: string) => w.replace(/(?:ing|ed|es|s|ly)$/, "").replace(/(?:ie|y)$/, "y");

const OURS = new Set(["we", "our", "us", "we're", "we'll", "we've", "ours", "i", "my", "me", "i'm", "i'll"]);
/** The seller speaking of themself: "my number", "I told them", "I'm putting 18% on the table". */
const SELF = new Set(["i", "my", "me", "mine", "i'm", "i'll", "i've", "i'd", "im"]);
const THEIRS = new Set(["they", "their", "them", "they're", "they'll", "they've", "theirs"]);

export function featuresOf(question: ReviewQuestion, reading: RuleReading): Features {
  const features: Features = new Map();
  const set = (name: string, value = 1) => features.set(name, value);
  const words = wordsOf(reading.text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!STOP.has(w)) {
      set(`w:${w}`);
      const stem = stemOf(w);
      if (stem !== w) set(`w:${stem}~`);
      if (w.length > 4) {
        const padded = `<${w}>`;
        for (let j = 0; j + 4 <= padded.length; j++) set(`c:${padded.slice(j, j + 4)}`, 0.3);
      }
    }
    if (i + 1 < words.length) set(`b:${w} ${words[i + 1]}`);
  }
  set(`q:${question}`);
  const ours = words.filter((w) => OURS.has(w)).length;
  const theirs = words.filter((w) => THEIRS.has(w)).length;
  if (ours + theirs) set("our-share", ours / (ours + theirs));
  const self = words.filter((w) => SELF.has(w)).length;
  if (self) set("self", Math.min(self, 3) / 3);
  for (const [reason, score] of reading.scores) set(`cue:${reason}`, Math.min(score, 4) / 2);
  const s = reading.signals;
  for (const [kind, found] of Object.entries(s)) if (found.length) set(`has:${kind}`);
  set("evidence", Math.max(-2, Math.min(reading.evidence, 8)) / 4);
  set("specifics", Math.min(reading.specifics, 5) / 5);
  set("content", Math.min(reading.contentWords, 30) / 30);
  if (reading.hedges.length) set("hedges", Math.min(reading.hedges.length, 3) / 3);
  if (reading.ownEstimate) set("own-estimate");
  if (!reading.text) set("empty");
  set("bias");
  return features;
}
