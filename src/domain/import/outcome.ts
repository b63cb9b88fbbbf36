import type { Outcome } from "../decision/model.ts";

const NO_DECISION =
  /\b(no decision|no-decision|status quo|stayed with|went dark|gone dark|unresponsive|no response|did nothing|do nothing|not a priority|deprioriti[sz]ed|on hold|no budget|stalled|timing)\b/i;
const WON = /\b(closed won|closedwon|won|signed|closed-won)\b/i;
const LOST = /\b(closed lost|closedlost|lost|closed-lost|dead)\b/i;

/**
 * The customer's outcome from a CRM's stage and loss reason. A loss because the customer did nothing — no
 * decision, status quo, went dark — is `no_decision`, not a loss to a competitor: the metric Confidant
 * exists to move.
 */
export function outcomeFromStage(stage: string | null | undefined, lossReason?: string | null): Outcome {
  const text = (stage ?? "").trim();
  if (/^no[_ -]decision$/i.test(text)) return "no_decision";
  if (WON.test(text) && !/\blost\b/i.test(text)) return "won";
  if (LOST.test(text))
    return NO_DECISION.test(lossReason ?? "") || NO_DECISION.test(text) ? "no_decision" : "lost";
  return "open";
}
