import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { type ListenHandlers, type Listening, listenPostgres } from "./listen.ts";
import { LocalWrites } from "./local-writes.ts";
import { PGliteAdapter, PGliteDialect } from "./pglite-dialect.ts";
import { PreparingClient } from "./prepared-client.ts";
import type { Database } from "./schema.ts";

export type DatabaseKind = "embedded" | "postgres";

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** Embedded only: the whole data directory as a tarball (test snapshots, backups). */
  dumpDataDir?: () => Promise<Blob>;
  /** PostgreSQL only: notifications from other app servers (the embedded database has one process). */
  listen?: (channels: string[], handlers: ListenHandlers) => Listening;
}

// Both drivers return the same JavaScript types: bigint columns as numbers (money in minor units and
// counts stay far below 2^53) and dates as 'YYYY-MM-DD' strings (a date has no time zone).
const INT8 = 20;
const DATE = 1082;
pg.types.setTypeParser(INT8, (value) => Number(value));
pg.types.setTypeParser(DATE, (value) => value);
const pgliteParsers = { [INT8]: (value: string) => Number(value), [DATE]: (value: string) => value };

/** Whether `db` is the embedded database (one connection, one process), also with plugins added to it. */
export const isEmbedded = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PGliteAdapter;

/**
 * With `timeoutMs` (the app server), no request waits on the database for longer: a statement is cancelled by
 * the server, a lost connection by the client, and waiting for a free connection gives up — each answered 503.
 * Without it (the CLI's imports, backups and restores), statements take as long as they need.
 */
export function openPostgres(databaseUrl: string, poolSize = 10, timeoutMs?: number): DatabaseHandle {
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: databaseUrl,
    max: poolSize,
    ...(timeoutMs
      ? { statement_timeout: timeoutMs, query_timeout: timeoutMs + 5000, connectionTimeoutMillis: timeoutMs }
      : {}),
  });
  // A connection the server closes (restart, failover, pg_terminate_backend) must not crash the process; the
  // pool reconnects. Idle ones report to the pool; one held between two statements of a transaction reports to
  // nobody (the pool listens only while it is idle), so each connection gets a listener of its own. The
  // statement that next uses it fails, and the pool drops it when it comes back.
  const lost = (error: Error & { code?: string }) => {
    if (error.code !== "57P01") console.error(`PostgreSQL connection error: ${error.message}`);
  };
  pool.on("error", lost);
  pool.on("connect", (client) => client.on("error", lost));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new LocalWrites()],
  });
  return {
    db,
    kind: "postgres",
    close: () => db.destroy(),
    listen: (channels, handlers) => listenPostgres(databaseUrl, channels, handlers),
  };
}

/** Opens the embedded database; `dataDir` undefined keeps it in memory (tests), `loadDataDir` seeds it. */
export async function openEmbedded(options: {
  dataDir?: string;
  loadDataDir?: Blob;
}): Promise<DatabaseHandle> {
  let pgDir: string | undefined;
  if (options.dataDir) {
    pgDir = path.join(options.dataDir, "pg");
    mkdirSync(pgDir, { recursive: true });
  }
  const pglite = await PGlite.create(pgDir, {
    parsers: pgliteParsers,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite), plugins: [new LocalWrites()] });
  return { db, kind: "embedded", close: () => db.destroy(), dumpDataDir: () => pglite.dumpDataDir("none") };
}

export async function openDatabase(
  config: { databaseUrl?: string | undefined; dataDir: string },
  timeoutMs?: number,
) {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, 10, timeoutMs)
    : openEmbedded({ dataDir: config.dataDir });
}
