import { randomUUID } from "node:crypto";
import { createEvents } from "ics";
import type { Kysely } from "kysely";
import { calendarEntries } from "../../../domain/calendar/events.ts";
import { recordChange, recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { hashToken, newSessionToken } from "../auth/session-token.ts";
import { requireVisibleDecision } from "../decisions/access.service.ts";
import {
  calendarSteps,
  findFeed,
  insertFeed,
  markFeedRead,
  memberFeeds,
  revokeFeed,
} from "./calendar.repo.ts";

const publicUrlMissing = () =>
  new AppError(
    409,
    "public_url_missing",
    "This server does not know the address people use to reach it, so a calendar could not reach it either. Ask your administrator to set CONFIDANT_PUBLIC_URL.",
  );

const shown = (
  row: { id: string; decision_id: string | null; created_at: Date; last_read_at: Date | null },
  title: string | null,
) => ({
  id: row.id,
  decisionId: row.decision_id,
  decisionTitle: title,
  createdAt: row.created_at.toISOString(),
  lastReadAt: row.last_read_at?.toISOString() ?? null,
});

/** A secret feed address for a decision's plan (any decision the member sees) or, without one, their own steps. */
export async function createFeed(
  db: Kysely<Database>,
  actor: SignedIn,
  decisionId: string | null,
  publicUrl: string | undefined,
) {
  const decision = decisionId ? await requireVisibleDecision(db, actor, decisionId) : null;
  if (!publicUrl) throw publicUrlMissing();
  const { token, hash } = newSessionToken();
  const row = await db.transaction().execute(async (trx) => {
    const created = await insertFeed(trx, {
      id: randomUUID(),
      workspaceId: actor.workspaceId,
      memberId: actor.memberId,
      decisionId,
      tokenHash: hash,
    });
    await recordCreate(trx, actor, "calendar_feed", created.id, { decisionId }, decisionId ?? undefined);
    return created;
  });
  return {
    ...shown(row, decision?.title ?? null),
    url: `${publicUrl.replace(/\/$/, "")}/api/v1/calendar/${token}.ics`,
  };
}

export async function listFeeds(db: Kysely<Database>, actor: SignedIn) {
  const rows = await memberFeeds(db, actor.workspaceId, actor.memberId);
  return { items: rows.map((r) => shown(r, r.decision_title)) };
}

/** Revoking closes the address at once: the next fetch is 404. */
export async function revoke(db: Kysely<Database>, actor: SignedIn, id: string) {
  return db.transaction().execute(async (trx) => {
    const row = await revokeFeed(trx, actor.workspaceId, actor.memberId, id);
    if (!row) throw notFound("The calendar feed");
    await recordChange(trx, actor, {
      entity: "calendar_feed",
      entityId: id,
      action: "delete",
      before: { decisionId: row.decision_id },
    });
    return shown(row, null);
  });
}

/** The feed as an iCalendar file, read as its member now sees things (a revoked or deactivated one is gone). */
export async function feedFile(db: Kysely<Database>, file: string, publicUrl: string | undefined) {
  const feed = await findFeed(db, hashToken(file.replace(/\.ics$/, "")));
  if (!feed) throw notFound("This calendar feed");
  const reader: SignedIn = {
    workspaceId: feed.workspace_id,
    memberId: feed.member_id,
    role: feed.role,
    teamId: feed.team_id,
  };
  if (feed.decision_id) await requireVisibleDecision(db, reader, feed.decision_id);
  const steps = await calendarSteps(
    db,
    feed.workspace_id,
    feed.decision_id ? { decisionId: feed.decision_id } : { memberId: feed.member_id },
  );
  // Calendars fetch every few minutes: when it was last read, to the hour, is enough.
  if (!feed.last_read_at || Date.now() - feed.last_read_at.getTime() > 3_600_000)
    await markFeedRead(db, feed.id);
  const base = (publicUrl ?? "http://localhost").replace(/\/$/, "");
  const entries = calendarEntries(
    steps.map((s) => ({
      id: s.id,
      title: s.title,
      description: s.description,
      ownerSide: s.owner_side,
      ownerName: s.owner_name,
      dueDate: s.due_date,
      status: s.status,
      decisionId: s.decision_id,
      decisionTitle: s.decision_title,
      accountName: s.account_name,
    })),
    base,
    new URL(base).host,
  );
  const { error, value } = createEvents(
    entries.map((e) => {
      const [y, m, d] = e.date.split("-").map(Number) as [number, number, number];
      return {
        uid: e.uid,
        start: [y, m, d],
        duration: { days: 1 },
        title: e.title,
        description: e.description,
        url: e.url,
        status: "CONFIRMED" as const,
        productId: "confidant/plan",
        calName: feed.decision_id ? (steps[0]?.decision_title ?? "Mutual plan") : "My customer steps",
      };
    }),
  );
  if (error || value === undefined) throw error ?? new Error("the calendar could not be written");
  // A feed with no dated steps is still a valid, empty calendar.
  return value || "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:confidant/plan\r\nEND:VCALENDAR\r\n";
}
