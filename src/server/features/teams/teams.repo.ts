import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, TeamTable } from "../../db/schema.ts";

export type TeamRow = Selectable<TeamTable> & { member_ids: string[] };

const withMembers = (db: Kysely<Database>, workspaceId: string) =>
  db
    .selectFrom("team")
    .selectAll("team")
    .select(
      sql<string[]>`coalesce((SELECT array_agg(m.id ORDER BY m.name) FROM member m
        WHERE m.workspace_id = team.workspace_id AND m.team_id = team.id AND m.deleted_at IS NULL), '{}')`.as(
        "member_ids",
      ),
    )
    .where("team.workspace_id", "=", workspaceId);

export function listTeams(db: Kysely<Database>, workspaceId: string) {
  return withMembers(db, workspaceId).where("team.deleted_at", "is", null).orderBy("team.name").execute();
}

export function findTeam(db: Kysely<Database>, workspaceId: string, id: string, includeDeleted = false) {
  let query = withMembers(db, workspaceId).where("team.id", "=", id);
  if (!includeDeleted) query = query.where("team.deleted_at", "is", null);
  return query.executeTakeFirst();
}

export async function insertTeam(
  db: Kysely<Database>,
  row: { id: string; workspaceId: string; name: string; managerId: string | null },
) {
  await db
    .insertInto("team")
    .values({ id: row.id, workspace_id: row.workspaceId, name: row.name, manager_id: row.managerId })
    .execute();
}
