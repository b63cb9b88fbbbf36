import type { ConfidencePoint } from "../../domain/decision/model.ts";
import type { DimensionKey } from "../../domain/readiness/dimension.ts";
import type { Milestone } from "../../domain/readiness/milestone.ts";

function fractionDigits(currency: string) {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** Minor units to major units of the currency (cents → dollars; yen have none). */
export const toMajor = (minor: number, currency: string) => minor / 10 ** fractionDigits(currency);
export const toMinor = (major: number, currency: string) =>
  Math.round(major * 10 ** fractionDigits(currency));

export function money(minor: number | null | undefined, currency: string, compact = false) {
  if (minor === null || minor === undefined) return "—";
  return new Intl.NumberFormat("en", {
    style: "currency",
    currency,
    notation: compact ? "compact" : "standard",
    maximumFractionDigits: compact ? 1 : 0,
  }).format(toMajor(minor, currency));
}

/** A share (0–1) as a whole percentage; a dash when there is nothing to measure. */
export const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? "—" : `${Math.round(share * 100)}%`;

export function date(value: string | null | undefined) {
  if (!value) return "—";
  return new Date(`${value.slice(0, 10)}T00:00:00Z`).toLocaleDateString("en", {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
}

export function dateTime(value: string) {
  return new Date(value).toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });
}

export const MILESTONE_LABELS: Record<Milestone, string> = {
  exploring: "Exploring",
  problem_agreed: "Problem agreed",
  impact_quantified: "Impact quantified",
  consensus_forming: "Consensus forming",
  plan_agreed: "Plan agreed",
  deciding: "Deciding",
  decided: "Decided",
};

export const DIMENSION_LABELS: Record<DimensionKey, string> = {
  problem: "Problem",
  impact: "Impact",
  why_change: "Why change, why now",
  people: "People",
  concerns: "Concerns",
  consensus: "Consensus",
  process: "Process",
  confidence: "Confidence",
};

/** A confidence point in a table header or a short list. */
export const CONFIDENCE_SHORT: Record<ConfidencePoint, string> = {
  problem: "Problem",
  solution: "Solution",
  risks: "Risks",
  me: "For me",
  agreement: "Org agrees",
};

export const label = (value: string) => value.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());

export function readinessColor(score: number) {
  if (score >= 70) return "teal";
  if (score >= 40) return "yellow";
  return "red";
}
