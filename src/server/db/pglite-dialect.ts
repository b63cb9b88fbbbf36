import { createRequire } from "node:module";
import { type PGlite, parse, protocol } from "@electric-sql/pglite";
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import { StatementNames } from "./statement-names.ts";

/**
 * Kysely dialect over one PGlite instance. PGlite has a single connection, so the driver hands it out
 * to one holder at a time: a transaction keeps it until commit/rollback and other queries wait.
 */
/** PostgreSQL's adapter, under a name of its own so a Kysely instance (plugins added or not) can tell it is PGlite. */
export class PGliteAdapter extends PostgresAdapter {}

export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}
  createAdapter() {
    return new PGliteAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: PGliteConnection;

  constructor(private readonly pglite: PGlite) {
    this.connection = new PGliteConnection(pglite);
  }

  async init() {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    this.connection.release = release;
    return this.connection;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings) {
    const level = settings.isolationLevel ? ` ISOLATION LEVEL ${settings.isolationLevel.toUpperCase()}` : "";
    await conn.executeQuery({ sql: `BEGIN${level}`, parameters: [] } as unknown as CompiledQuery);
  }
  async commitTransaction(conn: DatabaseConnection) {
    await conn.executeQuery({ sql: "COMMIT", parameters: [] } as unknown as CompiledQuery);
  }
  async rollbackTransaction(conn: DatabaseConnection) {
    await conn.executeQuery({ sql: "ROLLBACK", parameters: [] } as unknown as CompiledQuery);
  }
  async releaseConnection(conn: DatabaseConnection) {
    (conn as PGliteConnection).release?.();
  }
  async destroy() {
    await this.queue;
    if (!this.pglite.closed) await this.pglite.close();
  }
}

class PGliteConnection implements DatabaseConnection {
  release: (() => void) | undefined;
  private readonly names = new StatementNames();
  /** The named statements this connection holds (PGlite has one connection for its lifetime). */
  private readonly prepared = new Set<string>();
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Without parameters the simple protocol runs the text as is, so a migration file may hold many statements.
    const result =
      query.parameters.length === 0
        ? ((await this.pglite.exec(query.sql)).at(-1) ?? { rows: [] as R[], affectedRows: 0 })
        : await this.extendedQuery(query);
    const affected = result.affectedRows;
    return {
      rows: result.rows as R[],
      ...(affected !== undefined && !/^\s*select/i.test(query.sql)
        ? { numAffectedRows: BigInt(affected) }
        : {}),
    };
  }

  /**
   * Parse (the first time a named statement is used), bind, execute and sync in one call into PGlite rather than
   * the six its `query()` makes (it first asks the parameters' types). Parameters go as text for the server to
   * type, prepared exactly as node-postgres prepares them — so both databases read a JavaScript value the same way.
   */
  private async extendedQuery(query: CompiledQuery) {
    const { serialize } = protocol;
    const values = query.parameters.map((value) => prepareValue(value) as string | null);
    const name = this.names.of(query.sql, values.length);
    const statement = name === undefined ? {} : { name };
    const { messages } = await this.pglite.execProtocol(
      concat([
        ...(name !== undefined && this.prepared.has(name)
          ? []
          : [serialize.parse({ ...statement, text: query.sql })]),
        serialize.bind({ ...(name === undefined ? {} : { statement: name }), values }),
        serialize.describe({ type: "P" }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      // Errors are read from the answer: a Parse that succeeded before a failing Bind or Execute still made the
      // statement, and must not be sent again.
      { throwOnError: false },
    );
    if (name !== undefined && messages.some((m) => m.name === "parseComplete")) this.prepared.add(name);
    // PGlite's DatabaseError: code, message, detail and the rest, as node-postgres reports them.
    const error = messages.find((m) => m.name === "error") as (Error & { code?: string }) | undefined;
    if (error) {
      if (name !== undefined) this.names.failed(query.sql, name, error);
      throw error;
    }
    return parse.parseResults(messages, this.pglite.parsers, { rowMode: "object" })[0]!;
  }

  // biome-ignore lint/correctness/useYield: streaming is not supported by PGlite; Kysely requires the method.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("PGlite does not support streaming queries");
  }
}

// node-postgres's own conversion of a JavaScript value to a parameter's text (not in its type declarations).
const { prepareValue } = createRequire(import.meta.url)("pg/lib/utils.js") as {
  prepareValue: (value: unknown) => unknown;
};

function concat(parts: Uint8Array[]) {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
