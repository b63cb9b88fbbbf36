import type { Insertable, Kysely, Selectable } from "kysely";
import type { Database, ImportMappingTable } from "../../db/schema.ts";

export type MappingRow = Selectable<ImportMappingTable>;

export function findMapping(db: Kysely<Database>, workspaceId: string, id: string, includeDeleted = false) {
  let query = db
    .selectFrom("import_mapping")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id);
  if (!includeDeleted) query = query.where("deleted_at", "is", null);
  return query.executeTakeFirst();
}

export function mappingsOf(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom("import_mapping")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("deleted_at", "is", null)
    .orderBy("name")
    .execute();
}

/** The workspace's live mapping by this name, ignoring case (names are how people pick a mapping). */
export function mappingNamed(db: Kysely<Database>, workspaceId: string, name: string) {
  return db
    .selectFrom("import_mapping")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("deleted_at", "is", null)
    .where((eb) => eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()))
    .executeTakeFirst();
}

export async function insertMapping(db: Kysely<Database>, row: Insertable<ImportMappingTable>) {
  await db.insertInto("import_mapping").values(row).execute();
}
