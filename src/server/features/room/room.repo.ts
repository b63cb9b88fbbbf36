import type { Kysely, Selectable } from "kysely";
import type { Database, ShareLinkTable } from "../../db/schema.ts";

export type LinkRow = Selectable<ShareLinkTable>;

export function linkByHash(db: Kysely<Database>, tokenHash: string) {
  return db.selectFrom("share_link").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

export function linksOf(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  return db
    .selectFrom("share_link")
    .innerJoin("member", "member.id", "share_link.created_by")
    .selectAll("share_link")
    .select("member.name as created_by_name")
    .where("share_link.workspace_id", "=", workspaceId)
    .where("share_link.decision_id", "=", decisionId)
    .orderBy("share_link.created_at", "desc")
    .execute();
}

export function checkInsOf(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  return db
    .selectFrom("check_in")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("decision_id", "=", decisionId)
    .orderBy("created_at")
    .execute();
}

export async function addActivity(
  db: Kysely<Database>,
  row: {
    workspaceId: string;
    decisionId: string;
    linkId: string | null;
    kind: string;
    summary: string;
    payload?: unknown;
  },
) {
  await db
    .insertInto("buyer_activity")
    .values({
      workspace_id: row.workspaceId,
      decision_id: row.decisionId,
      share_link_id: row.linkId,
      kind: row.kind,
      summary: row.summary,
      payload: JSON.stringify(row.payload ?? {}),
    })
    .execute();
}
