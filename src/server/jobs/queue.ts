import { CompiledQuery, type Kysely } from "kysely";
import PgBoss from "pg-boss";
import type { Database } from "../db/schema.ts";

/**
 * Background work that must survive a restart and run once across several app servers: jobs are rows in
 * PostgreSQL (pg-boss, in its own `pgboss` schema), claimed with SKIP LOCKED, retried with backoff, and
 * taken up again by another server when the one running them dies. pg-boss sends its SQL through Kysely,
 * so one pool (or the one embedded connection) serves both, and a job can be sent inside the transaction
 * of the change it follows.
 */
export const QUEUE_NAMES = ["webhook-delivery", "email", "email-weekly", "success-checks"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** pg-boss's view of a Kysely instance or transaction. */
export const bossDb = (db: Kysely<Database>): PgBoss.Db => ({
  executeSql: async (text, values) => {
    const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
    return { rows: result.rows as unknown[] as never[] };
  },
});

/** Makes the queue's schema and queues, or brings them up to date; part of migrating the database. */
export async function prepareQueues(db: Kysely<Database>) {
  const boss = new PgBoss({ db: bossDb(db), migrate: true, supervise: false, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const name of QUEUE_NAMES) if (!existing.has(name)) await boss.createQueue(name);
  await boss.stop({ graceful: false, wait: true, close: false });
}

export interface RetryPolicy {
  /** Seconds before the first retry; each later wait is about twice the one before. */
  retryDelaySeconds: number;
  retryLimit: number;
  /** How long one attempt may run before the queue counts it failed and another server may take it. */
  expireInSeconds: number;
}

export type JobHandler<T> = (job: {
  id: string;
  data: T;
  retryCount: number;
  retryLimit: number;
}) => Promise<void>;

export class JobQueue {
  private readonly boss: PgBoss;
  private started: Promise<unknown> | null = null;
  private readonly workers = new Map<QueueName, string>();

  constructor(
    db: Kysely<Database>,
    onError: (error: Error) => void,
    private readonly pollingIntervalSeconds = 0.5,
  ) {
    // Expired and stuck jobs are retried by whichever server's supervisor looks first.
    this.boss = new PgBoss({ db: bossDb(db), migrate: false, supervise: true, schedule: true });
    this.boss.on("error", onError);
  }

  /**
   * Adds a job. Pass the transaction of the change it follows: the job exists exactly when the change does.
   * Needs no worker running; whichever server works the queue picks it up.
   */
  async send<T extends object>(
    trx: Kysely<Database>,
    name: QueueName,
    data: T,
    retry: RetryPolicy,
    startAfterSeconds = 0,
  ) {
    return this.boss.send(name, data, {
      db: bossDb(trx),
      retryLimit: retry.retryLimit,
      retryDelay: retry.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: retry.expireInSeconds,
      ...(startAfterSeconds ? { startAfter: startAfterSeconds } : {}),
    });
  }

  /** Adds many jobs in one statement, in the caller's transaction. */
  async sendMany<T extends object>(trx: Kysely<Database>, name: QueueName, data: T[], retry: RetryPolicy) {
    if (!data.length) return;
    await this.boss.insert(
      data.map((d) => ({
        name,
        data: d,
        retryLimit: retry.retryLimit,
        retryDelay: retry.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: retry.expireInSeconds,
      })),
      { db: bossDb(trx) },
    );
  }

  /** Works a queue on this server, a few jobs at a time; a handler that throws has its job retried. */
  async work<T extends object>(name: QueueName, handler: JobHandler<T>, concurrency = 10) {
    this.started ??= this.boss.start();
    await this.started;
    const workerId = await this.boss.work<T>(
      name,
      { pollingIntervalSeconds: this.pollingIntervalSeconds, batchSize: concurrency, includeMetadata: true },
      async (jobs) => {
        // A batch is settled job by job, so one failure does not send its neighbours round again.
        const results = await Promise.allSettled(
          jobs.map((job) =>
            handler({ id: job.id, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit }),
          ),
        );
        const failed = jobs.filter((_, i) => results[i]!.status === "rejected");
        const done = jobs.filter((_, i) => results[i]!.status === "fulfilled");
        // A full batch means more are waiting: fetch again at once rather than after the polling interval.
        if (jobs.length === concurrency) this.wake(name);
        if (done.length)
          await this.boss.complete(
            name,
            done.map((j) => j.id),
          );
        for (const job of failed) {
          const reason = (results[jobs.indexOf(job)] as PromiseRejectedResult).reason as Error;
          await this.boss.fail(name, job.id, { message: String(reason?.message ?? reason) });
        }
      },
    );
    this.workers.set(name, workerId);
  }

  /** Runs a job on a cron schedule (UTC), once per tick across every server. */
  async schedule(name: QueueName, cron: string) {
    this.started ??= this.boss.start();
    await this.started;
    await this.boss.schedule(name, cron, {}, { tz: "UTC" });
  }

  /** Wakes this server's worker of a queue now, rather than at its next poll (jobs were just sent). */
  wake(name: QueueName) {
    const id = this.workers.get(name);
    if (id) this.boss.notifyWorker(id);
  }

  /** Stops taking jobs; a job running now is given `graceMs`, then counted failed (and retried later). */
  async stop(graceMs = 5000) {
    if (!this.started) return;
    await this.started;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: graceMs });
  }
}
