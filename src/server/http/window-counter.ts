import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import { addHits, forgetOldWindows } from "../db/rate-limits.ts";
import type { Database } from "../db/schema.ts";

/** How a counter reaches the database: at every hit, or in one statement every `flushMs`. */
export type Counting = { immediate: true } | { flushMs: number };

/**
 * Fixed-window counters that slow guessing and bound use (sign-in, the buyer room, API tokens), shared by every
 * app server through the database. An `immediate` counter adds each hit in the database before answering —
 * sign-in, where the limit must hold exactly however many servers there are. Otherwise this server counts hits
 * itself and sends them in one statement every `flushMs`, answering from the shared count it last heard plus
 * its own hits since: no request waits on a write, and each server can let through at most what it sees in one
 * interval beyond the limit.
 */
export class SharedCounter {
  private readonly pending = new Map<string, number>();
  private readonly heard = new Map<string, { window: number; hits: number }>();
  private readonly timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly counting: Counting,
    private readonly log?: FastifyBaseLogger,
  ) {
    if ("flushMs" in counting) {
      this.timer = setInterval(() => void this.flush(), counting.flushMs);
      this.timer.unref();
    }
  }

  /** Counts one hit; false when the key is over its limit in the current window. */
  async allow(key: string, now = Date.now()): Promise<boolean> {
    if ("immediate" in this.counting) {
      const hits = await addHits(this.db, this.name, this.windowMs, new Map([[key, 1]]), now);
      return (hits.get(key) ?? 0) <= this.limit;
    }
    const window = Math.floor(now / this.windowMs);
    const heard = this.heard.get(key);
    const mine = (this.pending.get(key) ?? 0) + 1;
    this.pending.set(key, mine);
    if (this.pending.size > 10_000) void this.flush();
    return (heard?.window === window ? heard.hits : 0) + mine <= this.limit;
  }

  /** Sends this server's hits since the last flush, and hears back each key's count across every server. */
  flush(now = Date.now()): Promise<void> {
    this.flushing ??= this.send(now).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async send(now: number) {
    if (this.pending.size === 0) return;
    const sending = new Map(this.pending);
    this.pending.clear();
    const window = Math.floor(now / this.windowMs);
    try {
      const counts = await addHits(this.db, this.name, this.windowMs, sending, now);
      for (const [key, hits] of this.heard) if (hits.window !== window) this.heard.delete(key);
      for (const [key, hits] of counts) this.heard.set(key, { window, hits });
      // Now and then, windows long over are forgotten (by whichever server gets there).
      if (Math.random() < 0.01) await forgetOldWindows(this.db, new Date(now - 10 * this.windowMs));
    } catch (error) {
      // The database is away: the hits are kept and sent with the next flush.
      for (const [key, hits] of sending) this.pending.set(key, (this.pending.get(key) ?? 0) + hits);
      this.log?.warn({ err: error }, `could not share the ${this.name} counts; trying again shortly`);
    }
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}
