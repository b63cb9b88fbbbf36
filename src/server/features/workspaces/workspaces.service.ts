import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { type Actor, recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import { conflict, notFound } from "../../http/errors.ts";
import { hashPassword } from "../auth/passwords.ts";
import { insertNewMember } from "../members/members.service.ts";
import { presentWorkspace } from "./workspaces.presenter.ts";
import {
  findDemoWorkspace,
  findWorkspace,
  hasOwnWorkspace,
  insertWorkspace,
  listWorkspaceMembers,
  listWorkspaces,
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
  return db.transaction().execute((trx) => insertNewWorkspace(trx, name, options));
}

async function insertNewWorkspace(
  trx: Kysely<Database>,
  name: string,
  options: { isDemo?: boolean; via: string },
) {
  const workspace = await insertWorkspace(trx, { id: randomUUID(), name, isDemo: options.isDemo ?? false });
  await recordCreate(
    trx,
    { workspaceId: workspace.id, memberId: null, via: options.via },
    "workspace",
    workspace.id,
    { id: workspace.id, name },
  );
  return workspace;
}

/**
 * A company creates its workspace in the browser and becomes its first admin, in one change. Allowed for the
 * installation's first workspace; after that only while the server's operator opened sign-up. Names need not
 * be unique, so the answer never says whether another company's workspace exists.
 */
export async function createOwnWorkspace(
  db: Kysely<Database>,
  input: { workspaceName: string; name: string; email: string; password: string },
  openSignup: boolean,
) {
  if (!openSignup && (await hasOwnWorkspace(db))) {
    throw conflict(
      "This installation already has a workspace. Ask its admin to invite you.",
      "workspaceName",
    );
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const workspace = await insertNewWorkspace(trx, input.workspaceName, { via: "setup" });
    const { member } = await insertNewMember(
      trx,
      { workspaceId: workspace.id, memberId: null, via: "setup" },
      { email: input.email, name: input.name, role: "admin" },
      passwordHash,
    );
    return { workspace, member };
  });
}

/** Every workspace on the server, oldest first: for the operator's command line, never for a member. */
export const allWorkspaces = (db: Kysely<Database>) => listWorkspaces(db);

/** The demo workspace, when this installation has one. */
export const demoWorkspace = (db: Kysely<Database>) => findDemoWorkspace(db);

/** What the first page needs: whether this installation has a workspace yet, and the demo's members if on. */
export async function setupStatusOf(db: Kysely<Database>, demoEnabled: boolean, openSignup: boolean) {
  const demo = demoEnabled ? await findDemoWorkspace(db) : undefined;
  return {
    hasWorkspace: await hasOwnWorkspace(db),
    openSignup,
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
