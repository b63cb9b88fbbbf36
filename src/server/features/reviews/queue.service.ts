import type { Kysely } from "kysely";
import type { ReviewQuestion } from "../../../domain/diagnostics/diagnose.ts";
import { steepestDrop } from "../../../domain/readiness/consensus.ts";
import { riskOf, upperQuartile } from "../../../domain/reviews/queue.ts";
import { DAY_MS } from "../../../domain/time.ts";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { listDecisions } from "../decisions/decisions.service.ts";
import { answersOf, queueFacts } from "./reviews.repo.ts";

/** The queue weighs at most this many open decisions (the lowest readiness first). */
const CANDIDATES = 500;

/**
 * The review queue: the open decisions the member may see — a manager's team's, a seller's own — ordered
 * by risk of no decision, each with the reasons in words.
 */
export async function reviewQueue(db: Kysely<Database>, actor: SignedIn, limit: number, today = new Date()) {
  const { items: cards } = await listDecisions(db, actor, {
    outcome: "open",
    sort: "readiness",
    limit: CANDIDATES,
  });
  const facts = await queueFacts(
    db,
    actor.workspaceId,
    cards.map((c) => c.id),
  );
  const answers = await answersOf(
    db,
    actor.workspaceId,
    facts.map((f) => f.last_review_id).filter((id): id is string => Boolean(id)),
  );
  const largeValue = upperQuartile(cards.map((c) => c.valueAmount ?? 0).filter((v) => v > 0));
  const factsOf = new Map(facts.map((f) => [f.decision_id, f]));
  const flaggedIn = new Map<string, { question: ReviewQuestion; label: "seller" | "vague" }[]>();
  for (const a of answers) {
    if (a.label === "customer") continue;
    const flagged = flaggedIn.get(a.review_id) ?? [];
    flagged.push({ question: a.question as ReviewQuestion, label: a.label as "seller" | "vague" });
    flaggedIn.set(a.review_id, flagged);
  }
  const items = cards.map((card) => {
    const f = factsOf.get(card.id)!;
    const flagged = (f.last_review_id && flaggedIn.get(f.last_review_id)) || [];
    const confidenceDrop = steepestDrop(f.check_in_list ?? []);
    const risk = riskOf(
      {
        readiness: card.readiness,
        readinessAtLastReview: f.last_readiness,
        valueAmount: card.valueAmount,
        largeValue,
        currency: card.currency,
        targetDate: card.targetDate,
        openSevereConcerns: f.severe_concerns,
        flaggedAnswers: flagged,
        hasBuyerCheckIn: (f.check_in_list?.length ?? 0) > 0,
        confidenceDrop,
        daysSinceLearned: Math.floor((today.getTime() - new Date(f.last_learned_at).getTime()) / DAY_MS),
        reviewed: f.last_review_id !== null,
      },
      today,
    );
    return {
      decision: card,
      score: risk.score,
      reasons: risk.reasons,
      openReviewId: f.open_review_id,
      confidenceDrop,
      lastReviewedAt: f.last_completed_at ? new Date(f.last_completed_at).toISOString() : null,
    };
  });
  items.sort((a, b) => b.score - a.score || a.decision.readiness - b.decision.readiness);
  return { items: items.slice(0, limit) };
}
