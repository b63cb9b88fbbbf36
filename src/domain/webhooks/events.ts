/** The events a webhook endpoint can subscribe to, each with what it means to the people reading a log of them. */
export const WEBHOOK_EVENTS = {
  "decision.created": "A customer decision was added",
  "decision.updated": "Anything in a decision changed",
  "decision.outcome_set": "A decision was won, lost or ended without a decision (or reopened)",
  "readiness.milestone_changed": "The customer's evidence moved a decision to another milestone",
  "checkin.created": "A buyer sent a confidence check-in from their room",
  "review.completed": "A review of a decision was completed",
  "plan.step.completed": "A step of the mutual plan was marked done",
  "conversation.analyzed": "A conversation was added and read by the counting rules",
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];

interface Change {
  entity: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

const field = (value: unknown, key: string) =>
  value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;

/** Whether a field went to `to` in this change (it was something else before). */
const became = (change: Change, key: string, to: unknown) =>
  field(change.after, key) === to && field(change.before, key) !== to;

/**
 * The events one recorded change raises. Milestones are derived, not edited, so they are raised where
 * readiness is worked out again, not here.
 */
export function eventsOf(change: Change): WebhookEventType[] {
  const { entity, action } = change;
  if (entity === "decision") {
    if (action === "create") return ["decision.created"];
    if (action !== "update") return [];
    const outcomeChanged = field(change.before, "outcome") !== field(change.after, "outcome");
    return outcomeChanged ? ["decision.updated", "decision.outcome_set"] : ["decision.updated"];
  }
  if (entity === "check_in" && action === "create") return ["checkin.created"];
  if (entity === "conversation" && action === "create") return ["conversation.analyzed"];
  if (entity === "review" && action === "update" && became(change, "status", "completed"))
    return ["review.completed"];
  if (entity === "plan_step" && action === "update" && became(change, "status", "done"))
    return ["plan.step.completed"];
  return [];
}
