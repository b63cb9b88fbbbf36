import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";

const COLUMNS = [
  "id",
  "name",
  "scope",
  "prefix",
  "created_at",
  "expires_at",
  "last_used_at",
  "revoked_at",
] as const;

export async function insertToken(
  db: Kysely<Database>,
  token: {
    id: string;
    workspaceId: string;
    memberId: string;
    name: string;
    scope: "read" | "write";
    tokenHash: string;
    prefix: string;
    expiresAt: Date | null;
  },
) {
  return db
    .insertInto("api_token")
    .values({
      id: token.id,
      workspace_id: token.workspaceId,
      member_id: token.memberId,
      name: token.name,
      scope: token.scope,
      token_hash: token.tokenHash,
      prefix: token.prefix,
      expires_at: token.expiresAt,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export function memberTokens(db: Kysely<Database>, workspaceId: string, memberId: string) {
  return db
    .selectFrom("api_token")
    .select(COLUMNS)
    .where("workspace_id", "=", workspaceId)
    .where("member_id", "=", memberId)
    .orderBy("created_at", "desc")
    .execute();
}

/** Revokes one of the member's own tokens; undefined when they have no such token (or it was revoked). */
export function revokeToken(db: Kysely<Database>, workspaceId: string, memberId: string, id: string) {
  return db
    .updateTable("api_token")
    .set({ revoked_at: sql`now()` })
    .where("workspace_id", "=", workspaceId)
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .returning(COLUMNS)
    .executeTakeFirst();
}

/** The member behind a live token: not revoked, not expired, the member active. */
export function findTokenMember(db: Kysely<Database>, tokenHash: string, now: Date) {
  return db
    .selectFrom("api_token")
    .innerJoin("member", "member.id", "api_token.member_id")
    .select([
      "api_token.id as token_id",
      "api_token.scope",
      "api_token.last_used_at",
      "api_token.expires_at",
      "member.id",
      "member.workspace_id",
      "member.role",
      "member.team_id",
    ])
    .where("api_token.token_hash", "=", tokenHash)
    .where("api_token.revoked_at", "is", null)
    .where((eb) => eb.or([eb("api_token.expires_at", "is", null), eb("api_token.expires_at", ">", now)]))
    .where("member.active", "=", true)
    .where("member.deleted_at", "is", null)
    .executeTakeFirst();
}

export async function markTokenUsed(db: Kysely<Database>, id: string, now: Date) {
  await db.updateTable("api_token").set({ last_used_at: now }).where("id", "=", id).execute();
}
