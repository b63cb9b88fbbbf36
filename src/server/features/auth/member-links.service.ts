import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { DAY_MS } from "../../../domain/time.ts";
import { type Actor, recordChange } from "../../db/change-log.ts";
import type { Database, MemberLinkTable } from "../../db/schema.ts";
import { AppError } from "../../http/errors.ts";
import { deleteMemberSessions, setPasswordHash } from "./auth.repo.ts";
import { startSession } from "./auth.service.ts";
import { insertMemberLink, markLinkUsed, revokeOpenLinks, usableLink } from "./member-links.repo.ts";
import { hashPassword } from "./passwords.ts";
import { hashToken, newSessionToken } from "./session-token.ts";

type Purpose = MemberLinkTable["purpose"];

/** An invitation waits a week for someone to get to their inbox; a reset is asked for now, so it lasts a day. */
const LIFETIME: Record<Purpose, number> = { invitation: 7 * DAY_MS, password_reset: DAY_MS };

export const publicUrlMissing = () =>
  new AppError(
    409,
    "public_url_missing",
    "This server does not know the address people use to reach it, so it cannot hand out a link. Ask your administrator to set CONFIDANT_PUBLIC_URL.",
  );

const linkNotUsable = () =>
  new AppError(
    404,
    "link_not_usable",
    "This link has expired, was already used, or was replaced by a newer one. Ask an admin of your workspace for a new link.",
  );

/**
 * A new single-use link for a member — an invitation when they have not joined yet, a password reset when they
 * have. Earlier unused links of theirs stop working. The secret is in the answer once; only its hash is kept.
 */
export async function issueMemberLink(
  db: Kysely<Database>,
  actor: Actor,
  member: { id: string; joined: boolean },
  publicUrl: string | undefined,
  now: Date,
) {
  if (!publicUrl) throw publicUrlMissing();
  const purpose: Purpose = member.joined ? "password_reset" : "invitation";
  const { token, hash } = newSessionToken();
  const expiresAt = new Date(now.getTime() + LIFETIME[purpose]);
  await revokeOpenLinks(db, actor.workspaceId, member.id, now);
  await insertMemberLink(db, {
    id: randomUUID(),
    workspaceId: actor.workspaceId,
    memberId: member.id,
    purpose,
    tokenHash: hash,
    createdBy: actor.memberId,
    expiresAt,
  });
  // The log says a link was handed out, never the link.
  await recordChange(db, actor, {
    entity: "member",
    entityId: member.id,
    action: "update",
    after: { [purpose === "invitation" ? "invitationLink" : "passwordResetLink"]: "issued" },
  });
  return {
    purpose,
    url: `${publicUrl.replace(/\/$/, "")}/join/${token}`,
    token,
    expiresAt: expiresAt.toISOString(),
  };
}

/** What the page behind a link shows before the person chooses a password. */
export async function memberLinkView(db: Kysely<Database>, token: string, now: Date) {
  const link = await usableLink(db, hashToken(token), now);
  if (!link) throw linkNotUsable();
  return {
    purpose: link.purpose,
    memberName: link.member_name,
    email: link.email,
    workspaceName: link.workspace_name,
    expiresAt: link.expires_at.toISOString(),
  };
}

/**
 * The person behind a link chooses their password: the link is used up, every other session of theirs ends
 * (a reset is often asked for because a device was lost), and this browser is signed in.
 */
export async function useMemberLink(
  db: Kysely<Database>,
  token: string,
  password: string,
  sessionDays: number,
  now: Date,
) {
  const link = await usableLink(db, hashToken(token), now);
  if (!link) throw linkNotUsable();
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    if (!(await markLinkUsed(trx, link.id, now))) throw linkNotUsable();
    await setPasswordHash(trx, link.workspace_id, link.member_id, hash);
    await recordChange(
      trx,
      { workspaceId: link.workspace_id, memberId: link.member_id, via: link.purpose },
      {
        entity: "member",
        entityId: link.member_id,
        action: "update",
        after: link.purpose === "invitation" ? { joined: true } : { password: "reset" },
      },
    );
    await deleteMemberSessions(trx, link.workspace_id, link.member_id);
    return startSession(trx, { id: link.member_id, workspaceId: link.workspace_id }, sessionDays, now);
  });
}
