import type { Outcome } from "../decision/model.ts";

// Words for how a deal ended, in the languages CRMs are set up in (English, German, French, Spanish, Italian,
// Portuguese, Dutch): a pipeline's own stage names vary, the words for won and lost much less.
const NO_DECISION =
  /\b(no decision|no-decision|status quo|stayed with|went dark|gone dark|unresponsive|no response|did nothing|do nothing|not a priority|deprioriti[sz]ed|on hold|no budget|stalled|timing|postponed|deferred|cancell?ed|canceled|abandoned|keine entscheidung|verschoben|storniert|abgebrochen|annulé|reporté|sin decisión|cancelado|aplazado)\b/i;
const WON =
  /\b(closed won|closedwon|closed-won|won|signed|gewonnen|gagnée?|ganad[oa]|vint[oa]|ganh[oa]|gewonnen)\b/i;
const LOST =
  /\b(closed lost|closedlost|closed-lost|lost|dead|out-?sold|verloren|perdue?|perdid[oa]|pers[oa])\b/i;
// Stages every pipeline has before the end (and HubSpot's internal names of its default ones), so a stage
// named with them is known to be open.
const OPEN =
  /\b(open|active|lead|new|prospect\w*|qualif\w*|discovery|needs analysis|value proposition|decision makers?|perception|proposal|propose|quote|negotiat\w*|review|demo|presentation|appointment|contract|develop\w*|evaluat\w*|solution|pilot|trial|commit|in progress|engag\w*|scheduled|bought-in|sent|identif\w*|appointmentscheduled|qualifiedtobuy|presentationscheduled|decisionmakerboughtin|contractsent|verhandlung|angebot|qualifizierung|en cours|négociation|propuesta|negociación)\b/i;

export interface OutcomeEvidence {
  stage?: string | null | undefined;
  /** A status column: Open/Won/Lost (Dynamics, Copper), active/won/lost (Close), or Confidant's own. */
  status?: string | null | undefined;
  /** Why it was lost, or the status reason (Dynamics' "Canceled", "Out-Sold"). */
  reason?: string | null | undefined;
  /** The win probability in percent, where the export has one. */
  probability?: number | null | undefined;
}

/** How one text names the end of a deal, if it does. */
function ended(text: string, reason: string): Outcome | null {
  if (/^no[_ -]decision$/i.test(text)) return "no_decision";
  if (WON.test(text) && !LOST.test(text)) return "won";
  if (LOST.test(text)) return NO_DECISION.test(reason) || NO_DECISION.test(text) ? "no_decision" : "lost";
  if (/^(abandoned|cancell?ed|canceled)$/i.test(text.trim())) return "no_decision";
  return null;
}

/**
 * The customer's outcome from what a CRM says of a deal: its status, then its stage, by their words; a 100%
 * probability is won. A loss because the customer did nothing — no decision, status quo, went dark, postponed,
 * canceled — is `no_decision`, not a loss to a competitor: the metric Confidant exists to move. `known` says
 * whether the stage was understood (an ending, or a stage every pipeline has before it); a stage that was not is
 * imported as open and listed.
 */
export function outcomeOf(evidence: OutcomeEvidence): { outcome: Outcome; known: boolean } {
  const reason = (evidence.reason ?? "").trim();
  const stage = (evidence.stage ?? "").trim();
  const status = (evidence.status ?? "").trim();
  for (const text of [status, stage]) {
    const outcome = text ? ended(text, reason) : null;
    if (outcome) return { outcome, known: true };
  }
  if (evidence.probability === 100) return { outcome: "won", known: true };
  // A status that says open (Dynamics' "Open", Close's "active") vouches for whatever stage the pipeline calls it.
  return { outcome: "open", known: !stage || OPEN.test(stage) || OPEN.test(status) };
}
