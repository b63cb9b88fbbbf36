import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openEmbedded, openPostgres } from "../src/server/db/client.ts";

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
