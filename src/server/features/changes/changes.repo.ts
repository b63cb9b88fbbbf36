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
