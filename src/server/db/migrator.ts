import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import { prepareQueues } from "../jobs/queue.ts";
import { projectRoot } from "../project-root.ts";
import type { Database } from "./schema.ts";

export const migrationsDir = path.join(projectRoot, "db/migrations/");

/**
 * Applies every migration not yet recorded, in file-name order, in one transaction, then brings the job queue's
 * schema up to date. App servers starting together on one PostgreSQL take turns on one connection holding a
 * session lock: the next finds the work done (the queue's library must not migrate its schema twice at once).
 */
export async function migrate(db: Kysely<Database>, dir = migrationsDir): Promise<string[]> {
  const files = readdirSync(dir)
    .filter((file) => /^\d{4}_.+\.sql$/.test(file))
    .sort();
  return db.connection().execute(async (conn) => {
    // Waiting for another server's migration, or a long one, is not a request: no statement timeout here.
    await sql`SET statement_timeout = 0`.execute(conn);
    await sql`SELECT pg_advisory_lock(4242001)`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS schema_migration (
        name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(conn);
      const applied: string[] = [];
      await conn.transaction().execute(async (trx) => {
        const done = new Set(
          (await trx.selectFrom("schema_migration").select("name").execute()).map((row) => row.name),
        );
        for (const file of files) {
          if (done.has(file)) continue;
          await sql.raw(readFileSync(path.join(dir, file), "utf8")).execute(trx);
          await trx.insertInto("schema_migration").values({ name: file }).execute();
          applied.push(file);
        }
      });
      // The job queue keeps its tables in a schema of its own, made and upgraded by its library.
      await prepareQueues(conn);
      return applied;
    } finally {
      await sql`SELECT pg_advisory_unlock(4242001)`.execute(conn);
      await sql`RESET statement_timeout`.execute(conn);
    }
  });
}
