// How often the diagnosis matched the managers of a workspace: on the label, on label and reason, and by
// the label and reason the manager gave — from their verdicts, agreeing and correcting alike.
import type { DiagnosisLabel, DiagnosisReason } from "./types.ts";

export interface Verdict {
  predictedLabel: DiagnosisLabel;
  predictedReason: DiagnosisReason | null;
  label: DiagnosisLabel;
  reason: DiagnosisReason | null;
}

export interface Agreement {
  count: number;
  agreed: number;
  /** Null when there is nothing to compare yet. */
  rate: number | null;
}

const tally = (pairs: boolean[]): Agreement => {
  const agreed = pairs.filter(Boolean).length;
  return { count: pairs.length, agreed, rate: pairs.length ? agreed / pairs.length : null };
};

/** The manager's reason as the diagnosis would give it: vague answers carry "vague", customer ones none. */
export const reasonOf = (label: DiagnosisLabel, reason: DiagnosisReason | null) =>
  label === "vague" ? "vague" : label === "customer" ? null : reason;

export const sameLabel = (v: Verdict) => v.predictedLabel === v.label;
export const sameReason = (v: Verdict) =>
  sameLabel(v) && (v.predictedReason ?? null) === reasonOf(v.label, v.reason);

export function agreementOf(verdicts: Verdict[]) {
  const group = (key: (v: Verdict) => string | null) => {
    const groups = new Map<string, Verdict[]>();
    for (const v of verdicts) {
      const k = key(v);
      if (k) groups.set(k, [...(groups.get(k) ?? []), v]);
    }
    return Object.fromEntries([...groups].map(([k, vs]) => [k, tally(vs.map(sameReason))]));
  };
  return {
    label: tally(verdicts.map(sameLabel)),
    reason: tally(verdicts.map(sameReason)),
    perLabel: group((v) => v.label),
    perReason: group((v) => (v.label === "seller" ? v.reason : null)),
  };
}
