import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import { prepareQueues } from "../jobs/queue.ts";
import { projectRoot } from "../project-root.ts";
import type { Database } from "./schema.ts";

export const migrationsDir = path.join(projectRoot, "db/migrations/");

/** Applies every migration not yet recorded, in file-name order, each in its own transaction. */
export async function migrate(db: Kysely<Database>, dir = migrationsDir): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  // A lock so that two app servers starting together on one PostgreSQL do not race.
  const files = readdirSync(dir)
    .filter((file) => /^\d{4}_.+\.sql$/.test(file))
    .sort();
  const applied: string[] = [];
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(4242001)`.execute(trx);
    const done = new Set(
      (await trx.selectFrom("schema_migration").select("name").execute()).map((row) => row.name),
    );
    for (const file of files) {
      if (done.has(file)) continue;
      const text = readFileSync(path.join(dir, file), "utf8");
      await sql.raw(text).execute(trx);
      await trx.insertInto("schema_migration").values({ name: file }).execute();
      applied.push(file);
    }
  });
  // The job queue keeps its tables in a schema of its own, made and upgraded by its library.
  await prepareQueues(db);
  return applied;
}
