// A multinomial logistic regression over named features, trained with L2 regularisation and a fixed seed so
// the same data always gives the same weights. The classes are the customer label, vague, and each seller
// reason; a label follows from its class.
import { seeded } from "../random.ts";
import type { Features } from "./features.ts";
import type { DiagnosisLabel, DiagnosisReason } from "./types.ts";

export const CLASSES = [
  "customer",
  "vague",
  "product_as_problem",
  "our_loss",
  "discount_reflex",
  "inbound_interest",
  "feature_checklist",
  "our_process",
] as const;
export type ModelClass = (typeof CLASSES)[number];

export interface Model {
  classes: readonly ModelClass[];
  /** Per feature, one weight per class. */
  weights: Record<string, number[]>;
}

export const classOf = (label: DiagnosisLabel, reason: DiagnosisReason | null): ModelClass =>
  label === "customer" ? "customer" : label === "vague" ? "vague" : (reason as ModelClass);

export const labelOf = (c: ModelClass): { label: DiagnosisLabel; reason: DiagnosisReason | null } =>
  c === "customer"
    ? { label: "customer", reason: null }
    : c === "vague"
      ? { label: "vague", reason: "vague" }
      : { label: "seller", reason: c };

/** The model ready to score: each feature's weights in one typed array, looked up in a Map. */
export interface Scorer {
  classes: readonly ModelClass[];
  weights: Map<string, Float64Array>;
}

export const scorerOf = (model: Model): Scorer => ({
  classes: model.classes,
  weights: new Map(Object.entries(model.weights).map(([name, w]) => [name, Float64Array.from(w)])),
});

export function probabilities(scorer: Scorer, features: Features) {
  const k = scorer.classes.length;
  const scores = new Float64Array(k);
  for (const [name, value] of features) {
    const w = scorer.weights.get(name);
    if (!w) continue;
    for (let c = 0; c < k; c++) scores[c]! += w[c]! * value;
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (scores[c]! > max) max = scores[c]!;
  let sum = 0;
  for (let c = 0; c < k; c++) {
    scores[c] = Math.exp(scores[c]! - max);
    sum += scores[c]!;
  }
  for (let c = 0; c < k; c++) scores[c]! /= sum;
  return scores;
}

export function predict(scorer: Scorer, features: Features) {
  const p = probabilities(scorer, features);
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  return { class: scorer.classes[best]!, probability: p[best]!, probabilities: p };
}

/** The features that pushed most towards a class in this answer, strongest first. */
export function weighedMost(scorer: Scorer, features: Features, cls: ModelClass, count = 3) {
  const c = scorer.classes.indexOf(cls);
  const pushes: { name: string; push: number }[] = [];
  for (const [name, value] of features) {
    const push = (scorer.weights.get(name)?.[c] ?? 0) * value;
    if (push > 0) pushes.push({ name, push });
  }
  return pushes.sort((a, b) => b.push - a.push).slice(0, count);
}

export interface TrainingOptions {
  epochs: number;
  /** L2 penalty per example. */
  l2: number;
  rate: number;
  seed: number;
  /** Features seen in fewer training answers than this are left out (they only memorise). */
  minCount: number;
}

/** Chosen by the cross-author figures (docs/diagnostics.md lists what was tried). */
export const TRAINING: TrainingOptions = { epochs: 40, l2: 0.01, rate: 0.1, seed: 7, minCount: 2 };

/** Trains by stochastic gradient descent with AdaGrad steps, in a seeded order. */
export function train(
  examples: { features: Features; class: ModelClass }[],
  options: TrainingOptions = TRAINING,
): Model {
  const counts = new Map<string, number>();
  for (const e of examples)
    for (const name of e.features.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const kept = (name: string) => (counts.get(name) ?? 0) >= options.minCount || !/^[wb]:/.test(name);
  const k = CLASSES.length;
  const weights = new Map<string, Float64Array>();
  const history = new Map<string, Float64Array>();
  for (const [name] of counts)
    if (kept(name)) {
      weights.set(name, new Float64Array(k));
      history.set(name, new Float64Array(k).fill(1e-8));
    }
  const scorer: Scorer = { classes: CLASSES, weights };
  const random = seeded(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { features, class: target } = examples[index]!;
      const p = probabilities(scorer, features);
      const t = CLASSES.indexOf(target);
      for (const [name, value] of features) {
        const w = weights.get(name);
        if (!w) continue;
        const h = history.get(name)!;
        for (let c = 0; c < k; c++) {
          const gradient = (p[c]! - (c === t ? 1 : 0)) * value + options.l2 * w[c]!;
          h[c]! += gradient * gradient;
          w[c]! -= (options.rate * gradient) / Math.sqrt(h[c]!);
        }
      }
    }
  }
  return { classes: CLASSES, weights: Object.fromEntries([...weights].map(([n, w]) => [n, [...w]])) };
}

/** The model with small weights dropped and the rest rounded, for a small committed file. */
export function compact(model: Model, below = 0.01): Model {
  const weights: Record<string, number[]> = {};
  for (const [name, w] of Object.entries(model.weights)) {
    if (w.every((x) => Math.abs(x) < below)) continue;
    weights[name] = w.map((x) => Math.round(x * 1000) / 1000);
  }
  return { classes: model.classes, weights };
}
