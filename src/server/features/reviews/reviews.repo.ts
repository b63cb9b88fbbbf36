import { type Kysely, type Selectable, sql } from "kysely";
import type { Ratings } from "../../../domain/readiness/consensus.ts";
import type { Database, ReviewActionTable, ReviewAnswerTable, ReviewTable } from "../../db/schema.ts";
import { ownerVisibleTo, type Visibility } from "../../db/visibility.ts";

export type ReviewRow = Selectable<ReviewTable> & {
  decision_title: string;
  account_name: string;
  owner_id: string;
  owner_name: string;
  reviewer_name: string;
};
export type AnswerRow = Selectable<ReviewAnswerTable>;
export type ActionRow = Selectable<ReviewActionTable> & { owner_name: string; decision_title: string };

const reviews = (db: Kysely<Database>, workspaceId: string) =>
  db
    .selectFrom("review")
    .innerJoin("decision", "decision.id", "review.decision_id")
    .innerJoin("account", "account.id", "decision.account_id")
    .innerJoin("member as owner", "owner.id", "decision.owner_id")
    .innerJoin("member as reviewer", "reviewer.id", "review.reviewer_id")
    .selectAll("review")
    .select([
      "decision.title as decision_title",
      "account.name as account_name",
      "decision.owner_id",
      "owner.name as owner_name",
      "reviewer.name as reviewer_name",
    ])
    .where("review.workspace_id", "=", workspaceId)
    .where("review.deleted_at", "is", null);

export function findReview(db: Kysely<Database>, workspaceId: string, id: string) {
  return reviews(db, workspaceId).where("review.id", "=", id).executeTakeFirst();
}

export function reviewsOfDecision(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  return reviews(db, workspaceId)
    .where("review.decision_id", "=", decisionId)
    .orderBy("review.created_at", "desc")
    .execute();
}

