// The diagnosis the review page shows: the rules' verdict when their cue words say the answer is about us
// (they can name those words), otherwise the learned model's, explained by the words that weighed most and
// the customer evidence found or missing. See docs/diagnostics.md for how this combination was chosen.
import { featuresOf } from "./features.ts";
import { labelOf, type Model, predict, type Scorer, scorerOf, weighedMost } from "./model.ts";
import trained from "./review-model.json" with { type: "json" };
import { explain, readByRules, sellerReasonOf } from "./rules.ts";
import type { Diagnosis, ReviewQuestion } from "./types.ts";

const SCORER = scorerOf(trained as Model);

/** A feature's name as the words a seller would recognise: `w:discount` → discount, `b:my quota` → my quota. */
const wordsOfFeature = (name: string) =>
  /^[wb]:/.test(name) ? name.slice(2).replace(/~$/, "").replace(/\b0\b/g, "#") : null;

export function diagnoseWith(model: Scorer, question: ReviewQuestion, answer: string): Diagnosis {
  const reading = readByRules(answer);
  if (!reading.text) return explain(question, reading, "vague", "vague");
  const ruled = sellerReasonOf(reading);
  if (ruled) return explain(question, reading, "seller", ruled);
  // Our own estimate is not the customer's evidence, however specific it reads.
  if (reading.ownEstimate) return explain(question, reading, "vague", "vague");
  const features = featuresOf(question, reading);
  const predicted = predict(model, features);
  const { label, reason } = labelOf(predicted.class);
  // Only a seller reading quotes the words that weighed most; the others explain by the evidence.
  const weighed =
    label === "seller"
      ? weighedMost(model, features, predicted.class, 6)
          .map((f) => wordsOfFeature(f.name))
          .filter((w): w is string => Boolean(w))
          .slice(0, 3)
      : [];
  return explain(question, reading, label, reason, weighed);
}

export const diagnoseLearned = (question: ReviewQuestion, answer: string) =>
  diagnoseWith(SCORER, question, answer);
