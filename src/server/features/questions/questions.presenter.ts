import { DEFAULT_QUESTIONS, GAP_WHEN, type GapKey } from "../../../domain/readiness/questions.ts";

/** A question as the library shows it: the workspace's wording when it has one, beside the shipped one. */
export const presentQuestion = (key: GapKey, row?: { text: string; version: number }) => ({
  key,
  when: GAP_WHEN[key],
  text: row?.text ?? DEFAULT_QUESTIONS[key],
  defaultText: DEFAULT_QUESTIONS[key],
  customized: Boolean(row),
  version: row?.version ?? null,
});
