import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/**
 * Runs `work` while holding a PostgreSQL session advisory lock named `key`, on a connection of its own, so the
 * server frees the lock by itself if this process dies. When another session holds it, `taken()` is thrown.
 */
export async function withAdvisoryLock<T>(
  db: Kysely<Database>,
  key: string,
  work: () => Promise<T>,
  taken: () => Error,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    const lock = await sql<{ locked: boolean }>`
      SELECT pg_try_advisory_lock(hashtextextended(${key}, 0)) AS locked`.execute(connection);
    if (!lock.rows[0]?.locked) throw taken();
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtextextended(${key}, 0))`.execute(connection);
    }
  });
}

/** Whether some session — of any app server — holds the advisory lock named `key` now. */
export async function advisoryLockHeld(db: Kysely<Database>, key: string): Promise<boolean> {
  // A bigint lock key shows in pg_locks as its high and low 32 bits, with objsubid 1.
  const held = await sql<{ held: boolean }>`
    SELECT EXISTS (
      SELECT 1 FROM pg_locks
      WHERE locktype = 'advisory' AND objsubid = 1
        AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(${key}, 0)
    ) AS held`.execute(db);
  return held.rows[0]?.held ?? false;
}
