import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { JobHandler, RetryPolicy } from "../../jobs/queue.ts";
import { disableEndpoint, type OffNotice } from "./disable.ts";
import { postWebhook } from "./send.ts";
import { signatureHeader } from "./signature.ts";
import { countEndpointResult, deliveryToSend, recordAttempt } from "./webhooks.repo.ts";

export interface DeliveryPolicy {
  allowPrivate: boolean;
  retrySeconds: number;
  retries: number;
  timeoutMs: number;
}

export const deliveryRetry = (policy: DeliveryPolicy): RetryPolicy => ({
  retryDelaySeconds: policy.retrySeconds,
  retryLimit: policy.retries,
  // An attempt that outlives this (its server died mid-send) is counted failed and retried elsewhere.
  expireInSeconds: Math.ceil(policy.timeoutMs / 1000) + 30,
});

/**
 * Sends one delivery: signed with the endpoint's secret at the moment of sending. A failure is retried with
 * backoff by the queue; the last one fails the delivery and turns the endpoint off, with the reason.
 */
export const deliverWebhook =
  (db: Kysely<Database>, policy: DeliveryPolicy, notify: OffNotice): JobHandler<{ deliveryId: string }> =>
  async (job) => {
    const delivery = await deliveryToSend(db, job.data.deliveryId);
    if (!delivery || delivery.status === "delivered" || delivery.status === "failed") return;
    if (delivery.deleted_at || !delivery.enabled || !delivery.body) {
      const why = delivery.deleted_at ? "the webhook was deleted" : "the webhook is turned off";
      await recordAttempt(db, delivery.id, {
        status: "failed",
        responseCode: null,
        error: `not sent: ${why}`,
        durationMs: 0,
      });
      return;
    }
    const headers = {
      "confidant-signature": signatureHeader(delivery.secret, delivery.body, Math.floor(Date.now() / 1000)),
      "confidant-delivery": delivery.id,
    };
    const result = await postWebhook(delivery.url, delivery.body, headers, policy);
    const last = job.retryCount >= job.retryLimit;
    // The attempt, the endpoint's count and, after the last retry, turning it off: all or nothing.
    await db.transaction().execute(async (trx) => {
      await recordAttempt(trx, delivery.id, {
        status: result.ok ? "delivered" : last ? "failed" : "retrying",
        responseCode: result.status,
        error: result.error,
        durationMs: result.durationMs,
      });
      await countEndpointResult(trx, delivery.endpoint_id, result.ok);
      if (!result.ok && last)
        await disableEndpoint(
          trx,
          delivery.workspace_id,
          delivery.endpoint_id,
          result.error ?? "failed",
          notify,
        );
    });
    if (result.ok || last) return;
    throw new Error(result.error ?? "failed");
  };
