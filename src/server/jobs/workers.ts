import type { FastifyInstance } from "fastify";
import {
  queueSuccessChecks,
  queueWebhookOffNotice,
  queueWeeklyMails,
  sendEmailJob,
} from "../features/email/email.service.ts";
import { deliverWebhook } from "../features/webhooks/deliver.ts";
import type { OffNotice } from "../features/webhooks/disable.ts";
import { dispatchEvents } from "../features/webhooks/dispatch.ts";

const DISPATCH_EVERY_MS = 200;
const SUCCESS_CHECK_CRON = "0 8 * * *";

/**
 * The background work of an app server: handing out webhook events and sending deliveries, sending mail, and
 * the weekly digest. Every server runs
 * it; the queue and SKIP LOCKED make each event and each job run on one of them.
 */
export async function startWorkers(app: FastifyInstance) {
  const { db, jobs, config, mailer } = app;
  // With email on, admins hear of a webhook turned off by mail too (it always shows on the integrations page).
  const notify: OffNotice = async (trx, notice) => {
    if (mailer.enabled) await queueWebhookOffNotice(trx, jobs, notice);
  };
  await jobs.work("webhook-delivery", deliverWebhook(db, config.webhooks, notify));
  await jobs.work(
    "email",
    sendEmailJob(db, mailer, () => config.publicUrl),
  );
  await jobs.work("email-weekly", async () => {
    await queueWeeklyMails(db, jobs);
  });
  await jobs.work("success-checks", async () => {
    await queueSuccessChecks(db, jobs);
  });
  if (mailer.enabled) {
    await jobs.schedule("email-weekly", config.email.digestCron);
    // Every morning, customers whose success measures came due are asked whether the decision delivered.
    await jobs.schedule("success-checks", SUCCESS_CHECK_CRON);
  }
  let stopped = false;
  let running: Promise<void> | null = null;
  const dispatch = async () => {
    try {
      let handled = 0;
      do {
        handled = await dispatchEvents(db, jobs, config.webhooks);
        if (handled) jobs.wake("webhook-delivery");
      } while (handled && !stopped);
    } catch (error) {
      app.log.error(error, "could not hand out webhook events; trying again shortly");
    }
  };
  // A tick while the last one still runs is skipped: one dispatcher per server at a time.
  const timer = setInterval(() => {
    running ??= dispatch().finally(() => {
      running = null;
    });
  }, DISPATCH_EVERY_MS);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await jobs.stop();
    },
  };
}
