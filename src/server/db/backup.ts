import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/**
 * Backup file: JSON lines. A header {"confidant_backup":1,"migrations":[…]}, then per table {"table":name}, one
 * line per row as PostgreSQL's own JSON of the row (exact: timestamps to the microsecond, numbers as stored),
 * and {"end":name,"rows":n}. Gzipped when the file name ends in .gz. The same file restores into the embedded
 * database or a PostgreSQL server.
 */
export class BackupError extends Error {}

const FORMAT = 1;
const MIGRATIONS_TABLE = "schema_migration";
/**
 * Sign-ins are not data: a restored database must not accept the cookies of the one it was copied from. Uploads
 * are a week's working copies of files the admin still has; the backup keeps what was imported from them.
 */
const NOT_BACKED_UP = new Set(["session", "upload", "upload_part"]);

/**
 * Every table, parents before the tables that refer to them. References that go round in a circle (a team's
 * manager is a member, a member's team is a team) cannot all be satisfied by order: those columns are
 * `deferred`, filled in once every row is in. Unlogged tables (the rate-limit counters) hold nothing to keep.
 */
export async function tablesInOrder(db: Kysely<Database>) {
  const tables = (
    await sql<{ name: string }>`SELECT c.relname AS name FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relpersistence = 'p' ORDER BY c.relname`.execute(
      db,
    )
  ).rows.map((r) => r.name);
  const edges = (
    await sql<{
      child: string;
      parent: string;
      columns: string[];
    }>`SELECT cl.relname AS child, pl.relname AS parent,
        array(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = k.conrelid AND a.attnum = ANY(k.conkey)) AS columns
      FROM pg_constraint k
      JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class pl ON pl.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = k.connamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema()
      ORDER BY cl.relname, pl.relname`.execute(db)
  ).rows;
  const order: string[] = [];
  const deferred = new Map<string, string[]>();
  const visit = (table: string, path: Set<string>) => {
    if (order.includes(table)) return;
    path.add(table);
    for (const edge of edges) {
      if (edge.child !== table || edge.parent === table) continue;
      if (path.has(edge.parent)) deferred.set(table, [...(deferred.get(table) ?? []), ...edge.columns]);
      else visit(edge.parent, path);
    }
    path.delete(table);
    order.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return { order, deferred };
}

export async function backupDatabase(db: Kysely<Database>, file: string) {
  const partial = `${file}.partial`;
  const counts: Record<string, number> = {};
  const lines = async function* (conn: Kysely<Database>) {
    const migrations = await sql<{ name: string }>`SELECT name FROM schema_migration ORDER BY name`.execute(
      conn,
    );
    yield `${JSON.stringify({ confidant_backup: FORMAT, created_at: new Date().toISOString(), migrations: migrations.rows.map((m) => m.name) })}\n`;
    for (const table of (await tablesInOrder(conn)).order) {
      if (NOT_BACKED_UP.has(table)) continue;
      yield `${JSON.stringify({ table })}\n`;
      let rows = 0;
      await sql`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS j FROM ${sql.table(table)} t`.execute(
        conn,
      );
      while (true) {
        const page = await sql<{ j: string }>`FETCH 2000 FROM backup_rows`.execute(conn);
        if (!page.rows.length) break;
        rows += page.rows.length;
        yield `${page.rows.map((r) => r.j).join("\n")}\n`;
      }
      await sql`CLOSE backup_rows`.execute(conn);
      counts[table] = rows;
      yield `${JSON.stringify({ end: table, rows })}\n`;
    }
  };
  // Written beside the target and renamed at the end: a crash never leaves a truncated backup under its name.
  try {
    await db.connection().execute(async (conn) => {
      // One snapshot for every table: a consistent backup while the app keeps running.
      await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(conn);
      try {
        const source = Readable.from(lines(conn));
        if (file.endsWith(".gz")) await pipeline(source, createGzip(), createWriteStream(partial));
        else await pipeline(source, createWriteStream(partial));
      } finally {
        await sql`COMMIT`.execute(conn);
      }
    });
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return counts;
}

/** Restores a backup into an empty database in one transaction: all of it, or (on any error) none of it. */
export async function restoreDatabase(db: Kysely<Database>, file: string) {
  let input: NodeJS.ReadableStream;
  try {
    const stream = createReadStream(file);
    await new Promise<void>((resolve, reject) => stream.once("open", () => resolve()).once("error", reject));
    input = file.endsWith(".gz") ? stream.pipe(createGunzip()) : stream;
  } catch {
    throw new BackupError(`${file} cannot be read (no such file, or no permission)`);
  }
  const counts: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    const { order: tables, deferred } = await tablesInOrder(trx);
    for (const table of tables) {
      if (table === MIGRATIONS_TABLE) continue;
      const { rows } = await sql<{
        any: number;
      }>`SELECT count(*)::int AS any FROM (SELECT 1 FROM ${sql.table(table)} LIMIT 1) t`.execute(trx);
      if (rows[0]!.any)
        throw new BackupError(
          `the database is not empty (table ${table} has rows): restore needs an empty database`,
        );
    }
    const applied = (
      await sql<{ name: string }>`SELECT name FROM schema_migration ORDER BY name`.execute(trx)
    ).rows.map((r) => r.name);
    let lineNumber = 0;
    let table: string | null = null;
    let batch: string[] = [];
    const later: Array<{ table: string; columns: string[]; rows: string }> = [];
    const flush = async () => {
      if (!batch.length || !table) return;
      const json = `[${batch.join(",")}]`;
      const postponed = deferred.get(table);
      // Columns of a circular reference go in empty first and are filled in when every row exists.
      const rows = postponed
        ? sql`(SELECT jsonb_agg(e ${sql.raw(postponed.map((c) => `- '${c}'`).join(" "))}) FROM jsonb_array_elements(${json}::jsonb) e)`
        : sql`${json}::jsonb`;
      await sql`INSERT INTO ${sql.table(table)} SELECT * FROM jsonb_populate_recordset(NULL::${sql.table(table)}, ${rows})`.execute(
        trx,
      );
      if (postponed) later.push({ table, columns: postponed, rows: json });
      counts[table] = (counts[table] ?? 0) + batch.length;
      batch = [];
    };
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      lineNumber++;
      if (!line.trim()) continue;
      if (lineNumber === 1) {
        const header = parseLine(line, lineNumber) as { confidant_backup?: number; migrations?: string[] };
        if (header.confidant_backup !== FORMAT)
          throw new BackupError(`${file} is not a Confidant backup (line 1)`);
        const missing = (header.migrations ?? []).filter((m) => !applied.includes(m));
        if (missing.length)
          throw new BackupError(
            `the backup is from a newer Confidant (migrations ${missing.join(", ")}); upgrade first`,
          );
        continue;
      }
      if (line.startsWith('{"table":') || line.startsWith('{"end":')) {
        await flush();
        const marker = parseLine(line, lineNumber) as { table?: string; end?: string };
        // Backups made before sessions were left out still hold them: those rows are skipped.
        table =
          marker.table && marker.table !== MIGRATIONS_TABLE && !NOT_BACKED_UP.has(marker.table)
            ? marker.table
            : null;
        if (marker.table && table && !tables.includes(table))
          throw new BackupError(`line ${lineNumber}: unknown table ${table}`);
        continue;
      }
      if (!table) continue;
      parseLine(line, lineNumber);
      batch.push(line);
      if (batch.length >= 2000) await flush();
    }
    await flush();
    if (lineNumber === 0) throw new BackupError(`${file} is empty`);
    for (const { table, columns, rows } of later)
      await sql`UPDATE ${sql.table(table)} AS t SET ${sql.join(columns.map((c) => sql`${sql.ref(c)} = ${sql.ref(`x.${c}`)}`))}
        FROM jsonb_populate_recordset(NULL::${sql.table(table)}, ${rows}::jsonb) AS x WHERE t.id = x.id`.execute(
        trx,
      );
    await resetSequences(trx);
  });
  return counts;
}

function parseLine(line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupError(`line ${lineNumber} is not valid JSON: the backup is damaged`);
  }
}

/** Serial columns continue after the restored rows. */
async function resetSequences(db: Kysely<Database>) {
  const serials = await sql<{ table: string; column: string; seq: string }>`
    SELECT c.table_name AS table, c.column_name AS column, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS seq
    FROM information_schema.columns c
    WHERE c.table_schema = current_schema() AND c.column_default LIKE 'nextval(%'`.execute(db);
  for (const s of serials.rows)
    await sql`SELECT setval(${s.seq}, coalesce((SELECT max(${sql.ref(s.column)}) FROM ${sql.table(s.table)}), 0) + 1, false)`.execute(
      db,
    );
}
