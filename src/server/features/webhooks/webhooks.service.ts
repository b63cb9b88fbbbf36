import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { createWebhookBody, updateWebhookBody } from "../../../contract/webhooks.ts";
import { WEBHOOK_EVENTS } from "../../../domain/webhooks/events.ts";
import { type Actor, recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import { notFound } from "../../http/errors.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import { type DeliveryPolicy, deliveryRetry } from "./deliver.ts";
import { newSigningSecret } from "./signature.ts";
import { requireReachableTarget } from "./target.ts";
import { presentDelivery, presentWebhook } from "./webhooks.presenter.ts";
import {
  type EndpointRow,
  findDelivery,
  findEndpoint,
  insertDeliveries,
  insertEndpoint,
  listDeliveries,
  listEndpoints,
} from "./webhooks.repo.ts";

export async function webhooksOf(db: Kysely<Database>, workspaceId: string) {
  return {
    items: (await listEndpoints(db, workspaceId)).map(presentWebhook),
    events: Object.entries(WEBHOOK_EVENTS).map(([type, description]) => ({ type, description })),
  };
}

async function requireEndpoint(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  includeDeleted = false,
) {
  const row = await findEndpoint(db, workspaceId, id, includeDeleted);
  if (!row) throw notFound("The webhook");
  return row;
}

/** Registers an endpoint; its signing secret is in this answer only. */
export async function registerWebhook(
  db: Kysely<Database>,
  actor: Actor & { memberId: string },
  body: z.output<typeof createWebhookBody>,
  allowPrivate: boolean,
) {
  await requireReachableTarget(body.url, allowPrivate);
  const id = randomUUID();
  const secret = newSigningSecret();
  const events = [...new Set(body.events)];
  const row = await db.transaction().execute(async (trx) => {
    await insertEndpoint(trx, {
      id,
      workspaceId: actor.workspaceId,
      url: body.url,
      events,
      secret,
      description: body.description ?? null,
      createdBy: actor.memberId,
    });
    await recordCreate(trx, actor, "webhook_endpoint", id, { url: body.url, events });
    return requireEndpoint(trx, actor.workspaceId, id);
  });
  return { ...presentWebhook(row), secret };
}

const change = (
  trx: Kysely<Database>,
  actor: Actor,
  id: string,
  version: number,
  action: "update" | "delete" | "restore",
  patch?: Record<string, unknown>,
) =>
  applyChange<EndpointRow>(trx, actor, {
    entity: "webhook_endpoint",
    table: "webhook_endpoint",
    id,
    version,
    action,
    ...(patch ? { patch } : {}),
    load: (includeDeleted) => findEndpoint(trx, actor.workspaceId, id, includeDeleted),
    present: presentWebhook,
    what: "The webhook",
  });

export async function changeWebhook(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  body: z.output<typeof updateWebhookBody>,
  allowPrivate: boolean,
) {
  if (body.url) await requireReachableTarget(body.url, allowPrivate);
  const patch: Record<string, unknown> = {};
  if (body.url !== undefined) patch.url = body.url;
  if (body.events !== undefined) patch.events = [...new Set(body.events)];
  if (body.description !== undefined) patch.description = body.description;
  if (body.enabled !== undefined) {
    patch.enabled = body.enabled;
    // Turned on again by a person: the failures that turned it off are behind it.
    if (body.enabled) Object.assign(patch, { disabled_reason: null, failures: 0 });
  }
  const { after } = await db
    .transaction()
    .execute((trx) => change(trx, actor, id, body.version, "update", patch));
  return presentWebhook(after);
}

export async function removeWebhook(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  version: number,
  action: "delete" | "restore",
) {
  const { after } = await db.transaction().execute((trx) => change(trx, actor, id, version, action));
  return presentWebhook(after);
}

export async function deliveriesOf(db: Kysely<Database>, workspaceId: string, id: string) {
  await requireEndpoint(db, workspaceId, id);
  return { items: (await listDeliveries(db, workspaceId, id, 100)).map(presentDelivery) };
}

/** Sends an event to an endpoint again, as a new delivery beside the earlier ones. */
export async function redeliver(
  db: Kysely<Database>,
  jobs: JobQueue,
  policy: DeliveryPolicy,
  workspaceId: string,
  endpointId: string,
  deliveryId: string,
) {
  await requireEndpoint(db, workspaceId, endpointId);
  const earlier = await findDelivery(db, workspaceId, endpointId, deliveryId);
  if (!earlier) throw notFound("The delivery");
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await insertDeliveries(trx, [
      { id, workspaceId, endpointId, eventId: earlier.event_id, redelivery: true },
    ]);
    await jobs.send(trx, "webhook-delivery", { deliveryId: id }, deliveryRetry(policy));
  });
  const rows = await listDeliveries(db, workspaceId, endpointId, 100);
  return presentDelivery(rows.find((r) => r.id === id)!);
}
