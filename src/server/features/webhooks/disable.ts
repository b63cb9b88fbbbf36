import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import { presentWebhook } from "./webhooks.presenter.ts";
import { findEndpoint } from "./webhooks.repo.ts";

/**
 * A delivery that failed every retry (about a day of them) turns its endpoint off, so a dead receiver does not
 * pile up work; admins see why on the Integrations page (and, with email set up, by mail) and turn it on again.
 */
export type OffNotice = (
  trx: Kysely<Database>,
  notice: { workspaceId: string; url: string; reason: string },
) => Promise<void>;

/** Turns the endpoint off inside the caller's transaction: the failed delivery and the endpoint's state go together. */
export async function disableEndpoint(
  trx: Kysely<Database>,
  workspaceId: string,
  id: string,
  error: string,
  notify: OffNotice,
) {
  const row = await findEndpoint(trx, workspaceId, id);
  if (!row?.enabled) return;
  const reason = `Turned off after a delivery failed every retry (last: ${error}).`;
  await applyChange(
    trx,
    { workspaceId, memberId: null, via: "webhooks" },
    {
      entity: "webhook_endpoint",
      table: "webhook_endpoint",
      id,
      version: row.version,
      action: "update",
      current: row,
      patch: { enabled: false, disabled_reason: reason },
      load: (includeDeleted) => findEndpoint(trx, workspaceId, id, includeDeleted),
      present: presentWebhook,
      what: "The webhook",
    },
  );
  await notify(trx, { workspaceId, url: row.url, reason });
}
