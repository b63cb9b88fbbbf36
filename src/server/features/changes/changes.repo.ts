import { type Kysely, sql } from "kysely";
import { changeEntries } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { decisionVisibleTo, type Visibility } from "../../db/visibility.ts";

/** A decision's own entries name it as the entity; its parts' entries (a concern, a step…) as their parent. */
const relatedDecision = sql<string | null>`CASE WHEN change_log.entity = 'decision'
  THEN change_log.entity_id ELSE change_log.parent_id END`;

/** The history a member may read: entries of a decision follow that decision's visibility. */
export function listChanges(
  db: Kysely<Database>,
  workspaceId: string,
  visibility: Visibility,
  filter: { entity?: string | undefined; entityId?: string | undefined; limit: number },
) {
  let query = changeEntries(db, workspaceId);
  const visible = decisionVisibleTo(visibility, relatedDecision);
  if (visible) query = query.where(visible);
  if (filter.entity) query = query.where("change_log.entity", "=", filter.entity);
  if (filter.entityId) query = query.where("change_log.entity_id", "=", filter.entityId);
  return query.limit(filter.limit).execute();
}

/** The names behind ids a history mentions: people and members, and share links (label, and whether personal). */
export async function namesFor(db: Kysely<Database>, workspaceId: string, ids: string[], linkIds: string[]) {
  const none = ["00000000-0000-0000-0000-000000000000"];
  const [people, members, links] = await Promise.all([
    db
      .selectFrom("stakeholder")
      .select(["id", "name"])
      .where("workspace_id", "=", workspaceId)
      .where("id", "in", ids.length ? ids : none)
      .execute(),
    db
      .selectFrom("member")
      .select(["id", "name"])
      .where("workspace_id", "=", workspaceId)
      .where("id", "in", ids.length ? ids : none)
      .execute(),
    db
      .selectFrom("share_link")
      .leftJoin("stakeholder", "stakeholder.id", "share_link.stakeholder_id")
      .select(["share_link.id", "share_link.label", "stakeholder.name as stakeholder_name"])
      .where("share_link.workspace_id", "=", workspaceId)
      .where("share_link.id", "in", linkIds.length ? linkIds : none)
      .execute(),
  ]);
  return { people: [...people, ...members], links };
}
