import { z } from "zod";

/**
 * What the decision pages keep in the address, so back, reload and a shared link show the same view. A value
 * the page does not know falls back to its default rather than failing the page.
 */
export const DECISION_TABS = ["canvas", "conversations", "plan", "reviews", "history"] as const;
export type DecisionTab = (typeof DECISION_TABS)[number];

export const TABLE_SORTS = ["readiness", "-value", "targetDate", "-costOfWaiting", "-updated"] as const;

export const decisionsSearch = z.object({
  view: z.enum(["board", "table"]).default("board").catch("board"),
  owner: z.enum(["all", "me"]).default("all").catch("all"),
  sort: z.enum(TABLE_SORTS).default("readiness").catch("readiness"),
  q: z.string().max(200).default("").catch(""),
});
export type DecisionsSearch = z.output<typeof decisionsSearch>;

export const decisionSearch = z.object({
  tab: z.enum(DECISION_TABS).default("canvas").catch("canvas"),
  /** The conversation open on the conversations tab. */
  conversation: z.uuid().optional().catch(undefined),
});
