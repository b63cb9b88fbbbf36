import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import type {
  CheckInTable,
  ConcernTable,
  Database,
  ProblemCorrectionTable,
  ShareLinkTable,
} from "../../db/schema.ts";

/** A link, with the name of the stakeholder whose own link it is (null for a general link). */
export type LinkRow = Selectable<ShareLinkTable> & { stakeholder_name: string | null };

/** A link by its secret's hash, only while its decision is there: a deleted decision's room is closed to every route. */
export function linkByHash(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom("share_link")
    .innerJoin("decision", (join) =>
      join
        .onRef("decision.id", "=", "share_link.decision_id")
        .onRef("decision.workspace_id", "=", "share_link.workspace_id")
        .on("decision.deleted_at", "is", null),
    )
    .leftJoin("stakeholder", "stakeholder.id", "share_link.stakeholder_id")
    .selectAll("share_link")
    .select("stakeholder.name as stakeholder_name")
    .where("share_link.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

export function linksOf(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  return db
    .selectFrom("share_link")
    .innerJoin("member", "member.id", "share_link.created_by")
    .leftJoin("stakeholder", "stakeholder.id", "share_link.stakeholder_id")
    .selectAll("share_link")
    .select(["member.name as created_by_name", "stakeholder.name as stakeholder_name"])
    .where("share_link.workspace_id", "=", workspaceId)
    .where("share_link.decision_id", "=", decisionId)
    .orderBy("share_link.created_at", "desc")
    .execute();
}

export async function addActivity(
  db: Kysely<Database>,
  row: {
    workspaceId: string;
    decisionId: string;
    linkId: string | null;
    kind: string;
    summary: string;
    payload?: unknown;
  },
) {
  await db
    .insertInto("buyer_activity")
    .values({
      workspace_id: row.workspaceId,
      decision_id: row.decisionId,
      share_link_id: row.linkId,
      kind: row.kind,
      summary: row.summary,
      payload: JSON.stringify(row.payload ?? {}),
    })
    .execute();
}

export interface RoomRow {
  title: string;
  outcome: string;
  account_name: string;
  owner_name: string;
  target_date: string | null;
  currency: string;
  problem: { statement?: string | null };
  impact: Record<string, unknown>;
  outcomes_sought: { measure: string; current?: string | null; target?: string | null }[];
  people: { id: string; name: string; title: string | null }[];
  steps: {
    id: string;
    title: string;
    description: string | null;
    owner_side: "customer" | "us" | "both";
    owner_name: string | null;
    due_date: string | null;
    first_due_date: string | null;
    due_date_moves: number;
    status: "not_started" | "in_progress" | "done" | "blocked";
    blocked_reason: string | null;
    depends_on: string | null;
    done_at: string | null;
    comments: { author_name: string; body: string; at: string }[];
  }[];
  concerns: {
    id: string;
    text: string;
    status: "open" | "addressed" | "accepted";
    response: string | null;
  }[];
}

/**
 * Everything the buyer room shows, in one statement: the room is opened often and by people outside. Servers keep
 * it until something it shows changes: a table or decision column read here must be watched in
 * `kept-answers.ts` and by migration 0028's triggers.
 */
export async function roomRow(db: Kysely<Database>, link: { workspace_id: string; decision_id: string }) {
  const { rows } = await sql<RoomRow>`
    SELECT d.title, d.outcome, a.name AS account_name, m.name AS owner_name, d.target_date, d.currency, d.problem, d.impact, d.outcomes_sought,
      coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'title', s.title) ORDER BY s.name)
        FROM involvement i JOIN stakeholder s ON s.id = i.stakeholder_id
        WHERE i.workspace_id = d.workspace_id AND i.decision_id = d.id AND i.deleted_at IS NULL), '[]') AS people,
      coalesce((SELECT json_agg(json_build_object(
          'id', p.id, 'title', p.title, 'description', p.description, 'owner_side', p.owner_side,
          'owner_name', coalesce(ps.name, pm.name), 'due_date', p.due_date, 'first_due_date', p.first_due_date,
          'due_date_moves', p.due_date_moves, 'status', p.status, 'blocked_reason', p.blocked_reason,
          'depends_on', p.depends_on, 'done_at', p.done_at,
          'comments', coalesce((SELECT json_agg(json_build_object('author_name', c.author_name, 'body', c.body, 'at', c.created_at) ORDER BY c.created_at)
            FROM step_comment c WHERE c.workspace_id = p.workspace_id AND c.step_id = p.id), '[]')
        ) ORDER BY p.position)
        FROM plan_step p LEFT JOIN stakeholder ps ON ps.id = p.owner_stakeholder_id LEFT JOIN member pm ON pm.id = p.owner_member_id
        WHERE p.workspace_id = d.workspace_id AND p.decision_id = d.id AND p.deleted_at IS NULL), '[]') AS steps,
      coalesce((SELECT json_agg(json_build_object('id', c.id, 'text', c.text, 'status', c.status, 'response', c.response) ORDER BY c.created_at)
        FROM concern c WHERE c.workspace_id = d.workspace_id AND c.decision_id = d.id AND c.raised_via_link IS NOT NULL AND c.deleted_at IS NULL), '[]') AS concerns
    FROM decision d
    JOIN account a ON a.id = d.account_id
    JOIN member m ON m.id = d.owner_id
    WHERE d.workspace_id = ${link.workspace_id}::uuid AND d.id = ${link.decision_id}::uuid AND d.deleted_at IS NULL`.execute(
    db,
  );
  return rows[0];
}

/**
 * Notes that a buyer used the room through this link. A visit is a stretch of use: it begins when the link was
 * not used for `gapMinutes`, and only then is it counted and written to the change log as an access. Made with
 * the query builder so that servers keeping rooms see only `last_seen_at` and `visit_count` change, which no
 * room shows.
 */
export async function recordRoomUse(
  db: Kysely<Database>,
  link: { id: string; workspace_id: string; decision_id: string },
  via: string,
  gapMinutes: number,
) {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("share_link")
      .select(
        sql<boolean>`last_seen_at IS NULL OR last_seen_at < now() - make_interval(mins => ${gapMinutes})`.as(
          "new_visit",
        ),
      )
      .where("id", "=", link.id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return;
    await trx
      .updateTable("share_link")
      .set((eb) => ({
        last_seen_at: sql`now()`,
        visit_count: before.new_visit ? eb("visit_count", "+", 1) : eb.ref("visit_count"),
      }))
      .where("id", "=", link.id)
      .execute();
    if (!before.new_visit) return;
    await trx
      .insertInto("change_log")
      .values({
        workspace_id: link.workspace_id,
        member_id: null,
        via,
        entity: "share_link",
        entity_id: link.id,
        action: "access",
        parent_id: link.decision_id,
      })
      .execute();
  });
}

export function findCorrection(db: Kysely<Database>, workspaceId: string, id: string) {
  return db
    .selectFrom("problem_correction")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertLink(db: Kysely<Database>, row: Insertable<ShareLinkTable>) {
  await db.insertInto("share_link").values(row).execute();
}

export function findLink(db: Kysely<Database>, workspaceId: string, id: string) {
  return db
    .selectFrom("share_link")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function revokeLink(db: Kysely<Database>, workspaceId: string, id: string) {
  await db
    .updateTable("share_link")
    .set({ revoked_at: new Date() })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .execute();
}

export function correctionsOf(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  return db
    .selectFrom("problem_correction")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("decision_id", "=", decisionId)
    .orderBy("created_at", "desc")
    .execute();
}

/** Buyer activity, newest first: of one decision, or of the decisions one member owns, or all. */
export function activityOf(
  db: Kysely<Database>,
  workspaceId: string,
  filter: { decisionId?: string | undefined; ownerId?: string | undefined; limit: number },
) {
  let query = db
    .selectFrom("buyer_activity")
    .innerJoin("decision", "decision.id", "buyer_activity.decision_id")
    .select([
      "buyer_activity.id",
      "buyer_activity.decision_id",
      "decision.title",
      "buyer_activity.kind",
      "buyer_activity.summary",
      "buyer_activity.created_at",
    ])
    .where("buyer_activity.workspace_id", "=", workspaceId);
  if (filter.decisionId) query = query.where("buyer_activity.decision_id", "=", filter.decisionId);
  if (filter.ownerId) query = query.where("decision.owner_id", "=", filter.ownerId);
  return query.orderBy("buyer_activity.id", "desc").limit(filter.limit).execute();
}

/** The people involved in one decision (not removed from it). */
const involvedIn = (db: Kysely<Database>, decisionId: string) =>
  db
    .selectFrom("stakeholder")
    .innerJoin("involvement", "involvement.stakeholder_id", "stakeholder.id")
    .select(["stakeholder.id", "stakeholder.name", "stakeholder.email", "involvement.role"])
    .where("involvement.decision_id", "=", decisionId)
    .where("involvement.deleted_at", "is", null);

/** The stakeholder involved in this decision who goes by the name a buyer gave, if any. */
export const involvedByName = (db: Kysely<Database>, decisionId: string, name: string) =>
  involvedIn(db, decisionId)
    .where((eb) => eb(eb.fn("lower", ["stakeholder.name"]), "=", name.toLowerCase()))
    .executeTakeFirst();

/** A stakeholder involved in this decision, by id: whom a personal link may be for. */
export const involvedStakeholder = (
  db: Kysely<Database>,
  workspaceId: string,
  decisionId: string,
  id: string,
) =>
  involvedIn(db, decisionId)
    .where("involvement.workspace_id", "=", workspaceId)
    .where("stakeholder.id", "=", id)
    .executeTakeFirst();

/** A concern a buyer raised in the room (the seller answers it on the decision). */
export async function insertBuyerConcern(db: Kysely<Database>, row: Insertable<ConcernTable>) {
  await db.insertInto("concern").values(row).execute();
}

export async function insertCorrection(db: Kysely<Database>, row: Insertable<ProblemCorrectionTable>) {
  await db.insertInto("problem_correction").values(row).execute();
}

export async function insertCheckIn(db: Kysely<Database>, row: Insertable<CheckInTable>) {
  await db.insertInto("check_in").values(row).execute();
}
