import type { Kysely } from "kysely";
import { notFound, staleVersion } from "../http/errors.ts";
import { type Actor, recordChange } from "./change-log.ts";
import type { Database } from "./schema.ts";

type VersionedTable =
  | "team"
  | "account"
  | "stakeholder"
  | "decision"
  | "involvement"
  | "concern"
  | "import_mapping";

export interface ChangeSpec<Row extends { deleted_at: Date | null }> {
  entity: string;
  table: VersionedTable;
  id: string;
  version: number;
  action: "update" | "delete" | "restore";
  patch?: Record<string, unknown>;
  /** Loads the row of the caller's workspace, including soft-deleted rows when asked. */
  load: (includeDeleted: boolean) => Promise<Row | undefined>;
  present: (row: Row) => unknown;
  parentId?: (row: Row) => string;
  what: string;
}

/**
 * The one path for changing a record: `WHERE version = expected` (a miss is 404 or 409 with the current
 * record), soft delete and restore as updates of `deleted_at`, and the before/after in the change log —
 * all inside the caller's transaction.
 */
export async function applyChange<Row extends { deleted_at: Date | null }>(
  trx: Kysely<Database>,
  actor: Actor,
  spec: ChangeSpec<Row>,
): Promise<{ before: Row; after: Row }> {
  const restoring = spec.action === "restore";
  const before = await spec.load(restoring);
  if (!before || (restoring && !before.deleted_at)) throw notFound(spec.what);
  const now = new Date();
  const set =
    spec.action === "delete"
      ? { deleted_at: now }
      : spec.action === "restore"
        ? { deleted_at: null }
        : (spec.patch ?? {});
  // The table name varies by caller; every versioned table has these columns.
  const db = trx as unknown as Kysely<
    Record<
      string,
      { workspace_id: string; id: string; version: number; deleted_at: Date | null; updated_at: Date }
    >
  >;
  const updated = await db
    .updateTable(spec.table)
    .set({ ...set, version: spec.version + 1, updated_at: now })
    .where("workspace_id", "=", actor.workspaceId)
    .where("id", "=", spec.id)
    .where("version", "=", spec.version)
    .where("deleted_at", restoring ? "is not" : "is", null)
    .returning("id")
    .executeTakeFirst();
  if (!updated) {
    const current = await spec.load(restoring);
    if (!current) throw notFound(spec.what);
    throw staleVersion(spec.present(current));
  }
  const after = (await spec.load(true))!;
  await recordChange(trx, actor, {
    entity: spec.entity,
    entityId: spec.id,
    action: spec.action,
    before: spec.present(before),
    after: spec.present(after),
    ...(spec.parentId ? { parentId: spec.parentId(after) } : {}),
  });
  return { before, after };
}
