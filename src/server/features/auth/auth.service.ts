import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { DAY_MS } from "../../../domain/time.ts";
import { recordChange } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { AppError, invalid } from "../../http/errors.ts";
import type { Loaded } from "../../http/kept-answers.ts";
import {
  deleteMemberSessions,
  deleteSession,
  findMe,
  findSession,
  insertSession,
  membersForSignIn,
  passwordHashOf,
  setPasswordHash,
} from "./auth.repo.ts";
import { decoyPasswordHash, hashPassword, verifyPassword } from "./passwords.ts";
import { hashToken, newSessionToken } from "./session-token.ts";

// The same answer for an unknown email, a wrong password and a deactivated member: nothing to enumerate.
const wrongCredentials = () => new AppError(401, "invalid_credentials", "Email or password is incorrect.");

export async function startSession(
  db: Kysely<Database>,
  member: { id: string; workspaceId: string },
  sessionDays: number,
  now: Date,
) {
  const { token, hash } = newSessionToken();
  const expiresAt = new Date(now.getTime() + sessionDays * DAY_MS);
  await insertSession(db, {
    id: randomUUID(),
    tokenHash: hash,
    memberId: member.id,
    workspaceId: member.workspaceId,
    expiresAt,
  });
  return { token, expiresAt, memberId: member.id, workspaceId: member.workspaceId };
}

export async function signIn(
  db: Kysely<Database>,
  credentials: { email: string; password: string },
  sessionDays: number,
  now: Date,
) {
  const candidates = await membersForSignIn(db, credentials.email);
  // An unknown email still costs one password check, so it answers as slowly as a wrong password.
  if (!candidates.length) await verifyPassword(await decoyPasswordHash(), credentials.password);
  for (const member of candidates) {
    const passwordOk = await verifyPassword(member.password_hash, credentials.password);
    if (passwordOk && member.active)
      return startSession(db, { id: member.id, workspaceId: member.workspace_id }, sessionDays, now);
  }
  throw wrongCredentials();
}

/** Who a session cookie's token belongs to, and until when; null for an unknown, ended or expired session. */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<Loaded<SignedIn> | null> {
  const row = await findSession(db, hashToken(token), now);
  if (!row) return null;
  return {
    value: { memberId: row.id, workspaceId: row.workspace_id, role: row.role, teamId: row.team_id },
    expiresAt: row.expires_at,
  };
}

/** Ends every session of a member at once (deactivation, password change). */
export { deleteMemberSessions as endMemberSessions } from "./auth.repo.ts";

/** The signed-in member and their workspace, as `/me` and every sign-in answer them. */
export async function meOf(db: Kysely<Database>, workspaceId: string, memberId: string) {
  const row = await findMe(db, workspaceId, memberId);
  return {
    member: { id: row.id, email: row.email, name: row.name, role: row.role, teamId: row.team_id },
    workspace: { id: row.workspace_id, name: row.workspace_name, isDemo: row.is_demo },
  };
}

/**
 * A member changes their own password: the current one proves it is them; every session of theirs ends (a
 * stolen session dies with the old password) and this browser gets a fresh one. The log says it changed,
 * never what to.
 */
export async function changePassword(
  db: Kysely<Database>,
  actor: SignedIn,
  body: { currentPassword: string; newPassword: string },
  sessionDays: number,
  now: Date,
) {
  const { password_hash } = await passwordHashOf(db, actor.workspaceId, actor.memberId);
  if (!(await verifyPassword(password_hash, body.currentPassword)))
    throw invalid("body.currentPassword", "is not your current password");
  const hash = await hashPassword(body.newPassword);
  return db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, actor.workspaceId, actor.memberId, hash);
    await recordChange(trx, actor, {
      entity: "member",
      entityId: actor.memberId,
      action: "update",
      after: { password: "changed" },
    });
    await deleteMemberSessions(trx, actor.workspaceId, actor.memberId);
    return startSession(trx, { id: actor.memberId, workspaceId: actor.workspaceId }, sessionDays, now);
  });
}

/** Signing out: the session behind this cookie's token is gone (an unknown token changes nothing). */
export async function endSession(db: Kysely<Database>, token: string) {
  await deleteSession(db, hashToken(token));
}
