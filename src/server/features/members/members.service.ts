import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { CreateMemberBody, UpdateMemberBody } from "../../../contract/members.ts";
import { type Actor, recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import { conflict, notFound, unknownReference } from "../../http/errors.ts";
import { endMemberSessions } from "../auth/auth.service.ts";
import { issueMemberLink, publicUrlMissing } from "../auth/member-links.service.ts";
import { hashPassword } from "../auth/passwords.ts";
import { presentMember } from "./members.presenter.ts";
import {
  assignableMembersOf,
  emailTaken,
  findAssignableMember,
  findMember,
  insertMember,
  listMembers,
  teamExists,
} from "./members.repo.ts";

/**
 * The one rule for naming a member in a record (a decision's owner, a step's or an action's owner, a team's
 * manager): in this workspace, active and not deleted; anything else is "not found" at `path`.
 */
export async function requireAssignableMember(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  path: string,
  what: string,
) {
  const member = await findAssignableMember(db, workspaceId, id);
  if (!member) throw unknownReference(path, what);
  return member;
}

async function requireTeam(db: Kysely<Database>, workspaceId: string, teamId: string | null | undefined) {
  if (teamId && !(await teamExists(db, workspaceId, teamId))) throw unknownReference("teamId", "The team");
}

/**
 * A new member. With a password (the command line, scripts) they can sign in at once; without one they are
 * invited: the answer carries the link they join with, so no one hands a password around.
 */
export async function createMember(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateMemberBody,
  publicUrl?: string,
) {
  if (!input.password && !publicUrl) throw publicUrlMissing();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction().execute((trx) => insertNewMember(trx, actor, input, passwordHash, publicUrl));
}

/** Creates the member inside the caller's transaction (a new workspace and its first admin are one change). */
export async function insertNewMember(
  trx: Kysely<Database>,
  actor: Actor,
  input: CreateMemberBody,
  passwordHash: string | null,
  publicUrl?: string,
) {
  if (await emailTaken(trx, actor.workspaceId, input.email)) {
    throw conflict(`A member with the email ${input.email} already exists in this workspace.`, "email");
  }
  await requireTeam(trx, actor.workspaceId, input.teamId);
  const created = await insertMember(trx, {
    id: randomUUID(),
    workspaceId: actor.workspaceId,
    email: input.email,
    name: input.name,
    role: input.role,
    teamId: input.teamId ?? null,
    passwordHash,
  });
  await recordCreate(trx, actor, "member", created.id, presentMember(created));
  if (passwordHash) return { member: presentMember(created) };
  const invitation = await issueMemberLink(
    trx,
    actor,
    { id: created.id, joined: false },
    publicUrl,
    new Date(),
  );
  return { member: presentMember(created), invitation };
}

/** A fresh invitation (not joined yet) or password-reset link (joined) for a member, from an admin. */
export async function newMemberLink(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  publicUrl: string | undefined,
) {
  return db.transaction().execute(async (trx) => {
    const member = await findMember(trx, actor.workspaceId, id);
    if (!member) throw notFound("The member");
    if (!member.active)
      throw conflict(`${member.name} is deactivated; reactivate them before sending a link.`, "active");
    const joined = member.password_hash !== null;
    return issueMemberLink(trx, actor, { id, joined }, publicUrl, new Date());
  });
}

export async function changeMember(db: Kysely<Database>, actor: Actor, id: string, input: UpdateMemberBody) {
  const row = await db.transaction().execute(async (trx) => {
    const before = await findMember(trx, actor.workspaceId, id);
    if (!before) throw notFound("The member");
    if (id === actor.memberId && (input.active === false || (input.role && input.role !== "admin"))) {
      throw conflict("You cannot remove your own admin access; ask another admin.", "role");
    }
    await requireTeam(trx, actor.workspaceId, input.teamId);
    const { after: updated } = await applyChange(trx, actor, {
      entity: "member",
      table: "member",
      id,
      version: input.version,
      action: "update",
      patch: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.teamId !== undefined ? { team_id: input.teamId } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      },
      load: () => findMember(trx, actor.workspaceId, id),
      present: presentMember,
      what: "The member",
    });
    if (!updated.active) await endMemberSessions(trx, actor.workspaceId, id);
    return updated;
  });
  return presentMember(row);
}

/** How a member signs what they write (a comment keeps the name it was written under). */
export async function memberName(db: Kysely<Database>, workspaceId: string, id: string) {
  const member = await findMember(db, workspaceId, id);
  if (!member) throw notFound("The member");
  return member.name;
}

/** Every member work can be given to (an import matches a CRM's owners against them). */
export const assignableMembers = (db: Kysely<Database>, workspaceId: string) =>
  assignableMembersOf(db, workspaceId);

export const membersOf = (db: Kysely<Database>, workspaceId: string) => listMembers(db, workspaceId);

export async function memberOf(db: Kysely<Database>, workspaceId: string, id: string) {
  const member = await findMember(db, workspaceId, id);
  if (!member) throw notFound("The member");
  return member;
}
