import { costOfWaiting } from "../decision/cost-of-waiting.ts";
import type { DecisionFacts } from "../decision/model.ts";
import type { ReviewQuestion } from "../diagnostics/types.ts";
import { wholeMoney as money } from "../words.ts";

const sentence = (parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(" ").trim();
const ROLE = (role: string) => role.replace(/_/g, " ");

/**
 * A review starts from what the decision record already says, so the seller confirms or corrects rather
 * than retypes; an empty answer is a question not yet answered.
 */
export function prefillAnswers(
  facts: DecisionFacts,
  currency: string,
  today: Date,
): Record<ReviewQuestion, string> {
  const cost = costOfWaiting(facts.impact, facts.targetDate, today);
  const saidBy = facts.involvements.find((i) => i.stakeholderId === facts.problem.saidBy);
  const confirmer = facts.involvements.find((i) => i.stakeholderId === facts.impact.confirmedBy);
  const stances = facts.involvements.map((i) => {
    const against = Object.entries(i.stance).filter(([, s]) => s === "doubts" || s === "opposes");
    const view = against.length
      ? against
          .map(([point, stance]) => `${stance} ${point === "us" ? "working with us" : `the ${point}`}`)
          .join(", ")
      : i.stance.problem === "unknown"
        ? "stance unknown"
        : `${i.stance.problem} the problem`;
    return `${i.name} (${ROLE(i.role)}): ${view}.`;
  });
  const ratings = Object.entries(facts.sellerConfidence).filter(([, v]) => typeof v === "number");
  return {
    problem: sentence([
      facts.problem.statement,
      saidBy && `(In the words of ${saidBy.name}.)`,
      facts.problem.rootCause && `Root cause: ${facts.problem.rootCause}`,
    ]),
    impact: sentence([
      cost.perMonth > 0 && `Doing nothing costs about ${money(cost.perMonth, currency)} a month.`,
      ...(facts.impact.risks ?? []).map(
        (r) => `Risk: ${r.description} (${money(r.amount, currency)}, ${r.likelihood}% likely).`,
      ),
      facts.impact.assumptions && `Assumptions: ${facts.impact.assumptions}`,
      confirmer && `Confirmed by ${confirmer.name}.`,
    ]),
    why_change: sentence([
      facts.trigger.event,
      facts.trigger.date &&
        `Date: ${facts.trigger.date}${facts.trigger.dateOwner === "ours" ? " (our date)" : ""}.`,
    ]),
    worries: facts.concerns.map((c) => `${c.text}${c.kind === "individual" ? " (personal)" : ""}`).join(" "),
    consensus: stances.join(" "),
    confidence: ratings.length
      ? `Our estimate: ${ratings.map(([point, value]) => `${point} ${value}/5`).join(", ")}.`
      : "",
  };
}
