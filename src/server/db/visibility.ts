import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Role } from "../../contract/common.ts";

/** Whose decisions a member sees: admins all, managers their own and their teams', sellers their own. */
export interface Visibility {
  memberId: string;
  role: Role;
}

/**
 * The one visibility rule, as SQL over a decision owner's id (`ownerColumn`): null when the member sees every
 * decision. Every route that shows anything of a decision — the decision itself, its history, its actions —
 * filters through this, so a list never shows what the record's own route would answer 404 for.
 */
export function ownerVisibleTo(visibility: Visibility, ownerColumn: string): Expression<SqlBool> | null {
  if (visibility.role === "admin") return null;
  const owner = sql.ref(ownerColumn);
  if (visibility.role === "seller") return sql<SqlBool>`${owner} = ${visibility.memberId}::uuid`;
  return sql<SqlBool>`(${owner} = ${visibility.memberId}::uuid OR ${owner} IN (
    SELECT m.id FROM member m JOIN team t ON t.id = m.team_id
    WHERE t.manager_id = ${visibility.memberId}::uuid AND t.deleted_at IS NULL))`;
}

/** The same rule over a decision's id (a column or expression); a null id (a record of no decision) passes. */
export function decisionVisibleTo(
  visibility: Visibility,
  decisionId: string | RawBuilder<string | null>,
): Expression<SqlBool> | null {
  const visible = ownerVisibleTo(visibility, "visible.owner_id");
  if (!visible) return null;
  const id = typeof decisionId === "string" ? sql.ref(decisionId) : decisionId;
  return sql<SqlBool>`(${id} IS NULL OR ${id} IN (SELECT visible.id FROM decision visible WHERE ${visible}))`;
}
