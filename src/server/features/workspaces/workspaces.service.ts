import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { recordChange } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { conflict } from "../../http/errors.ts";
import { createMember } from "../members/members.service.ts";
import { findWorkspaceByName, hasOwnWorkspace, insertWorkspace } from "./workspaces.repo.ts";

export async function createWorkspace(
  db: Kysely<Database>,
  name: string,
  options: { isDemo?: boolean; via: string },
) {
  return db.transaction().execute(async (trx) => {
    if (await findWorkspaceByName(trx, name))
      throw conflict(`A workspace named ${name} already exists.`, "workspaceName");
    const workspace = await insertWorkspace(trx, { id: randomUUID(), name, isDemo: options.isDemo ?? false });
    await recordChange(
      trx,
      { workspaceId: workspace.id, memberId: null, via: options.via },
      { entity: "workspace", entityId: workspace.id, action: "create", after: { id: workspace.id, name } },
    );
    return workspace;
  });
}

/** First run in the browser: the installation's first workspace and its admin. Refused once one exists. */
export async function createFirstWorkspace(
  db: Kysely<Database>,
  input: { workspaceName: string; name: string; email: string; password: string },
) {
  if (await hasOwnWorkspace(db)) {
    throw conflict(
      "This installation already has a workspace. Ask its admin to invite you.",
      "workspaceName",
    );
  }
  const workspace = await createWorkspace(db, input.workspaceName, { via: "setup" });
  const { member } = await createMember(
    db,
    { workspaceId: workspace.id, memberId: null, via: "setup" },
    { email: input.email, name: input.name, role: "admin", password: input.password },
  );
  return { workspace, member };
}

/** For the CLI: the workspace by name, created when it does not exist yet. */
export async function findOrCreateWorkspace(db: Kysely<Database>, name: string) {
  return (await findWorkspaceByName(db, name)) ?? createWorkspace(db, name, { via: "cli" });
}
