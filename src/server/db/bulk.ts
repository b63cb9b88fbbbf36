import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/** Column → PostgreSQL type, for rows passed to the database as one JSON parameter. */
export type ColumnTypes = Record<string, string>;

// Many rows travel as one JSON parameter read back with json_to_recordset: one statement per batch on both
// drivers, with no parameter-count limit and no per-row round trip.
const recordset = (types: ColumnTypes, rows: object[]) =>
  sql`json_to_recordset(${JSON.stringify(rows)}::json) AS x(${sql.raw(
    Object.entries(types)
      .map(([column, type]) => `"${column}" ${type}`)
      .join(", "),
  )})`;

/** Inserts rows; `constants` are the same for every row and travel once, not once per row. */
export async function bulkInsert(
  db: Kysely<Database>,
  table: string,
  types: ColumnTypes,
  rows: object[],
  constants: Record<string, { type: string; value: unknown }> = {},
) {
  if (!rows.length) return;
  const columns = Object.keys(types);
  const fixed = Object.entries(constants);
  await sql`INSERT INTO ${sql.table(table)} (${sql.join([...columns, ...fixed.map(([c]) => c)].map((c) => sql.ref(c)))})
    SELECT ${sql.join([
      ...columns.map((c) => sql.ref(`x.${c}`)),
      ...fixed.map(
        ([, { type, value }]) =>
          sql`${typeof value === "string" ? value : JSON.stringify(value)}::${sql.raw(type)}`,
      ),
    ])} FROM ${recordset(types, rows)}`.execute(db);
}

/** Updates rows by id within one workspace, bumping their version; `types` must include `id`. */
export async function bulkUpdate(
  db: Kysely<Database>,
  table: string,
  workspaceId: string,
  types: ColumnTypes,
  rows: object[],
) {
  if (!rows.length) return;
  const columns = Object.keys(types).filter((c) => c !== "id");
  await sql`UPDATE ${sql.table(table)} AS t SET ${sql.join(
    columns.map((c) => sql`${sql.ref(c)} = ${sql.ref(`x.${c}`)}`),
  )}, version = t.version + 1, updated_at = now()
    FROM ${recordset(types, rows)}
    WHERE t.id = x.id AND t.workspace_id = ${workspaceId}`.execute(db);
}

export interface ChangeEntry {
  entity: string;
  entity_id: string;
  action: "create" | "update" | "delete" | "restore";
  before?: unknown;
  after?: unknown;
  parent_id?: string | null;
}

/** Appends many change-log entries in one statement, inside the caller's transaction. */
export async function logChanges(
  db: Kysely<Database>,
  actor: { workspaceId: string; memberId: string | null; via: string },
  entries: ChangeEntry[],
) {
  await bulkInsert(
    db,
    "change_log",
    {
      workspace_id: "uuid",
      member_id: "uuid",
      via: "text",
      entity: "text",
      entity_id: "uuid",
      action: "text",
      before: "jsonb",
      after: "jsonb",
      parent_id: "uuid",
    },
    entries.map((e) => ({
      workspace_id: actor.workspaceId,
      member_id: actor.memberId,
      via: actor.via,
      entity: e.entity,
      entity_id: e.entity_id,
      action: e.action,
      before: e.before ?? null,
      after: e.after === undefined ? null : e.action === "create" ? withoutNulls(e.after) : e.after,
      parent_id: e.parent_id ?? null,
    })),
  );
}

/** A new record's empty fields say nothing; leaving them out keeps a large import's log small. (An update's
 * nulls stay: they are the values an undo puts back.) */
function withoutNulls(value: unknown) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}
