import type { SignedIn } from "./auth-context.ts";
import { forbidden } from "./errors.ts";

/**
 * Who may do what to a record, in one place. Seeing a decision is the visibility rule (`db/visibility.ts`);
 * these are the rules on top of it for changing things.
 */

interface OwnedDecision {
  owner_id: string;
}

interface ReviewSeat {
  status: string;
  owner_id: string;
  reviewer_id: string;
}

/** A decision — its parts, its plan, its room — is changed by its owner or an admin; managers read and coach. */
export const canEditDecision = (actor: SignedIn, decision: OwnedDecision) =>
  actor.role === "admin" || decision.owner_id === actor.memberId;

export function requireEditableDecision(actor: SignedIn, decision: OwnedDecision, doing = "change it") {
  if (!canEditDecision(actor, decision))
    throw forbidden(
      `Only the decision's owner or an admin can ${doing}; managers read and coach on their team's decisions.`,
    );
}

/** Only an admin gives a decision to another owner (a seller cannot hand work to a colleague). */
export function requireOwnerChange(actor: SignedIn, ownerId: string | undefined) {
  if (ownerId && ownerId !== actor.memberId && actor.role !== "admin")
    throw forbidden("Only an admin can give a decision to another owner.");
}

/** An open review is answered by the decision's owner, the reviewer or an admin. */
export const canAnswerReview = (actor: SignedIn, review: ReviewSeat) =>
  review.status === "open" &&
  (actor.role === "admin" || actor.memberId === review.owner_id || actor.memberId === review.reviewer_id);

/** An open review is coached (notes, completion) by the reviewer or an admin. */
export const canCoachReview = (actor: SignedIn, review: ReviewSeat) =>
  review.status === "open" && (actor.role === "admin" || actor.memberId === review.reviewer_id);

/** An agreed action is changed by whoever owns it, the review's reviewer or an admin. */
export const canChangeReviewAction = (
  actor: SignedIn,
  action: { owner_id: string },
  review: { reviewer_id: string },
) => actor.role === "admin" || actor.memberId === action.owner_id || actor.memberId === review.reviewer_id;

/** A review is the owner's own (a self-review) or a manager's or admin's; a seller reviews only their own. */
export function requireReviewOpener(actor: SignedIn, decision: OwnedDecision) {
  if (decision.owner_id !== actor.memberId && actor.role === "seller")
    throw forbidden("Only the decision's owner or their manager can review it.");
}

/** Sellers see their own agreed actions; managers and admins anyone's they can see the decision of. */
export function requireActionsReader(actor: SignedIn, ownerId: string) {
  if (ownerId !== actor.memberId && actor.role === "seller")
    throw forbidden("Sellers see their own actions.");
}

/** Managers and admins say whether a diagnosis was right; a seller does not grade the diagnoses of their own answers. */
export function requireDiagnosisCorrector(actor: SignedIn) {
  if (actor.role === "seller")
    throw forbidden("Managers and admins correct diagnoses; ask your manager if one looks wrong.");
}

/**
 * A concession is approved or declined as deep as the workspace's policy allows each role: an admin any; the
 * owner's manager (who sees the decision) up to the manager's limit, never their own request; the owner only
 * within the seller's limit.
 */
export function canDecideConcession(
  actor: SignedIn,
  decision: OwnedDecision,
  concession: { requested_by: string },
  approver: "seller" | "manager" | "admin",
) {
  if (actor.role === "admin") return true;
  if (approver === "seller") return decision.owner_id === actor.memberId;
  return approver === "manager" && actor.role === "manager" && concession.requested_by !== actor.memberId;
}

export function requireConcessionDecider(...args: Parameters<typeof canDecideConcession>) {
  if (!canDecideConcession(...args))
    throw forbidden("The workspace's concession policy asks someone else to approve a concession this deep.");
}

const READS = new Set(["GET", "HEAD"]);

/** A read-only API token reads; anything that changes data takes a token made with the write scope. */
export function requireTokenScope(actor: SignedIn, method: string) {
  if (actor.tokenScope === "read" && !READS.has(method))
    throw forbidden(
      'This API token can only read (scope "read"). Make a token with the write scope to change data.',
    );
}

/** API tokens are made signed in: a leaked token cannot mint itself successors. */
export function requireSession(actor: SignedIn, doing: string) {
  if (actor.tokenScope) throw forbidden(`Sign in to Confidant to ${doing}; an API token cannot.`);
}
