// How good probabilities are, on outcomes that happened: Brier score, log loss, AUC, expected calibration
// error, and a bootstrap interval for a model's relative gain over a baseline on the same decisions.
import { seeded } from "../random.ts";

export interface Scored {
  /** The forecast probability of the outcome. */
  p: number;
  /** What happened: 1 or 0. */
  y: 0 | 1;
}

const clamp = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));

export const brier = (rows: Scored[]) => rows.reduce((s, r) => s + (r.p - r.y) ** 2, 0) / rows.length;

export const logLoss = (rows: Scored[]) =>
  -rows.reduce((s, r) => s + (r.y ? Math.log(clamp(r.p)) : Math.log(1 - clamp(r.p))), 0) / rows.length;

/** The chance a random positive is ranked above a random negative (ties count half). */
export function auc(rows: Scored[]) {
  const sorted = [...rows].sort((a, b) => a.p - b.p);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.p === sorted[i]!.p) j++;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k++)
      if (sorted[k]!.y) {
        rankSum += rank;
        positives++;
      }
    i = j;
  }
  const negatives = rows.length - positives;
  if (!positives || !negatives) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Forecasts grouped into ten equal-width bins of probability: per bin, how many, the mean forecast, and how often it happened. */
export function calibration(rows: Scored[], bins = 10) {
  const sums = Array.from({ length: bins }, () => ({ n: 0, p: 0, y: 0 }));
  for (const r of rows) {
    const b = sums[Math.min(bins - 1, Math.floor(r.p * bins))]!;
    b.n++;
    b.p += r.p;
    b.y += r.y;
  }
  return sums
    .map((b, i) => ({ bin: i, n: b.n, predicted: b.n ? b.p / b.n : 0, actual: b.n ? b.y / b.n : 0 }))
    .filter((b) => b.n > 0);
}

/** Expected calibration error over ten equal-width bins of the forecast probability. */
export const ece = (rows: Scored[], bins = 10) =>
  calibration(rows, bins).reduce((s, b) => s + (b.n / rows.length) * Math.abs(b.predicted - b.actual), 0);

/**
 * The relative Brier gain of a model over a baseline (1 − model/baseline) and its 95% bootstrap interval,
 * resampling the scored decisions with the two forecasts of each kept together.
 */
export function relativeGain(model: number[], baseline: number[], outcomes: (0 | 1)[], resamples = 2000) {
  const gain = (idx: number[]) => {
    let m = 0;
    let b = 0;
    for (const i of idx) {
      m += (model[i]! - outcomes[i]!) ** 2;
      b += (baseline[i]! - outcomes[i]!) ** 2;
    }
    return b ? 1 - m / b : 0;
  };
  const n = outcomes.length;
  const all = Array.from({ length: n }, (_, i) => i);
  const random = seeded(2024);
  const gains: number[] = [];
  for (let r = 0; r < resamples; r++) gains.push(gain(all.map(() => Math.floor(random() * n))));
  gains.sort((a, b) => a - b);
  return {
    gain: gain(all),
    ci95: [gains[Math.floor(resamples * 0.025)]!, gains[Math.floor(resamples * 0.975)]!] as [number, number],
  };
}
