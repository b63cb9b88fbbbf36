import type { DiagnosisLabel, DiagnosisReason } from "./types.ts";

export interface Scored {
  label: DiagnosisLabel;
  reason: DiagnosisReason | null;
  predictedLabel: DiagnosisLabel;
  predictedReason: DiagnosisReason | null;
}

export const LABELS: DiagnosisLabel[] = ["customer", "seller", "vague"];

/**
 * The figures the review diagnostics are judged by: "needs work" (seller or vague) as a binary task,
 * three-way label accuracy, reason accuracy (null for customer answers counts as a reason), per-label
 * recall, per-reason accuracy and the label confusion matrix (rows: truth, columns: predicted).
 */
export function evaluate(rows: Scored[]) {
  const needsWork = (label: DiagnosisLabel) => label !== "customer";
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const row of rows) {
    const truth = needsWork(row.label);
    const predicted = needsWork(row.predictedLabel);
    if (truth && predicted) tp++;
    else if (!truth && predicted) fp++;
    else if (truth && !predicted) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const share = (items: Scored[], ok: (row: Scored) => boolean) =>
    items.length ? items.filter(ok).length / items.length : 0;
  const confusion = Object.fromEntries(
    LABELS.map((truth) => [
      truth,
      Object.fromEntries(
        LABELS.map((predicted) => [
          predicted,
          rows.filter((r) => r.label === truth && r.predictedLabel === predicted).length,
        ]),
      ),
    ]),
  ) as Record<DiagnosisLabel, Record<DiagnosisLabel, number>>;
  const reasons = [
    ...new Set(rows.map((r) => r.reason).filter((r): r is DiagnosisReason => r !== null)),
  ].sort();
  return {
    count: rows.length,
    needsWork: { precision, recall, f1 },
    labelAccuracy: share(rows, (r) => r.label === r.predictedLabel),
    reasonAccuracy: share(rows, (r) => r.reason === r.predictedReason),
    perLabel: Object.fromEntries(
      LABELS.map((label) => {
        const items = rows.filter((r) => r.label === label);
        return [label, { count: items.length, accuracy: share(items, (r) => r.predictedLabel === label) }];
      }),
    ) as Record<DiagnosisLabel, { count: number; accuracy: number }>,
    perReason: Object.fromEntries(
      reasons.map((reason) => {
        const items = rows.filter((r) => r.reason === reason);
        return [reason, { count: items.length, accuracy: share(items, (r) => r.predictedReason === reason) }];
      }),
    ) as Record<string, { count: number; accuracy: number }>,
    confusion,
  };
}
export type Evaluation = ReturnType<typeof evaluate>;
