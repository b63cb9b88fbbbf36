import type { Kysely, Selectable } from "kysely";
import type { Database, WorkspaceTable } from "../../db/schema.ts";

export type WorkspaceRow = Selectable<WorkspaceTable>;

export function listWorkspaces(db: Kysely<Database>) {
  return db.selectFrom("workspace").select(["id", "name"]).orderBy("created_at").execute();
}

export function findDemoWorkspace(db: Kysely<Database>) {
  return db.selectFrom("workspace").selectAll().where("is_demo", "=", true).executeTakeFirst();
}

export async function hasOwnWorkspace(db: Kysely<Database>) {
  const row = await db
    .selectFrom("workspace")
    .select("id")
    .where("is_demo", "=", false)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertWorkspace(
  db: Kysely<Database>,
  row: { id: string; name: string; isDemo: boolean },
) {
  return db
    .insertInto("workspace")
    .values({ id: row.id, name: row.name, is_demo: row.isDemo })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listWorkspaceMembers(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom("member")
    .select(["id", "name", "email", "role"])
    .where("workspace_id", "=", workspaceId)
    .where("active", "=", true)
    .where("deleted_at", "is", null)
    .orderBy("role")
    .orderBy("name")
    .execute();
}

export function findWorkspace(db: Kysely<Database>, id: string) {
  return db.selectFrom("workspace").selectAll().where("id", "=", id).executeTakeFirst();
}
