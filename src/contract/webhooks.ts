import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "../domain/webhooks/events.ts";
import { id, idParams, timestamp, version } from "./common.ts";

export const webhookEventType = z.enum(WEBHOOK_EVENT_TYPES as [string, ...string[]]);

const url = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, message: "must be an http:// or https:// address" }));

export const createWebhookBody = z
  .object({
    url,
    events: z.array(webhookEventType).min(1, "name at least one event").max(WEBHOOK_EVENT_TYPES.length),
    description: z.string().trim().max(200).optional(),
  })
  .strict();

export const updateWebhookBody = z
  .object({
    version,
    url: url.optional(),
    events: z
      .array(webhookEventType)
      .min(1, "name at least one event")
      .max(WEBHOOK_EVENT_TYPES.length)
      .optional(),
    description: z.string().trim().max(200).nullable().optional(),
    enabled: z
      .boolean()
      .optional()
      .describe("true turns a disabled endpoint on again and clears its failures"),
  })
  .strict();

export const webhook = z.object({
  id,
  url: z.string(),
  events: z.array(z.string()),
  description: z.string().nullable(),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  failures: z.number().int().describe("Failed attempts in a row, across deliveries"),
  createdAt: timestamp,
  version: z.number().int(),
});

export const createdWebhook = webhook.extend({
  secret: z
    .string()
    .describe("The signing secret: shown this once. Check each request's Confidant-Signature header with it"),
});

export const webhookList = z.object({
  items: z.array(webhook),
  events: z.array(z.object({ type: z.string(), description: z.string() })),
});

export const webhookDelivery = z.object({
  id,
  eventId: id,
  type: z.string(),
  status: z.enum(["pending", "retrying", "delivered", "failed"]),
  attempts: z.number().int(),
  responseCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  redelivery: z.boolean(),
  createdAt: timestamp,
  lastAttemptAt: timestamp.nullable(),
  deliveredAt: timestamp.nullable(),
});

export const deliveryList = z.object({ items: z.array(webhookDelivery) });

export const deliveryParams = z.object({ id, deliveryId: id });

export const webhookParams = idParams;

export type Webhook = z.infer<typeof webhook>;
export type WebhookDelivery = z.infer<typeof webhookDelivery>;
