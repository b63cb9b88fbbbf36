// A binary logistic regression over named features, L2-regularised, fitted by full-batch gradient descent
// (deterministic: no sampling). When cross-validation on the training decisions shows it does not beat the
// historical rate, the forecast falls back to that rate: no signal is better said than invented.
import { seeded } from "../random.ts";
import { brier } from "./scoring.ts";

export type Features = Map<string, number>;

export interface Logistic {
  bias: number;
  weights: Map<string, number>;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function probability(model: Logistic, features: Features) {
  let z = model.bias;
  for (const [name, value] of features) z += (model.weights.get(name) ?? 0) * value;
  return sigmoid(z);
}

export function fitLogistic(
  rows: { features: Features; y: 0 | 1 }[],
  l2 = 1,
  iterations = 300,
  rate = 0.5,
): Logistic {
  // Features numbered once, so each pass is arithmetic on arrays rather than map lookups.
  const index = new Map<string, number>();
  const encoded = rows.map((r) => {
    const ids: number[] = [];
    const values: number[] = [];
    for (const [name, value] of r.features) {
      if (!index.has(name)) index.set(name, index.size);
      ids.push(index.get(name)!);
      values.push(value);
    }
    return { ids, values, y: r.y };
  });
  const w = new Float64Array(index.size);
  const grad = new Float64Array(index.size);
  const base = rows.reduce((s, r) => s + r.y, 0) / Math.max(rows.length, 1);
  let bias = Math.log((base + 1e-3) / (1 - base + 1e-3));
  const n = Math.max(rows.length, 1);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    let gradBias = 0;
    for (const r of encoded) {
      let z = bias;
      for (let k = 0; k < r.ids.length; k++) z += w[r.ids[k]!]! * r.values[k]!;
      const e = sigmoid(z) - r.y;
      gradBias += e;
      for (let k = 0; k < r.ids.length; k++) grad[r.ids[k]!]! += e * r.values[k]!;
    }
    bias -= (rate * gradBias) / n;
    for (let j = 0; j < w.length; j++) w[j]! -= (rate * (grad[j]! + l2 * w[j]!)) / n;
  }
  return { bias, weights: new Map([...index].map(([name, j]) => [name, w[j]!])) };
}

/** Whether the model beats the base rate on held-out folds of its own training decisions. */
export function beatsBaseRate(rows: { features: Features; y: 0 | 1 }[], l2: number, folds = 5) {
  if (rows.length < 50) return false;
  const random = seeded(11);
  const fold = rows.map(() => Math.floor(random() * folds));
  let model = 0;
  let base = 0;
  for (let f = 0; f < folds; f++) {
    const train = rows.filter((_, i) => fold[i] !== f);
    const test = rows.filter((_, i) => fold[i] === f);
    if (!train.length || !test.length) continue;
    const rate = train.reduce((s, r) => s + r.y, 0) / train.length;
    const m = fitLogistic(train, l2);
    model += brier(test.map((r) => ({ p: probability(m, r.features), y: r.y }))) * test.length;
    base += brier(test.map((r) => ({ p: rate, y: r.y }))) * test.length;
  }
  return model < base;
}
