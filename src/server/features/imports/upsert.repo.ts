import { type Kysely, sql } from "kysely";
import type { KnownPerson } from "../../../domain/import/people.ts";
import { bulkInsert, bulkUpdate, type ChangeEntry, type ColumnTypes } from "../../db/bulk.ts";
import type { Database } from "../../db/schema.ts";
import { uuidv7 } from "../../db/uuid7.ts";

export interface Prepared {
  row: number;
  sourceId: string;
  values: Record<string, unknown>;
  parentId?: string | null;
}

export interface UpsertSpec {
  table: "account" | "stakeholder" | "decision" | "involvement";
  /** Imported columns: compared with what is stored, written, and shown in the change log. */
  types: ColumnTypes;
  /** Columns written on create only (derived values), with their types. */
  createOnly?: ColumnTypes;
  /** Lets a kind keep a stored value the file does not decide (a decision's owner when the file's is unknown). */
  merge?: (values: Record<string, unknown>, stored: Record<string, unknown>) => void;
  createExtras?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** Values every created row gets, sent once per batch. */
  createConstants?: Record<string, { type: string; value: unknown }>;
}

export interface UpsertResult {
  created: Array<{ id: string; item: Prepared }>;
  updated: Array<{ id: string; item: Prepared; changed: string[] }>;
  unchanged: number;
  changes: ChangeEntry[];
  /** The record id of every item, by its source id: created, updated or unchanged. */
  ids: Map<string, string>;
}

const same = (a: unknown, b: unknown) =>
  (a ?? null) === (b ?? null) || JSON.stringify(a) === JSON.stringify(b);

/**
 * Creates or updates records by their source id, so importing a file twice updates rather than duplicates.
 * A record deleted since (or by undoing an import) comes back. With `write` false it only counts.
 */
export async function upsertBySource(
  db: Kysely<Database>,
  workspaceId: string,
  sourceSystem: string,
  spec: UpsertSpec,
  items: Prepared[],
  write: boolean,
): Promise<UpsertResult> {
  const result: UpsertResult = { created: [], updated: [], unchanged: 0, changes: [], ids: new Map() };
  if (!items.length) return result;
  const columns = Object.keys(spec.types);
  const stored = await sql<
    Record<string, unknown> & { id: string; source_id: string; deleted_at: Date | null }
  >`
    SELECT id, source_id, deleted_at, ${sql.join(columns.map((c) => sql.ref(c)))}
    FROM ${sql.table(spec.table)}
    WHERE workspace_id = ${workspaceId} AND source_system = ${sourceSystem}
      AND source_id IS NOT NULL
      AND source_id IN (SELECT json_array_elements_text(${JSON.stringify(items.map((i) => i.sourceId))}::json))`
    .execute(db)
    .then((r) => new Map(r.rows.map((row) => [row.source_id, row])));
  const inserts: Record<string, unknown>[] = [];
  const updates: Record<string, unknown>[] = [];
  for (const item of items) {
    const current = stored.get(item.sourceId);
    if (!current) {
      const id = uuidv7();
      result.ids.set(item.sourceId, id);
      result.created.push({ id, item });
      const extras = spec.createExtras?.(item.values);
      inserts.push({
        id,
        workspace_id: workspaceId,
        source_system: sourceSystem,
        source_id: item.sourceId,
        ...item.values,
        ...extras,
      });
      result.changes.push({
        entity: spec.table,
        entity_id: id,
        action: "create",
        after: item.values,
        parent_id: item.parentId ?? null,
      });
      continue;
    }
    result.ids.set(item.sourceId, current.id);
    spec.merge?.(item.values, current);
    const changed = columns.filter((c) => !same(current[c], item.values[c]));
    if (!changed.length && !current.deleted_at) {
      result.unchanged++;
      continue;
    }
    updates.push({ id: current.id, ...item.values, deleted_at: null });
    result.updated.push({ id: current.id, item, changed });
    result.changes.push({
      entity: spec.table,
      entity_id: current.id,
      action: current.deleted_at ? "restore" : "update",
      before: {
        ...Object.fromEntries(changed.map((c) => [c, current[c]])),
        ...(current.deleted_at ? { deleted_at: current.deleted_at } : {}),
      },
      after: Object.fromEntries(changed.map((c) => [c, item.values[c]])),
      parent_id: item.parentId ?? null,
    });
  }
  if (!write) return result;
  await bulkInsert(
    db,
    spec.table,
    {
      id: "uuid",
      workspace_id: "uuid",
      source_system: "text",
      source_id: "text",
      ...spec.types,
      ...spec.createOnly,
    },
    inserts,
    spec.createConstants,
  );
  await bulkUpdate(
    db,
    spec.table,
    workspaceId,
    { id: "uuid", ...spec.types, deleted_at: "timestamptz" },
    updates,
  );
  return result;
}

/** Records of `table` a CRM knows by these ids (as imported from `system`). */
export async function bySourceId(
  db: Kysely<Database>,
  workspaceId: string,
  table: "decision" | "stakeholder",
  system: string,
  ids: string[],
) {
  const rows = await sql<{ id: string; source_id: string; account_id: string }>`
    SELECT id, source_id, account_id FROM ${sql.table(table)}
    WHERE workspace_id = ${workspaceId} AND source_system = ${system} AND deleted_at IS NULL
      AND source_id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json))`.execute(db);
  return rows.rows;
}

/** Who is already involved in these decisions, and through which imported row (null: added in Confidant). */
export async function involvementsOf(db: Kysely<Database>, workspaceId: string, decisionIds: string[]) {
  const rows = await sql<{ decision_id: string; stakeholder_id: string; source_id: string | null }>`
    SELECT decision_id, stakeholder_id, source_id FROM involvement
    WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL
      AND decision_id IN (SELECT json_array_elements_text(${JSON.stringify(decisionIds)}::json)::uuid)`.execute(
    db,
  );
  return rows.rows;
}

/** The workspace's people a deal may name: by the CRM's id, or by a lower-cased name or email. */
export async function knownPeople(
  db: Kysely<Database>,
  workspaceId: string,
  system: string,
  ids: string[],
  keys: string[],
) {
  const people = await sql<KnownPerson>`
    SELECT id, CASE WHEN source_system = ${system} THEN source_id END AS "sourceId", name, email,
      account_id AS "accountId"
    FROM stakeholder
    WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND (
      (source_system = ${system} AND source_id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json)))
      OR lower(name) IN (SELECT json_array_elements_text(${JSON.stringify(keys)}::json))
      OR lower(email) IN (SELECT json_array_elements_text(${JSON.stringify(keys)}::json)))`.execute(db);
  return people.rows;
}

/** The workspace's accounts rows may name: by the CRM's id, or by a lower-cased name; oldest first. */
export async function knownAccounts(
  db: Kysely<Database>,
  workspaceId: string,
  system: string,
  ids: string[],
  names: string[],
) {
  const found = await sql<{
    id: string;
    source_system: string | null;
    source_id: string | null;
    name: string;
  }>`
    SELECT id, source_system, source_id, name FROM account
    WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND (
      (source_system = ${system} AND source_id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json)))
      OR lower(name) IN (SELECT json_array_elements_text(${JSON.stringify(names)}::json)))
    ORDER BY created_at`.execute(db);
  return found.rows;
}
