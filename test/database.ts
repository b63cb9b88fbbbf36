import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Kysely } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openEmbedded, openPostgres } from "../src/server/db/client.ts";
import type { Database } from "../src/server/db/schema.ts";

/**
 * A fresh, migrated database for one test file: the embedded one from the run's snapshot, or (with
 * DATABASE_URL) a PostgreSQL database copied from the run's template and dropped on close.
 */
export async function openTestDatabase(timeoutMs?: number): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const snapshot = readFileSync(inject("embeddedSnapshot"));
    return openEmbedded({ loadDataDir: new Blob([snapshot]) });
  }
  const name = `confidant_test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = openPostgres(target.toString(), 5, timeoutMs);
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A connection of its own to the PostgreSQL database `db` uses: another session, as another server would be. */
export async function anotherSession(db: Kysely<Database>) {
  const database = (await db
    .selectNoFrom((eb) => eb.fn<string>("current_database", []).as("name"))
    .executeTakeFirst())!.name;
  const target = new URL(process.env.DATABASE_URL!);
  target.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  return client;
}
