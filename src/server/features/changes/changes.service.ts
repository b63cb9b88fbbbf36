import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { listChanges } from "./changes.repo.ts";

/** The workspace's history as this member may read it: a decision's entries follow that decision's visibility. */
export const changesFor = (
  db: Kysely<Database>,
  actor: SignedIn,
  filter: { entity?: string | undefined; entityId?: string | undefined; limit: number },
) => listChanges(db, actor.workspaceId, actor, filter);
