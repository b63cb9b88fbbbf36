import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

export function listChanges(
  db: Kysely<Database>,
  workspaceId: string,
  filter: { entity?: string | undefined; entityId?: string | undefined; limit: number },
) {
  let query = db
    .selectFrom("change_log")
    .leftJoin("member", "member.id", "change_log.member_id")
    .select([
      "change_log.id",
      "change_log.entity",
      "change_log.entity_id",
      "change_log.action",
      "change_log.member_id",
      "member.name as member_name",
      "change_log.via",
      "change_log.before",
      "change_log.after",
      "change_log.at",
    ])
    .where("change_log.workspace_id", "=", workspaceId);
  if (filter.entity) query = query.where("change_log.entity", "=", filter.entity);
  if (filter.entityId) query = query.where("change_log.entity_id", "=", filter.entityId);
  return query.orderBy("change_log.id", "desc").limit(filter.limit).execute();
}
