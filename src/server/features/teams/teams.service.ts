import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { notFound, unknownReference } from "../../http/errors.ts";
import { requireUpdated } from "../../http/versioned.ts";
import { type Actor, recordChange } from "../changes/change-log.ts";
import { presentTeam } from "./teams.presenter.ts";
import { findTeam, insertTeam, updateTeam } from "./teams.repo.ts";

async function requireManager(
  db: Kysely<Database>,
  workspaceId: string,
  managerId: string | null | undefined,
) {
  if (!managerId) return;
  const found = await db
    .selectFrom("member")
    .select("role")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", managerId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!found) throw unknownReference("managerId", "The manager");
}

export async function createTeam(
  db: Kysely<Database>,
  actor: Actor,
  input: { name: string; managerId?: string | null | undefined },
) {
  return db.transaction().execute(async (trx) => {
    await requireManager(trx, actor.workspaceId, input.managerId);
    const id = randomUUID();
    await insertTeam(trx, {
      id,
      workspaceId: actor.workspaceId,
      name: input.name,
      managerId: input.managerId ?? null,
    });
    const team = presentTeam((await findTeam(trx, actor.workspaceId, id))!);
    await recordChange(trx, actor, { entity: "team", entityId: id, action: "create", after: team });
    return team;
  });
}

type TeamChange =
  | { kind: "update"; version: number; name?: string | undefined; managerId?: string | null | undefined }
  | { kind: "delete" | "restore"; version: number };

/** Update, soft delete and restore share one path: versioned, logged, in one transaction. */
export async function changeTeam(db: Kysely<Database>, actor: Actor, id: string, change: TeamChange) {
  return db.transaction().execute(async (trx) => {
    const restoring = change.kind === "restore";
    const before = await findTeam(trx, actor.workspaceId, id, restoring);
    if (!before || (restoring && !before.deleted_at)) throw notFound("The team");
    let patch: Parameters<typeof updateTeam>[4];
    if (change.kind === "update") {
      await requireManager(trx, actor.workspaceId, change.managerId);
      patch = {
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.managerId !== undefined ? { manager_id: change.managerId } : {}),
      };
    } else {
      patch = { deleted_at: change.kind === "delete" ? new Date() : null };
    }
    await requireUpdated(
      await updateTeam(trx, actor.workspaceId, id, change.version, patch, restoring),
      () => findTeam(trx, actor.workspaceId, id, restoring),
      presentTeam,
      "The team",
    );
    const after = presentTeam((await findTeam(trx, actor.workspaceId, id, true))!);
    await recordChange(trx, actor, {
      entity: "team",
      entityId: id,
      action: change.kind,
      before: presentTeam(before),
      after,
    });
    return after;
  });
}
