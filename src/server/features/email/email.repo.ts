import { type Kysely, sql } from "kysely";
import type { Database, EmailKind } from "../../db/schema.ts";

export async function insertEmailLink(
  db: Kysely<Database>,
  row: { id: string; workspaceId: string; tokenHash: string; address: string; kind: EmailKind },
) {
  await db
    .insertInto("email_link")
    .values({
      id: row.id,
      workspace_id: row.workspaceId,
      token_hash: row.tokenHash,
      address: row.address,
      kind: row.kind,
    })
    .execute();
}

export function findEmailLink(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom("email_link")
    .select(["workspace_id", "address", "kind"])
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
}

export async function addUnsubscribe(
  db: Kysely<Database>,
  workspaceId: string,
  address: string,
  kind: string,
) {
  await db
    .insertInto("email_unsubscribe")
    .values({ workspace_id: workspaceId, address: address.toLowerCase(), kind })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function isUnsubscribed(
  db: Kysely<Database>,
  workspaceId: string,
  address: string,
  kind: string,
) {
  const row = await db
    .selectFrom("email_unsubscribe")
    .select("kind")
    .where("workspace_id", "=", workspaceId)
    .where("address", "=", address.toLowerCase())
    .where("kind", "=", kind)
    .executeTakeFirst();
  return Boolean(row);
}

/** Active members of every workspace (or one of them) with their role: who gets the weekly mails. */
export function weeklyRecipients(db: Kysely<Database>, only?: { workspaceId: string; memberId?: string }) {
  let query = db
    .selectFrom("member")
    .innerJoin("workspace", "workspace.id", "member.workspace_id")
    .select([
      "member.id",
      "member.workspace_id",
      "member.role",
      "member.team_id",
      "member.email",
      "member.name",
    ])
    .where("member.active", "=", true)
    .where("member.deleted_at", "is", null)
    .where("workspace.is_demo", "=", false)
    .where("member.role", "in", ["manager", "seller"]);
  if (only) query = query.where("member.workspace_id", "=", only.workspaceId);
  if (only?.memberId) query = query.where("member.id", "=", only.memberId);
  return query.execute();
}

/** The customer's own steps past their date and not done, in these decisions. */
export function slippingCustomerSteps(db: Kysely<Database>, workspaceId: string, decisionIds: string[]) {
  if (!decisionIds.length) return Promise.resolve([]);
  return db
    .selectFrom("plan_step")
    .select(["decision_id", "title", sql<number>`current_date - due_date`.as("days_late")])
    .where("workspace_id", "=", workspaceId)
    .where("decision_id", "in", decisionIds)
    .where("deleted_at", "is", null)
    .where("owner_side", "in", ["customer", "both"])
    .where("status", "!=", "done")
    .where("due_date", "<", sql<string>`current_date`)
    .orderBy("due_date")
    .execute();
}

/** A seller's open review actions due within a week, or late. */
export function actionsDueOf(db: Kysely<Database>, workspaceId: string, ownerId: string) {
  return db
    .selectFrom("review_action")
    .innerJoin("decision", "decision.id", "review_action.decision_id")
    .select([
      "review_action.what",
      "review_action.due_date",
      "decision.id as decision_id",
      "decision.title",
      sql<boolean>`review_action.due_date < current_date`.as("overdue"),
    ])
    .where("review_action.workspace_id", "=", workspaceId)
    .where("review_action.owner_id", "=", ownerId)
    .where("review_action.status", "=", "open")
    .where("review_action.deleted_at", "is", null)
    .where("decision.deleted_at", "is", null)
    .where("review_action.due_date", "<=", sql<string>`current_date + 7`)
    .orderBy("review_action.due_date")
    .execute();
}

export function activeAdmins(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom("member")
    .select(["id", "email", "name"])
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "admin")
    .where("active", "=", true)
    .where("deleted_at", "is", null)
    .execute();
}

/** Whom a won decision's check-in after the sale comes from (its owner, if still active) and goes to. */
export async function successCheckPeople(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  const owner = await db
    .selectFrom("decision")
    .innerJoin("member", "member.id", "decision.owner_id")
    .innerJoin("workspace", "workspace.id", "decision.workspace_id")
    .select(["member.id", "member.role", "member.team_id"])
    .where("decision.workspace_id", "=", workspaceId)
    .where("decision.id", "=", decisionId)
    .where("member.active", "=", true)
    .where("member.deleted_at", "is", null)
    .where("workspace.is_demo", "=", false)
    .executeTakeFirst();
  const people = await db
    .selectFrom("stakeholder")
    .innerJoin("involvement", "involvement.stakeholder_id", "stakeholder.id")
    .select(["stakeholder.id", "stakeholder.email"])
    .where("involvement.workspace_id", "=", workspaceId)
    .where("involvement.decision_id", "=", decisionId)
    .where("involvement.deleted_at", "is", null)
    .where("stakeholder.deleted_at", "is", null)
    .where("stakeholder.email", "is not", null)
    .execute();
  return { owner, people };
}
