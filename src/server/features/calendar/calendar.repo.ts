import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";

const FEED = ["id", "decision_id", "created_at", "last_read_at", "revoked_at"] as const;

export async function insertFeed(
  db: Kysely<Database>,
  row: { id: string; workspaceId: string; memberId: string; decisionId: string | null; tokenHash: string },
) {
  return db
    .insertInto("calendar_feed")
    .values({
      id: row.id,
      workspace_id: row.workspaceId,
      member_id: row.memberId,
      decision_id: row.decisionId,
      token_hash: row.tokenHash,
    })
    .returning(FEED)
    .executeTakeFirstOrThrow();
}

export function memberFeeds(db: Kysely<Database>, workspaceId: string, memberId: string) {
  return db
    .selectFrom("calendar_feed")
    .leftJoin("decision", "decision.id", "calendar_feed.decision_id")
    .select([
      "calendar_feed.id",
      "calendar_feed.decision_id",
      "calendar_feed.created_at",
      "calendar_feed.last_read_at",
      "calendar_feed.revoked_at",
      "decision.title as decision_title",
    ])
    .where("calendar_feed.workspace_id", "=", workspaceId)
    .where("calendar_feed.member_id", "=", memberId)
    .where("calendar_feed.revoked_at", "is", null)
    .orderBy("calendar_feed.created_at", "desc")
    .execute();
}

export function revokeFeed(db: Kysely<Database>, workspaceId: string, memberId: string, id: string) {
  return db
    .updateTable("calendar_feed")
    .set({ revoked_at: sql`now()` })
    .where("workspace_id", "=", workspaceId)
    .where("member_id", "=", memberId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .returning(FEED)
    .executeTakeFirst();
}

/** A live feed and the member it reads as (active, with their role now). */
export function findFeed(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom("calendar_feed")
    .innerJoin("member", "member.id", "calendar_feed.member_id")
    .select([
      "calendar_feed.id",
      "calendar_feed.decision_id",
      "calendar_feed.last_read_at",
      "member.id as member_id",
      "member.workspace_id",
      "member.role",
      "member.team_id",
    ])
    .where("calendar_feed.token_hash", "=", tokenHash)
    .where("calendar_feed.revoked_at", "is", null)
    .where("member.active", "=", true)
    .where("member.deleted_at", "is", null)
    .executeTakeFirst();
}

export async function markFeedRead(db: Kysely<Database>, id: string) {
  await db.updateTable("calendar_feed").set({ last_read_at: sql`now()` }).where("id", "=", id).execute();
}

/**
 * Plan steps for calendars: of one decision, or — for a member's own feed — the customer's steps in the
 * decisions they own and the steps they own themselves, in open decisions.
 */
export function calendarSteps(
  db: Kysely<Database>,
  workspaceId: string,
  scope: { decisionId: string } | { memberId: string },
) {
  let query = db
    .selectFrom("plan_step as s")
    .innerJoin("decision as d", "d.id", "s.decision_id")
    .innerJoin("account as a", "a.id", "d.account_id")
    .leftJoin("stakeholder as st", "st.id", "s.owner_stakeholder_id")
    .leftJoin("member as m", "m.id", "s.owner_member_id")
    .select([
      "s.id",
      "s.title",
      "s.description",
      "s.owner_side",
      "s.due_date",
      "s.status",
      "s.decision_id",
      "d.title as decision_title",
      "a.name as account_name",
      sql<string | null>`coalesce(st.name, m.name)`.as("owner_name"),
    ])
    .where("s.workspace_id", "=", workspaceId)
    .where("s.deleted_at", "is", null)
    .where("d.deleted_at", "is", null);
  if ("decisionId" in scope) query = query.where("s.decision_id", "=", scope.decisionId);
  else
    query = query
      .where("d.outcome", "=", "open")
      .where((eb) =>
        eb.or([
          eb.and([eb("d.owner_id", "=", scope.memberId), eb("s.owner_side", "in", ["customer", "both"])]),
          eb("s.owner_member_id", "=", scope.memberId),
        ]),
      );
  return query.orderBy("s.due_date").limit(2000).execute();
}
