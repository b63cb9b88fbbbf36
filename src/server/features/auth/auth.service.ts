import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { DAY_MS } from "../../../domain/time.ts";
import type { Database } from "../../db/schema.ts";
import { AppError } from "../../http/errors.ts";
import { deleteSession, findMe, findSession, insertSession, membersForSignIn } from "./auth.repo.ts";
import { decoyPasswordHash, verifyPassword } from "./passwords.ts";
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

export async function resolveSession(db: Kysely<Database>, token: string, now: Date) {
  const row = await findSession(db, hashToken(token), now);
  if (!row) return null;
  return {
    sessionId: row.session_id,
    memberId: row.id,
    workspaceId: row.workspace_id,
    role: row.role,
    teamId: row.team_id,
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

/** Signing out: the session behind this cookie's token is gone (an unknown token changes nothing). */
export async function endSession(db: Kysely<Database>, token: string) {
  await deleteSession(db, hashToken(token));
}
