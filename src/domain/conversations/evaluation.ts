// How the analysis is judged against a labelled call: the same sentence despite curly quotes and spacing,
// and customer statements scored by label (a statement found under the wrong label is a miss).

export type StatementLabel = "problem" | "impact" | "concern";
export const STATEMENT_LABELS: readonly StatementLabel[] = ["problem", "impact", "concern"];
type Statements = Record<StatementLabel, readonly { text: string }[]>;

const normal = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();

export const sameSentence = (a: string, b: string) => normal(a) === normal(b);

export interface StatementScore {
  expected: number;
  found: number;
  hit: number;
  missed: { label: StatementLabel; text: string }[];
  extra: { label: StatementLabel; text: string }[];
}

export function scoreStatements(truth: Statements, ours: Statements): StatementScore {
  const score: StatementScore = { expected: 0, found: 0, hit: 0, missed: [], extra: [] };
  for (const label of STATEMENT_LABELS) {
    const want = new Set(truth[label].map((s) => normal(s.text)));
    const got = new Set(ours[label].map((s) => normal(s.text)));
    score.expected += want.size;
    score.found += ours[label].length;
    score.hit += ours[label].filter((s) => want.has(normal(s.text))).length;
    for (const s of truth[label]) if (!got.has(normal(s.text))) score.missed.push({ label, text: s.text });
    for (const s of ours[label]) if (!want.has(normal(s.text))) score.extra.push({ label, text: s.text });
  }
  return score;
}
