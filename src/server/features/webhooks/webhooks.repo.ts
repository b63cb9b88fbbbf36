import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";

export type EndpointRow = Awaited<ReturnType<typeof findEndpoint>> & {};

const ENDPOINT = [
  "id",
  "workspace_id",
  "url",
  "events",
  "secret",
  "description",
  "enabled",
  "disabled_reason",
  "failures",
  "created_by",
  "created_at",
  "updated_at",
  "deleted_at",
  "version",
] as const;

export async function insertEndpoint(
  db: Kysely<Database>,
  row: {
    id: string;
    workspaceId: string;
    url: string;
    events: string[];
    secret: string;
    description: string | null;
    createdBy: string;
  },
) {
  await db
    .insertInto("webhook_endpoint")
    .values({
      id: row.id,
      workspace_id: row.workspaceId,
      url: row.url,
      events: row.events,
      secret: row.secret,
      description: row.description,
      created_by: row.createdBy,
    })
    .execute();
}

export function findEndpoint(db: Kysely<Database>, workspaceId: string, id: string, includeDeleted = false) {
  let query = db
    .selectFrom("webhook_endpoint")
    .select(ENDPOINT)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id);
  if (!includeDeleted) query = query.where("deleted_at", "is", null);
  return query.executeTakeFirst();
}

export function listEndpoints(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom("webhook_endpoint")
    .select(ENDPOINT)
    .where("workspace_id", "=", workspaceId)
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .execute();
}

/** Events not yet handed to their endpoints, oldest first; a row another server is handing out is skipped. */
export function claimPendingEvents(trx: Kysely<Database>, limit: number) {
  return trx
    .selectFrom("webhook_event")
    .selectAll()
    .where("dispatched_at", "is", null)
    .orderBy("created_at")
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Marks events handed out, each with the body its endpoints receive, in one statement. */
export async function markDispatched(trx: Kysely<Database>, events: Array<{ id: string; body: string }>) {
  if (!events.length) return;
  await sql`UPDATE webhook_event SET dispatched_at = now(), body = given.body
    FROM unnest(${events.map((e) => e.id)}::uuid[], ${events.map((e) => e.body)}::text[]) AS given(id, body)
    WHERE webhook_event.id = given.id`.execute(trx);
}

/** The live endpoints of these workspaces, with the events each listens to. */
export function liveEndpoints(trx: Kysely<Database>, workspaceIds: string[]) {
  return trx
    .selectFrom("webhook_endpoint")
    .select(["id", "workspace_id", "events"])
    .where("workspace_id", "in", workspaceIds)
    .where("enabled", "=", true)
    .where("deleted_at", "is", null)
    .execute();
}

export async function insertDeliveries(
  trx: Kysely<Database>,
  rows: Array<{ id: string; workspaceId: string; endpointId: string; eventId: string; redelivery?: boolean }>,
) {
  if (!rows.length) return;
  await trx
    .insertInto("webhook_delivery")
    .values(
      rows.map((r) => ({
        id: r.id,
        workspace_id: r.workspaceId,
        endpoint_id: r.endpointId,
        event_id: r.eventId,
        redelivery: r.redelivery ?? false,
      })),
    )
    .execute();
}

/** What one delivery sends, and where: the endpoint (even if deleted or disabled since) and the event's body. */
export function deliveryToSend(db: Kysely<Database>, id: string) {
  return db
    .selectFrom("webhook_delivery as d")
    .innerJoin("webhook_endpoint as e", "e.id", "d.endpoint_id")
    .innerJoin("webhook_event as ev", "ev.id", "d.event_id")
    .select([
      "d.id",
      "d.workspace_id",
      "d.status",
      "d.endpoint_id",
      "e.url",
      "e.secret",
      "e.enabled",
      "e.deleted_at",
      "ev.body",
    ])
    .where("d.id", "=", id)
    .executeTakeFirst();
}

export async function recordAttempt(
  db: Kysely<Database>,
  id: string,
  result: {
    status: "delivered" | "retrying" | "failed";
    responseCode: number | null;
    error: string | null;
    durationMs: number;
  },
) {
  await db
    .updateTable("webhook_delivery")
    .set({
      status: result.status,
      attempts: sql`attempts + 1`,
      response_code: result.responseCode,
      error: result.error,
      duration_ms: result.durationMs,
      last_attempt_at: sql`now()`,
      delivered_at: result.status === "delivered" ? sql`now()` : null,
    })
    .where("id", "=", id)
    .execute();
}

/** A success ends a run of failures; a failure adds to it. Gives back the endpoint's count after. */
export async function countEndpointResult(db: Kysely<Database>, endpointId: string, ok: boolean) {
  const row = await db
    .updateTable("webhook_endpoint")
    .set({ failures: ok ? 0 : sql`failures + 1` })
    .where("id", "=", endpointId)
    .returning(["failures"])
    .executeTakeFirst();
  return row?.failures ?? 0;
}

export function listDeliveries(db: Kysely<Database>, workspaceId: string, endpointId: string, limit: number) {
  return db
    .selectFrom("webhook_delivery as d")
    .innerJoin("webhook_event as ev", "ev.id", "d.event_id")
    .select([
      "d.id",
      "d.event_id",
      "ev.type",
      "d.status",
      "d.attempts",
      "d.response_code",
      "d.error",
      "d.duration_ms",
      "d.redelivery",
      "d.created_at",
      "d.last_attempt_at",
      "d.delivered_at",
    ])
    .where("d.workspace_id", "=", workspaceId)
    .where("d.endpoint_id", "=", endpointId)
    .orderBy("d.created_at", "desc")
    .limit(limit)
    .execute();
}

export function findDelivery(db: Kysely<Database>, workspaceId: string, endpointId: string, id: string) {
  return db
    .selectFrom("webhook_delivery")
    .select(["id", "event_id", "endpoint_id"])
    .where("workspace_id", "=", workspaceId)
    .where("endpoint_id", "=", endpointId)
    .where("id", "=", id)
    .executeTakeFirst();
}
