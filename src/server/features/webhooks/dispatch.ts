import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { AppError } from "../../http/errors.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import { conversationView } from "../conversations/conversations.service.ts";
import { decisionDetail } from "../decisions/decisions.service.ts";
import { planOf } from "../plan/plan.service.ts";
import { reviewDetail } from "../reviews/reviews.service.ts";
import { type DeliveryPolicy, deliveryRetry } from "./deliver.ts";
import { claimPendingEvents, insertDeliveries, liveEndpoints, markDispatched } from "./webhooks.repo.ts";

type EventRow = Awaited<ReturnType<typeof claimPendingEvents>>[number];

/** A body over this is sent without the record itself (its id and a note say where to read it). */
export const MAX_BODY_BYTES = 256 * 1024;

/** Webhooks speak for the workspace: their data is what an admin of it would read. */
const workspaceReader = (workspaceId: string): SignedIn => ({
  workspaceId,
  memberId: "00000000-0000-0000-0000-000000000000",
  role: "admin",
  teamId: null,
  via: "webhooks",
});

/** The event's record in the API's own shape, read now; the change's snapshot when the record is gone. */
async function objectOf(db: Kysely<Database>, event: EventRow): Promise<unknown> {
  const reader = workspaceReader(event.workspace_id);
  try {
    switch (event.type) {
      case "decision.created":
      case "decision.updated":
      case "decision.outcome_set":
      case "readiness.milestone_changed":
        return await decisionDetail(db, reader, event.entity_id);
      case "review.completed":
        return await reviewDetail(db, reader, event.entity_id);
      case "conversation.analyzed":
        return await conversationView(db, reader, event.entity_id);
      case "plan.step.completed": {
        const plan = await planOf(db, event.workspace_id, event.decision_id!, null);
        return plan.steps.find((s) => s.id === event.entity_id) ?? event.snapshot;
      }
      default:
        return { id: event.entity_id, decisionId: event.decision_id, ...(event.snapshot as object) };
    }
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return { id: event.entity_id, deleted: true };
    throw error;
  }
}

/** The bytes every endpoint (and every redelivery) of this event receives. */
export async function eventBody(db: Kysely<Database>, event: EventRow, read = objectOf) {
  const object = await read(db, event);
  const data: Record<string, unknown> = { object };
  if (event.type === "readiness.milestone_changed")
    data.previous = {
      milestone: (event.snapshot as { previousMilestone?: string } | null)?.previousMilestone ?? null,
    };
  const envelope = { id: event.id, type: event.type, createdAt: event.created_at.toISOString(), data };
  const body = JSON.stringify(envelope);
  if (Buffer.byteLength(body) <= MAX_BODY_BYTES) return body;
  const id = (object as { id?: string } | null)?.id ?? event.entity_id;
  return JSON.stringify({
    ...envelope,
    data: { ...data, object: { id }, truncated: `over ${MAX_BODY_BYTES / 1024} KB: read it from the API` },
  });
}

/**
 * Hands new events to their endpoints: each becomes one delivery per listening endpoint, and one job each, in
 * one transaction with marking it handed out. Several servers can run this at once: SKIP LOCKED gives each
 * event to one of them. Gives back how many events it handled.
 */
export async function dispatchEvents(
  db: Kysely<Database>,
  jobs: JobQueue,
  policy: DeliveryPolicy,
  batch = 50,
) {
  return db.transaction().execute(async (trx) => {
    const events = await claimPendingEvents(trx, batch);
    if (!events.length) return 0;
    // Several events about one record in a batch (a burst of edits) read it once: each would read it as it is now.
    const objects = new Map<string, Promise<unknown>>();
    const read = (d: Kysely<Database>, e: EventRow) => {
      const key = `${e.type === "plan.step.completed" ? "step" : e.entity}:${e.entity_id}`;
      if (!objects.has(key)) objects.set(key, objectOf(d, e));
      return objects.get(key)!;
    };
    const endpoints = await liveEndpoints(trx, [...new Set(events.map((e) => e.workspace_id))]);
    const bodies: Array<{ id: string; body: string }> = [];
    const deliveries: Array<{ id: string; workspaceId: string; endpointId: string; eventId: string }> = [];
    for (const event of events) {
      bodies.push({ id: event.id, body: await eventBody(trx, event, read) });
      for (const endpoint of endpoints)
        if (endpoint.workspace_id === event.workspace_id && endpoint.events.includes(event.type))
          deliveries.push({
            id: randomUUID(),
            workspaceId: event.workspace_id,
            endpointId: endpoint.id,
            eventId: event.id,
          });
    }
    await insertDeliveries(trx, deliveries);
    await jobs.sendMany(
      trx,
      "webhook-delivery",
      deliveries.map((d) => ({ deliveryId: d.id })),
      deliveryRetry(policy),
    );
    await markDispatched(trx, bodies);
    return events.length;
  });
}
