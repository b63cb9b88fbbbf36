import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { type Actor, recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import { conflict, notFound } from "../../http/errors.ts";
import { createMember } from "../members/members.service.ts";
import { presentWorkspace } from "./workspaces.presenter.ts";
import {
  findDemoWorkspace,
  findWorkspace,
  findWorkspaceByName,
  hasOwnWorkspace,
  insertWorkspace,
  listWorkspaceMembers,
  type WorkspaceRow,
} from "./workspaces.repo.ts";

/** The workspace as its members see it, its policies with their defaults filled in. */
export async function workspaceView(db: Kysely<Database>, id: string) {
  const row = await findWorkspace(db, id);
  if (!row) throw notFound("The workspace");
  return presentWorkspace(row);
}

/** An admin renames the workspace or changes its policies. */
export async function changeWorkspace(
  db: Kysely<Database>,
  admin: Actor,
  body: { version: number; name?: string | undefined; settings?: Record<string, unknown> | undefined },
) {
  await db.transaction().execute((trx) =>
    applyChange(trx, admin, {
      entity: "workspace",
      table: "workspace",
      id: admin.workspaceId,
      version: body.version,
      action: "update",
      patch: (before: WorkspaceRow) => ({
        settings: JSON.stringify({ ...presentWorkspace(before).settings, ...body.settings }),
        ...(body.name ? { name: body.name } : {}),
      }),
      load: () => findWorkspace(trx, admin.workspaceId),
      present: presentWorkspace,
      what: "The workspace",
    }),
  );
  return workspaceView(db, admin.workspaceId);
}

export async function createWorkspace(
  db: Kysely<Database>,
  name: string,
  options: { isDemo?: boolean; via: string },
) {
  return db.transaction().execute(async (trx) => {
    if (await findWorkspaceByName(trx, name))
      throw conflict(`A workspace named ${name} already exists.`, "workspaceName");
    const workspace = await insertWorkspace(trx, { id: randomUUID(), name, isDemo: options.isDemo ?? false });
    await recordCreate(
      trx,
      { workspaceId: workspace.id, memberId: null, via: options.via },
      "workspace",
      workspace.id,
      { id: workspace.id, name },
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

/** The demo workspace, when this installation has one. */
export const demoWorkspace = (db: Kysely<Database>) => findDemoWorkspace(db);

/** What the first page needs: whether this installation has a workspace yet, and the demo's members if on. */
export async function setupStatusOf(db: Kysely<Database>, demoEnabled: boolean) {
  const demo = demoEnabled ? await findDemoWorkspace(db) : undefined;
  return {
    hasWorkspace: await hasOwnWorkspace(db),
    demo: {
      enabled: demo !== undefined,
      workspaceName: demo?.name ?? null,
      members: demo ? await listWorkspaceMembers(db, demo.id) : [],
    },
  };
}

/** A member of the demo workspace to enter as; "not found" when the demo is off or has no such member. */
export async function demoMember(db: Kysely<Database>, demoEnabled: boolean, memberId: string) {
  const demo = demoEnabled ? await findDemoWorkspace(db) : undefined;
  if (!demo) throw notFound("The demo workspace");
  const member = (await listWorkspaceMembers(db, demo.id)).find((m) => m.id === memberId);
  if (!member) throw notFound("The demo member");
  return { demo, member };
}
