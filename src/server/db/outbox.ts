import type { Kysely } from "kysely";
import type { WebhookEventType } from "../../domain/webhooks/events.ts";
import type { Database } from "./schema.ts";
import { uuidv7 } from "./uuid7.ts";

export interface RaisedEvent {
  type: WebhookEventType;
  entity: string;
  entityId: string;
  decisionId: string | null;
  /** The record as the change left it, for events whose data is read from it. */
  snapshot?: unknown;
}

/**
 * Writes the events a change raised, in the change's own transaction, for the webhook dispatcher to send:
 * the change and its events are kept together or not at all. Only events some live endpoint of the
 * workspace listens to are written, so a workspace without webhooks pays one small read per such change.
 */
export async function raiseEvents(trx: Kysely<Database>, workspaceId: string, events: RaisedEvent[]) {
  if (!events.length) return;
  const rows = await trx
    .selectFrom("webhook_endpoint")
    .select((eb) => eb.fn<string>("unnest", ["events"]).as("type"))
    .where("workspace_id", "=", workspaceId)
    .where("enabled", "=", true)
    .where("deleted_at", "is", null)
    .execute();
  const listened = new Set(rows.map((r) => r.type));
  const wanted = events.filter((e) => listened.has(e.type));
  if (!wanted.length) return;
  await trx
    .insertInto("webhook_event")
    .values(
      wanted.map((e) => ({
        id: uuidv7(),
        workspace_id: workspaceId,
        type: e.type,
        entity: e.entity,
        entity_id: e.entityId,
        decision_id: e.decisionId,
        snapshot: e.snapshot === undefined ? null : JSON.stringify(e.snapshot),
      })),
    )
    .execute();
}
