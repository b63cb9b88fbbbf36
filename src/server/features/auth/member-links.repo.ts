import type { Kysely } from "kysely";
import type { Database, MemberLinkTable } from "../../db/schema.ts";

/** Ends a member's unused links of one purpose, so only the newest one handed out works. */
export async function revokeOpenLinks(
  db: Kysely<Database>,
  workspaceId: string,
  memberId: string,
  now: Date,
) {
  await db
    .updateTable("member_link")
    .set({ revoked_at: now })
    .where("workspace_id", "=", workspaceId)
    .where("member_id", "=", memberId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
}

export async function insertMemberLink(
  db: Kysely<Database>,
  link: {
    id: string;
    workspaceId: string;
    memberId: string;
    purpose: MemberLinkTable["purpose"];
    tokenHash: string;
    createdBy: string | null;
    expiresAt: Date;
  },
) {
  await db
    .insertInto("member_link")
    .values({
      id: link.id,
      workspace_id: link.workspaceId,
      member_id: link.memberId,
      purpose: link.purpose,
      token_hash: link.tokenHash,
      created_by: link.createdBy,
      expires_at: link.expiresAt,
    })
    .execute();
}

/** The link behind a token while it still works: unused, not replaced, not expired, its member active. */
export function usableLink(db: Kysely<Database>, tokenHash: string, now: Date) {
  return db
    .selectFrom("member_link")
    .innerJoin("member", "member.id", "member_link.member_id")
    .innerJoin("workspace", "workspace.id", "member_link.workspace_id")
    .select([
      "member_link.id",
      "member_link.purpose",
      "member_link.expires_at",
      "member_link.workspace_id",
      "member_link.member_id",
      "member.name as member_name",
      "member.email",
      "workspace.name as workspace_name",
    ])
    .where("member_link.token_hash", "=", tokenHash)
    .where("member_link.used_at", "is", null)
    .where("member_link.revoked_at", "is", null)
    .where("member_link.expires_at", ">", now)
    .where("member.active", "=", true)
    .where("member.deleted_at", "is", null)
    .executeTakeFirst();
}

/** Marks a link used; false when another request used it first. */
export async function markLinkUsed(db: Kysely<Database>, id: string, now: Date) {
  const result = await db
    .updateTable("member_link")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
