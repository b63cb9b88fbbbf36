import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { type Actor, recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import { notFound } from "../../http/errors.ts";
import { requireAssignableMember } from "../members/members.service.ts";
import { presentTeam } from "./teams.presenter.ts";
import { findTeam, insertTeam, listTeams } from "./teams.repo.ts";

async function requireManager(
  db: Kysely<Database>,
  workspaceId: string,
  managerId: string | null | undefined,
) {
  if (managerId) await requireAssignableMember(db, workspaceId, managerId, "managerId", "The manager");
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
    await recordCreate(trx, actor, "team", id, team);
    return team;
  });
}

type TeamChange =
  | { kind: "update"; version: number; name?: string | undefined; managerId?: string | null | undefined }
  | { kind: "delete" | "restore"; version: number };

export async function changeTeam(db: Kysely<Database>, actor: Actor, id: string, change: TeamChange) {
  return db.transaction().execute(async (trx) => {
    const patch: Record<string, unknown> = {};
    if (change.kind === "update") {
      await requireManager(trx, actor.workspaceId, change.managerId);
      if (change.name !== undefined) patch.name = change.name;
      if (change.managerId !== undefined) patch.manager_id = change.managerId;
    }
    const { after } = await applyChange(trx, actor, {
      entity: "team",
      table: "team",
      id,
      version: change.version,
      action: change.kind,
      patch,
      load: (includeDeleted) => findTeam(trx, actor.workspaceId, id, includeDeleted),
      present: presentTeam,
      what: "The team",
    });
    return presentTeam(after);
  });
}

export const teamsOf = (db: Kysely<Database>, workspaceId: string) => listTeams(db, workspaceId);

export async function teamOf(db: Kysely<Database>, workspaceId: string, id: string) {
  const team = await findTeam(db, workspaceId, id);
  if (!team) throw notFound("The team");
  return team;
}
