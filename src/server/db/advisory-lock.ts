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
