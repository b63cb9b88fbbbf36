import type { Kysely, Selectable } from "kysely";
import type { Database, MemberTable, Role } from "../../db/schema.ts";

export type MemberRow = Selectable<MemberTable>;

export function listMembers(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom("member")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("deleted_at", "is", null)
    .orderBy("name")
    .execute();
}

export function findMember(db: Kysely<Database>, workspaceId: string, id: string) {
  return db
    .selectFrom("member")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

/** Whether this workspace has a member with this email (other workspaces' members are none of its business). */
export function emailTaken(db: Kysely<Database>, workspaceId: string, email: string) {
  return db
    .selectFrom("member")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
}

export function insertMember(
  db: Kysely<Database>,
  row: {
    id: string;
    workspaceId: string;
    email: string;
    name: string;
    role: Role;
    teamId: string | null;
    passwordHash: string | null;
  },
) {
  return db
    .insertInto("member")
    .values({
      id: row.id,
      workspace_id: row.workspaceId,
      email: row.email,
      name: row.name,
      role: row.role,
      team_id: row.teamId,
      password_hash: row.passwordHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A member work can be given to: in this workspace, active and not deleted. */
export function findAssignableMember(db: Kysely<Database>, workspaceId: string, id: string) {
  return db
    .selectFrom("member")
    .select(["id", "role"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("active", "=", true)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

/** Whether a member can join this team: in this workspace and not deleted. */
export async function teamExists(db: Kysely<Database>, workspaceId: string, teamId: string) {
  const team = await db
    .selectFrom("team")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", teamId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return team !== undefined;
}

/** Members work can be given to, oldest first (an import's fallback owner is the first admin). */
export function assignableMembersOf(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom("member")
    .select(["id", "email", "name", "role"])
    .where("workspace_id", "=", workspaceId)
    .where("active", "=", true)
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .execute();
}
