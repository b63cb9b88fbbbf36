import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/** What is counted (an address, an email, a token) is kept only as a hash. */
const keyOf = (name: string, key: string) => createHash("sha256").update(`${name}\u0000${key}`).digest("hex");

const windowOf = (windowMs: number, now: number) => new Date(Math.floor(now / windowMs) * windowMs);

/**
 * Adds `by` hits to each key in the current fixed window, across every app server on the database, and answers
 * each key's hits so far in that window. One statement however many keys.
 */
export async function addHits(
  db: Kysely<Database>,
  name: string,
  windowMs: number,
  hits: Map<string, number>,
  now = Date.now(),
): Promise<Map<string, number>> {
  if (hits.size === 0) return new Map();
  const start = windowOf(windowMs, now);
  const keys = [...hits.keys()];
  // In one order on every server, so two servers adding to the same keys never wait on each other in a circle.
  const rows = keys
    .map((k) => ({ key: keyOf(name, k), window_start: start, hits: hits.get(k)! }))
    .sort((a, b) => a.key.localeCompare(b.key));
  const result = await db
    .insertInto("rate_limit")
    .values(rows)
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        hits: sql`CASE WHEN rate_limit.window_start = excluded.window_start THEN rate_limit.hits + excluded.hits ELSE excluded.hits END`,
        window_start: sql`excluded.window_start`,
      }),
    )
    .returning(["key", "hits"])
    .execute();
  const byHash = new Map(result.map((r) => [r.key, r.hits]));
  return new Map(keys.map((k) => [k, byHash.get(keyOf(name, k)) ?? 0]));
}

/** Forgets windows that ended long ago. */
export async function forgetOldWindows(db: Kysely<Database>, before: Date) {
  await db.deleteFrom("rate_limit").where("window_start", "<", before).execute();
}
