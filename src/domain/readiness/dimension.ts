import { type GapKey, type QuestionLibrary, questionFor } from "./questions.ts";

export const DIMENSIONS = [
  "problem",
  "impact",
  "why_change",
  "people",
  "concerns",
  "consensus",
  "process",
  "confidence",
] as const;
export type DimensionKey = (typeof DIMENSIONS)[number];

export interface Gap {
  /** A question-library key, or "review.flagged" for an answer a review flagged (its question is the diagnosis's). */
  key: GapKey | "review.flagged";
  text: string;
  question: string;
}

export interface Dimension {
  key: DimensionKey;
  score: number;
  evidence: string[];
  gaps: Gap[];
}

/** Collects a dimension's points, evidence and gaps; points of one dimension add up to 100. */
export class DimensionScore {
  private points = 0;
  readonly evidence: string[] = [];
  readonly gaps: Gap[] = [];
  constructor(
    readonly key: DimensionKey,
    private readonly library: QuestionLibrary,
  ) {}

  /** Full points when `met`, with the evidence; otherwise the gap and its question. */
  check(
    points: number,
    met: boolean,
    evidence: string,
    gap: { key: GapKey; text: string; fill?: Record<string, string> },
  ) {
    if (met) {
      this.points += points;
      this.evidence.push(evidence);
    } else this.gap(gap.key, gap.text, gap.fill);
    return met;
  }

  /** Part of the points, for checks met by some of several things (stakeholders, concerns). */
  partial(points: number, fraction: number, evidence?: string) {
    this.points += points * Math.max(0, Math.min(1, fraction));
    if (evidence) this.evidence.push(evidence);
  }

  gap(key: GapKey, text: string, fill: Record<string, string> = {}) {
    this.gaps.push({ key, text, question: questionFor(key, this.library, fill) });
  }

  result(): Dimension {
    return {
      key: this.key,
      score: Math.round(Math.max(0, Math.min(100, this.points))),
      evidence: this.evidence,
      gaps: this.gaps,
    };
  }
}