export function openReviewOf(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  return db
    .selectFrom("review")
    .select(["id", "version"])
    .where("workspace_id", "=", workspaceId)
    .where("decision_id", "=", decisionId)
    .where("status", "=", "open")
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

export async function insertReview(
  db: Kysely<Database>,
  row: Omit<
    ReviewTable,
    | "created_at"
    | "updated_at"
    | "version"
    | "deleted_at"
    | "coaching_notes"
    | "readiness_at_completion"
    | "completed_at"
    | "status"
  >,
) {
  await db.insertInto("review").values(row).execute();
}

export function answersOf(db: Kysely<Database>, workspaceId: string, reviewIds: string[]) {
  if (reviewIds.length === 0) return Promise.resolve([] as AnswerRow[]);
  return db
    .selectFrom("review_answer")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("review_id", "in", reviewIds)
    .execute();
}

export async function insertAnswers(
  db: Kysely<Database>,
  rows: Omit<AnswerRow, "updated_at" | "version" | "confirmed">[],
) {
  await db
    .insertInto("review_answer")
    .values(rows.map((row) => ({ ...row, signals: JSON.stringify(row.signals) })))
    .execute();
}

export function findAnswer(db: Kysely<Database>, workspaceId: string, id: string) {
  return db
    .selectFrom("review_answer")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Readiness as it stood when the review was completed, to compare the next review against. */
export async function noteReadinessAtCompletion(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  readiness: number,
) {
  await db
    .updateTable("review")
    .set({ readiness_at_completion: readiness })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .execute();
}

const actions = (db: Kysely<Database>, workspaceId: string) =>
  db
    .selectFrom("review_action")
    .innerJoin("member", "member.id", "review_action.owner_id")
    .innerJoin("decision", "decision.id", "review_action.decision_id")
    .selectAll("review_action")
    .select(["member.name as owner_name", "decision.title as decision_title"])
    .where("review_action.workspace_id", "=", workspaceId)
    .where("review_action.deleted_at", "is", null);

export function actionsOfReview(db: Kysely<Database>, workspaceId: string, reviewId: string) {
  return actions(db, workspaceId)
    .where("review_action.review_id", "=", reviewId)
    .orderBy("review_action.created_at")
    .execute();
}

export function findAction(db: Kysely<Database>, workspaceId: string, id: string) {
  return actions(db, workspaceId).where("review_action.id", "=", id).executeTakeFirst();
}

/** One member's actions, as far as the viewer may see them: on decisions they see, or given to the viewer. */
export function actionsOfOwner(
  db: Kysely<Database>,
  workspaceId: string,
  viewer: Visibility,
  ownerId: string,
  status: "open" | "done" | "all",
) {
  let query = actions(db, workspaceId).where("review_action.owner_id", "=", ownerId);
  const visible = ownerVisibleTo(viewer, "decision.owner_id");
  if (visible)
    query = query.where((eb) => eb.or([visible, eb("review_action.owner_id", "=", viewer.memberId)]));
  if (status !== "all") query = query.where("review_action.status", "=", status);
  return query
    .orderBy("review_action.due_date", (ob) => ob.asc().nullsLast())
    .orderBy("review_action.created_at")
    .execute();
}

export async function insertAction(
  db: Kysely<Database>,
  row: Omit<ReviewActionTable, "created_at" | "updated_at" | "version" | "deleted_at" | "status" | "done_at">,
) {
  await db.insertInto("review_action").values(row).execute();
}

/** The latest review of a decision (open or completed) with its answers: what the commit guard reads. */
export async function latestReview(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  const row = await db
    .selectFrom("review")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("decision_id", "=", decisionId)
    .where("deleted_at", "is", null)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return { review: row, answers: await answersOf(db, workspaceId, [row.id]) };
}

/** The latest completed review of each of the given decisions, with its answers. */
export async function latestCompletedReviews(
  db: Kysely<Database>,
  workspaceId: string,
  decisionIds: string[],
) {
  if (decisionIds.length === 0) return [];
  const reviews = await db
    .selectFrom("review")
    .selectAll()
    .distinctOn("decision_id")
    .where("workspace_id", "=", workspaceId)
    .where("decision_id", "in", decisionIds)
    .where("status", "=", "completed")
    .where("deleted_at", "is", null)
    .orderBy("decision_id")
    .orderBy("completed_at", "desc")
    .execute();
  const answers = await answersOf(
    db,
    workspaceId,
    reviews.map((r) => r.id),
  );
  return reviews.map((review) => ({ review, answers: answers.filter((a) => a.review_id === review.id) }));
}

/** Per decision, what the review queue weighs beyond the card: its reviews, concerns and when we last learned something. */
export async function queueFacts(db: Kysely<Database>, workspaceId: string, decisionIds: string[]) {
  if (decisionIds.length === 0) return [];
  const { rows } = await sql<{
    decision_id: string;
    open_review_id: string | null;
    last_review_id: string | null;
    last_completed_at: Date | null;
    last_readiness: number | null;
    severe_concerns: number;
    last_learned_at: Date;
    check_in_list: Array<{
      stakeholderId: string | null;
      stakeholderName: string;
      ratings: Ratings;
      at: string;
    }> | null;
  }>`
    SELECT d.id AS decision_id,
      (SELECT r.id FROM review r WHERE r.workspace_id = d.workspace_id AND r.decision_id = d.id AND r.status = 'open' AND r.deleted_at IS NULL LIMIT 1) AS open_review_id,
      last.id AS last_review_id, last.completed_at AS last_completed_at, last.readiness_at_completion AS last_readiness,
      (SELECT count(*)::int FROM concern c WHERE c.workspace_id = d.workspace_id AND c.decision_id = d.id AND c.deleted_at IS NULL
        AND c.severity = 'high' AND c.status = 'open' AND coalesce(c.response, '') = '') AS severe_concerns,
      greatest(d.created_at, d.learned_at) AS last_learned_at,
      (SELECT jsonb_agg(jsonb_build_object('stakeholderId', ci.stakeholder_id, 'stakeholderName', ci.stakeholder_name,
          'ratings', ci.ratings, 'at', ci.created_at) ORDER BY ci.created_at)
        FROM check_in ci WHERE ci.workspace_id = d.workspace_id AND ci.decision_id = d.id) AS check_in_list
    FROM decision d
    LEFT JOIN LATERAL (
      SELECT r.id, r.completed_at, r.readiness_at_completion FROM review r
      WHERE r.workspace_id = d.workspace_id AND r.decision_id = d.id AND r.status = 'completed' AND r.deleted_at IS NULL
      ORDER BY r.completed_at DESC LIMIT 1
    ) last ON true
    WHERE d.workspace_id = ${workspaceId}::uuid AND d.id = ANY(${decisionIds}::uuid[])`.execute(db);
  return rows;
}
