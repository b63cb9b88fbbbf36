import type { Webhook, WebhookDelivery } from "../../../contract/webhooks.ts";
import type { EndpointRow, listDeliveries } from "./webhooks.repo.ts";

export const presentWebhook = (row: EndpointRow): Webhook => ({
  id: row.id,
  url: row.url,
  events: row.events,
  description: row.description,
  enabled: row.enabled,
  disabledReason: row.disabled_reason,
  failures: row.failures,
  createdAt: row.created_at.toISOString(),
  version: row.version,
});

type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number];

export const presentDelivery = (row: DeliveryRow): WebhookDelivery => ({
  id: row.id,
  eventId: row.event_id,
  type: row.type,
  status: row.status,
  attempts: row.attempts,
  responseCode: row.response_code,
  error: row.error,
  durationMs: row.duration_ms,
  redelivery: row.redelivery,
  createdAt: row.created_at.toISOString(),
  lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
  deliveredAt: row.delivered_at?.toISOString() ?? null,
});
