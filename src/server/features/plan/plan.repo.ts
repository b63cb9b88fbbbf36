import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import type { Database, PlanStepTable, PlanTemplateTable, StepCommentTable } from "../../db/schema.ts";

export type StepRow = Selectable<PlanStepTable> & { owner_name: string | null };
export type TemplateRow = Selectable<PlanTemplateTable>;

const steps = (db: Kysely<Database>, workspaceId: string) =>
  db
    .selectFrom("plan_step")
    .leftJoin("stakeholder", "stakeholder.id", "plan_step.owner_stakeholder_id")
    .leftJoin("member", "member.id", "plan_step.owner_member_id")
    .selectAll("plan_step")
    .select(sql<string | null>`coalesce(stakeholder.name, member.name)`.as("owner_name"))
    .where("plan_step.workspace_id", "=", workspaceId);

export function stepsOf(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  return steps(db, workspaceId)
    .where("plan_step.decision_id", "=", decisionId)
    .where("plan_step.deleted_at", "is", null)
    .orderBy("plan_step.position")
    .execute();
}

export function findStep(db: Kysely<Database>, workspaceId: string, id: string, includeDeleted = false) {
  let query = steps(db, workspaceId).where("plan_step.id", "=", id);
  if (!includeDeleted) query = query.where("plan_step.deleted_at", "is", null);
  return query.executeTakeFirst();
}

export async function insertSteps(
  db: Kysely<Database>,
  rows: Omit<
    Selectable<PlanStepTable>,
    "created_at" | "updated_at" | "version" | "deleted_at" | "due_date_moves" | "done_at"
  >[],
) {
  if (rows.length) await db.insertInto("plan_step").values(rows).execute();
}

/**
 * Holds the decision's row until the transaction ends, so plan changes on one decision run one after another:
 * two steps added at once never read the same last position.
 */
export async function lockPlan(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  await db
    .selectFrom("decision")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", decisionId)
    .forUpdate()
    .execute();
}

export async function nextPosition(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  const row = await db
    .selectFrom("plan_step")
    .select(sql<number>`coalesce(max(position), 0) + 1`.as("next"))
    .where("workspace_id", "=", workspaceId)
    .where("decision_id", "=", decisionId)
    .where("deleted_at", "is", null)
    .executeTakeFirstOrThrow();
  return row.next;
}

export function commentsOf(db: Kysely<Database>, workspaceId: string, stepIds: string[]) {
  if (stepIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("step_comment")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("step_id", "in", stepIds)
    .orderBy("created_at")
    .execute();
}

export function templatesOf(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom("plan_template")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .execute();
}

export function findTemplate(db: Kysely<Database>, workspaceId: string, id: string) {
  return db
    .selectFrom("plan_template")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

/** The plan's order as given: each step's position is its place in the list. */
export async function setStepPositions(db: Kysely<Database>, workspaceId: string, stepIds: string[]) {
  for (const [index, stepId] of stepIds.entries()) {
    await db
      .updateTable("plan_step")
      .set({ position: index + 1 })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", stepId)
      .execute();
  }
}

export async function insertStepComment(
  db: Kysely<Database>,
  row: Omit<Selectable<StepCommentTable>, "created_at">,
) {
  await db.insertInto("step_comment").values(row).execute();
}

export async function insertTemplates(db: Kysely<Database>, rows: Insertable<PlanTemplateTable>[]) {
  await db.insertInto("plan_template").values(rows).execute();
}
