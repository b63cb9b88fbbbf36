import type { Kysely } from "kysely";
import { addHits } from "../db/rate-limits.ts";
import type { Database } from "../db/schema.ts";

type Incr = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * The store behind routes' `config.rateLimit` (invitation and unsubscribe links, setup, calendar feeds): the
 * counts live in the database, so a limit holds however many app servers answer. Each route counts apart.
 */
export function sharedRateLimitStore(db: Kysely<Database>) {
  return class SharedStore {
    constructor(
      _options?: unknown,
      private readonly route = "",
    ) {}

    // The plugin passes the route's limits with the route itself under `routeInfo` (its types say otherwise).
    child(options: object) {
      const info = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new SharedStore(undefined, `${[info?.method ?? ""].flat().join(",")} ${info?.url ?? ""}`);
    }

    incr(key: string, done: Incr, timeWindow: number) {
      const now = Date.now();
      addHits(db, `route ${this.route}`, timeWindow, new Map([[key, 1]]), now).then(
        (hits) => done(null, { current: hits.get(key) ?? 1, ttl: timeWindow - (now % timeWindow) }),
        (error: Error) => done(error),
      );
    }
  };
}
