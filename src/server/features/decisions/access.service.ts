import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { notFound } from "../../http/errors.ts";
import { findDecision, type Visibility } from "./decisions.repo.ts";

export const visibilityOf = (actor: SignedIn): Visibility => ({ memberId: actor.memberId, role: actor.role });

/** A decision the caller may see, or 404: another workspace's or another seller's decision is not found. */
export async function requireVisibleDecision(
  db: Kysely<Database>,
  actor: SignedIn,
  id: string,
  includeDeleted = false,
) {
  const row = await findDecision(db, actor.workspaceId, id, visibilityOf(actor), includeDeleted);
  if (!row) throw notFound("The decision");
  return row;
}
