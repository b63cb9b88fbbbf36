import { type ExpressionBuilder, type Kysely, type Selectable, sql } from "kysely";
import type { ConversationProposalTable, ConversationTable, Database } from "../../db/schema.ts";
import { ownerVisibleTo, type Visibility } from "../../db/visibility.ts";

export type ConversationRow = Selectable<ConversationTable>;
export type ProposalRow = Selectable<ConversationProposalTable>;

export function findConversation(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  includeDeleted = false,
) {
  let query = db
    .selectFrom("conversation")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id);
  if (!includeDeleted) query = query.where("deleted_at", "is", null);
  return query.executeTakeFirst();
}

const proposalCount = (eb: ExpressionBuilder<Database, "conversation">, status: "proposed" | "accepted") =>
  eb
    .selectFrom("conversation_proposal")
    .select((p) => p.fn.countAll<string>().as("n"))
    .whereRef("conversation_proposal.conversation_id", "=", "conversation.id")
    .where("conversation_proposal.status", "=", status);

/** A decision's conversations, newest first, with how many proposals wait for the seller and how many went in. */
export function conversationsOf(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  return db
    .selectFrom("conversation")
    .selectAll("conversation")
    .select((eb) => [
      proposalCount(eb, "proposed").as("proposed"),
      proposalCount(eb, "accepted").as("accepted"),
    ])
    .where("conversation.workspace_id", "=", workspaceId)
    .where("conversation.decision_id", "=", decisionId)
    .where("conversation.deleted_at", "is", null)
    .orderBy("conversation.happened_on", "desc")
    .orderBy("conversation.created_at", "desc")
    .execute();
}

export async function insertConversation(
  db: Kysely<Database>,
  row: Omit<ConversationRow, "created_at" | "updated_at" | "deleted_at" | "version">,
) {
  await db
    .insertInto("conversation")
    .values({
      ...row,
      turns: JSON.stringify(row.turns),
      speakers: JSON.stringify(row.speakers),
      analysis: row.analysis === null ? null : JSON.stringify(row.analysis),
      warnings: JSON.stringify(row.warnings),
    })
    .execute();
}

export function proposalsOf(db: Kysely<Database>, workspaceId: string, conversationId: string) {
  return db
    .selectFrom("conversation_proposal")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("conversation_id", "=", conversationId)
    .orderBy("turn")
    .orderBy("created_at")
    .execute();
}

export function findProposal(db: Kysely<Database>, workspaceId: string, id: string) {
  return db
    .selectFrom("conversation_proposal")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertProposals(
  db: Kysely<Database>,
  rows: Omit<
    ProposalRow,
    "status" | "resolved_by" | "resolved_at" | "created_at" | "updated_at" | "version"
  >[],
) {
  if (rows.length) await db.insertInto("conversation_proposal").values(rows).execute();
}

/** Proposals the seller has not answered yet: read again from the new analysis when the speakers change. */
export async function deleteOpenProposals(db: Kysely<Database>, workspaceId: string, conversationId: string) {
  await db
    .deleteFrom("conversation_proposal")
    .where("workspace_id", "=", workspaceId)
    .where("conversation_id", "=", conversationId)
    .where("status", "=", "proposed")
    .execute();
}

/** Who each remembered speaker name is, in this workspace. */
export function speakerMappings(db: Kysely<Database>, workspaceId: string, nameKeys: string[]) {
  if (!nameKeys.length) return Promise.resolve([]);
  return db
    .selectFrom("speaker_mapping")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("name_key", "in", nameKeys)
    .execute();
}

export async function rememberSpeaker(
  db: Kysely<Database>,
  workspaceId: string,
  nameKey: string,
  who: { memberId: string | null; stakeholderId: string | null },
) {
  await db
    .insertInto("speaker_mapping")
    .values({
      workspace_id: workspaceId,
      name_key: nameKey,
      member_id: who.memberId,
      stakeholder_id: who.stakeholderId,
    })
    .onConflict((oc) =>
      oc.columns(["workspace_id", "name_key"]).doUpdateSet({
        member_id: who.memberId,
        stakeholder_id: who.stakeholderId,
        updated_at: new Date(),
      }),
    )
    .execute();
}

/** Members and the account's people by name, to recognise speakers never mapped before. */
export async function namedPeople(db: Kysely<Database>, workspaceId: string, accountId: string) {
  const [members, stakeholders] = await Promise.all([
    db
      .selectFrom("member")
      .select(["id", "name"])
      .where("workspace_id", "=", workspaceId)
      .where("deleted_at", "is", null)
      .execute(),
    db
      .selectFrom("stakeholder")
      .select(["id", "name"])
      .where("workspace_id", "=", workspaceId)
      .where("account_id", "=", accountId)
      .where("deleted_at", "is", null)
      .execute(),
  ]);
  return { members, stakeholders };
}

export interface TrendRow {
  member_id: string;
  member_name: string;
  team_id: string | null;
  conversation_id: string;
  decision_id: string;
  decision_title: string;
  happened_on: string;
  seller_word_share: number;
  seller_questions: number;
  insight_questions: number;
  next_step_agreed: boolean;
  discount_offered: boolean;
}

/**
 * The analysed conversations each member spoke in on our side, newest first, at most `perMember` each: only the
 * members and the decisions the caller may see (a seller their own, a manager their team's, an admin all).
 */
export async function trendRows(
  db: Kysely<Database>,
  workspaceId: string,
  visibility: Visibility,
  options: { teamId: string | null; memberId: string | null; perMember: number },
) {
  const decisionVisible = ownerVisibleTo(visibility, "d.owner_id") ?? sql<boolean>`true`;
  const memberVisible = ownerVisibleTo(visibility, "m.id") ?? sql<boolean>`true`;
  const team = options.teamId ? sql<boolean>`m.team_id = ${options.teamId}::uuid` : sql<boolean>`true`;
  const member = options.memberId ? sql<boolean>`m.id = ${options.memberId}::uuid` : sql<boolean>`true`;
  const { rows } = await sql<TrendRow>`
    SELECT * FROM (
      SELECT m.id AS member_id, m.name AS member_name, m.team_id, c.id AS conversation_id, c.decision_id,
        d.title AS decision_title, c.happened_on::text AS happened_on,
        (c.analysis->>'sellerWordShare')::float8 AS seller_word_share,
        (c.analysis->'questions'->>'seller')::int AS seller_questions,
        (c.analysis->'questionTypes'->'seller'->>'insight')::int AS insight_questions,
        (c.analysis->'nextStep'->>'agreed')::boolean AS next_step_agreed,
        (c.analysis->'discountOffered'->>'offered')::boolean AS discount_offered,
        row_number() OVER (PARTITION BY m.id ORDER BY c.happened_on DESC, c.created_at DESC) AS rank
      FROM conversation c
      JOIN decision d ON d.id = c.decision_id AND d.workspace_id = c.workspace_id AND d.deleted_at IS NULL
      JOIN member m ON m.workspace_id = c.workspace_id AND m.deleted_at IS NULL
        AND c.speakers @> jsonb_build_array(jsonb_build_object('memberId', m.id::text))
      WHERE c.workspace_id = ${workspaceId}::uuid AND c.deleted_at IS NULL AND c.analysis IS NOT NULL
        AND ${decisionVisible} AND ${memberVisible} AND ${team} AND ${member}
    ) ranked
    WHERE rank <= ${options.perMember}
    ORDER BY member_name, member_id, rank`.execute(db);
  return rows;
}
