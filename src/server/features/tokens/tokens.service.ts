import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { ApiToken, createTokenBody } from "../../../contract/tokens.ts";
import { DAY_MS } from "../../../domain/time.ts";
import { recordChange } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { notFound } from "../../http/errors.ts";
import type { Loaded } from "../../http/kept-answers.ts";
import { hashToken, newApiToken } from "../auth/session-token.ts";
import { findTokenMember, insertToken, markTokenUsed, memberTokens, revokeToken } from "./tokens.repo.ts";

type Row = Awaited<ReturnType<typeof memberTokens>>[number];

// "Last used" is for people deciding which token to revoke: to the minute is enough, and spares a write per call.
const LAST_USED_PRECISION_MS = 60_000;

const shown = (row: Row): ApiToken => ({
  id: row.id,
  name: row.name,
  scope: row.scope,
  prefix: row.prefix,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at?.toISOString() ?? null,
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

export async function createToken(
  db: Kysely<Database>,
  actor: SignedIn,
  body: z.output<typeof createTokenBody>,
  now: Date,
) {
  const { token, hash, prefix } = newApiToken();
  const expiresAt =
    body.expiresInDays === null ? null : new Date(now.getTime() + body.expiresInDays * DAY_MS);
  const row = await db.transaction().execute(async (trx) => {
    const created = await insertToken(trx, {
      id: randomUUID(),
      workspaceId: actor.workspaceId,
      memberId: actor.memberId,
      name: body.name,
      scope: body.scope,
      tokenHash: hash,
      prefix,
      expiresAt,
    });
    await recordChange(trx, actor, {
      entity: "api_token",
      entityId: created.id,
      action: "create",
      after: { name: body.name, scope: body.scope, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { ...shown(row), token };
}

export async function listTokens(db: Kysely<Database>, actor: SignedIn) {
  return { tokens: (await memberTokens(db, actor.workspaceId, actor.memberId)).map(shown) };
}

/** Revoking is final (a leaked secret must stay dead); the next request with it is 401. */
export async function revoke(db: Kysely<Database>, actor: SignedIn, id: string) {
  return db.transaction().execute(async (trx) => {
    const row = await revokeToken(trx, actor.workspaceId, actor.memberId, id);
    if (!row) throw notFound("API token");
    await recordChange(trx, actor, {
      entity: "api_token",
      entityId: id,
      action: "delete",
      before: { name: row.name, scope: row.scope },
    });
    return shown(row);
  });
}

/** The signed-in member a bearer token stands for, with what it may do; null for an unknown or dead token. */
export async function resolveApiToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<Loaded<SignedIn & { via: string }> | null> {
  const row = await findTokenMember(db, hashToken(token), now);
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= LAST_USED_PRECISION_MS)
    await markTokenUsed(db, row.token_id, now);
  const signedIn = {
    memberId: row.id,
    workspaceId: row.workspace_id,
    role: row.role,
    teamId: row.team_id,
    via: `token:${row.token_id}`,
    tokenScope: row.scope,
  };
  return { value: signedIn, expiresAt: row.expires_at };
}
