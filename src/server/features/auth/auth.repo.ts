import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

/**
 * The members an email signs in as (one per workspace it belongs to), the one signed in to most recently first;
 * a few at most, since each costs a password check.
 */
export function membersForSignIn(db: Kysely<Database>, email: string) {
  return db
    .selectFrom("member")
    .select(["id", "workspace_id", "password_hash", "active"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .where("deleted_at", "is", null)
    .orderBy(
      (eb) =>
        eb
          .selectFrom("session")
          .select((s) => s.fn.max("session.created_at").as("last"))
          .whereRef("session.member_id", "=", "member.id"),
      (ob) => ob.desc().nullsLast(),
    )
    .orderBy("created_at")
    .limit(5)
    .execute();
}

export async function insertSession(
  db: Kysely<Database>,
  session: { id: string; tokenHash: string; memberId: string; workspaceId: string; expiresAt: Date },
) {
  await db
    .insertInto("session")
    .values({
      id: session.id,
      token_hash: session.tokenHash,
      member_id: session.memberId,
      workspace_id: session.workspaceId,
      expires_at: session.expiresAt,
    })
    .execute();
}

export function findSession(db: Kysely<Database>, tokenHash: string, now: Date) {
  return db
    .selectFrom("session")
    .innerJoin("member", "member.id", "session.member_id")
    .select(["member.id", "member.workspace_id", "member.role", "member.team_id", "session.expires_at"])
    .where("session.token_hash", "=", tokenHash)
    .where("session.expires_at", ">", now)
    .where("member.active", "=", true)
    .where("member.deleted_at", "is", null)
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string) {
  await db.deleteFrom("session").where("token_hash", "=", tokenHash).execute();
}

export async function deleteMemberSessions(db: Kysely<Database>, workspaceId: string, memberId: string) {
  await db
    .deleteFrom("session")
    .where("workspace_id", "=", workspaceId)
    .where("member_id", "=", memberId)
    .execute();
}

export function findMe(db: Kysely<Database>, workspaceId: string, memberId: string) {
  return db
    .selectFrom("member")
    .innerJoin("workspace", "workspace.id", "member.workspace_id")
    .select([
      "member.id",
      "member.email",
      "member.name",
      "member.role",
      "member.team_id",
      "workspace.id as workspace_id",
      "workspace.name as workspace_name",
      "workspace.is_demo",
    ])
    .where("member.workspace_id", "=", workspaceId)
    .where("member.id", "=", memberId)
    .executeTakeFirstOrThrow();
}

export function passwordHashOf(db: Kysely<Database>, workspaceId: string, memberId: string) {
  return db
    .selectFrom("member")
    .select("password_hash")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", memberId)
    .executeTakeFirstOrThrow();
}

export async function setPasswordHash(
  db: Kysely<Database>,
  workspaceId: string,
  memberId: string,
  hash: string,
) {
  await db
    .updateTable("member")
    .set({ password_hash: hash, updated_at: new Date() })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", memberId)
    .execute();
}
