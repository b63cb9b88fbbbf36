import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { ownerVisibleTo, type Visibility } from "../../db/visibility.ts";

export type MeasureRow = Awaited<ReturnType<typeof findMeasure>> & object;

export function findMeasure(db: Kysely<Database>, workspaceId: string, id: string, includeDeleted = false) {
  let query = db
    .selectFrom("success_measure")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id);
  if (!includeDeleted) query = query.where("deleted_at", "is", null);
  return query.executeTakeFirst();
}

export function measuresOf(db: Kysely<Database>, workspaceId: string, decisionIds: string[]) {
  return db
    .selectFrom("success_measure")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("decision_id", "in", decisionIds)
    .where("deleted_at", "is", null)
    .orderBy("position")
    .orderBy("created_at")
    .execute();
}

/** Whether the decision ever had measures (deleted ones included): a second win does not make them again. */
export async function hadMeasures(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  const row = await db
    .selectFrom("success_measure")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("decision_id", "=", decisionId)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

export async function insertMeasures(db: Kysely<Database>, rows: Record<string, unknown>[]) {
  if (rows.length > 0)
    await db
      .insertInto("success_measure")
      .values(rows as never)
      .execute();
}

export async function nextPosition(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  const row = await db
    .selectFrom("success_measure")
    .select((eb) => eb.fn.max("position").as("last"))
    .where("workspace_id", "=", workspaceId)
    .where("decision_id", "=", decisionId)
    .executeTakeFirst();
  return (row?.last ?? -1) + 1;
}

export function reportsOf(db: Kysely<Database>, workspaceId: string, decisionIds: string[]) {
  return db
    .selectFrom("success_report")
    .leftJoin("member", "member.id", "success_report.recorded_by")
    .selectAll("success_report")
    .select("member.name as recorded_by_name")
    .where("success_report.workspace_id", "=", workspaceId)
    .where("success_report.decision_id", "in", decisionIds)
    .orderBy("success_report.created_at", "desc")
    .execute();
}

export async function insertReport(db: Kysely<Database>, row: Record<string, unknown>) {
  await db
    .insertInto("success_report")
    .values(row as never)
    .execute();
}

/** Measures due by `today` that the customer has not been asked about yet, in won decisions. */
export function measuresToAsk(db: Kysely<Database>, today: string) {
  return db
    .selectFrom("success_measure as m")
    .innerJoin("decision as d", "d.id", "m.decision_id")
    .select(["m.id", "m.workspace_id", "m.decision_id"])
    .where("m.deleted_at", "is", null)
    .where("m.asked_at", "is", null)
    .where("m.due_on", "<=", today)
    .where("d.deleted_at", "is", null)
    .where("d.outcome", "=", "won")
    .execute();
}

export async function markAsked(db: Kysely<Database>, workspaceId: string, ids: string[]) {
  if (ids.length > 0)
    await db
      .updateTable("success_measure")
      .set({ asked_at: new Date() })
      .where("workspace_id", "=", workspaceId)
      .where("id", "in", ids)
      .execute();
}

/** An account's won decisions with success measures, of those the member may see. */
export function wonWithMeasuresAt(
  db: Kysely<Database>,
  workspaceId: string,
  accountId: string,
  visibility: Visibility,
) {
  const visible = ownerVisibleTo(visibility, "decision.owner_id");
  let query = db
    .selectFrom("decision")
    .select(["decision.id", "decision.title", "decision.outcome_date"])
    .where("decision.workspace_id", "=", workspaceId)
    .where("decision.account_id", "=", accountId)
    .where("decision.deleted_at", "is", null)
    .where("decision.outcome", "=", "won")
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("success_measure")
          .select("success_measure.id")
          .whereRef("success_measure.decision_id", "=", "decision.id")
          .where("success_measure.deleted_at", "is", null),
      ),
    )
    .orderBy("decision.outcome_date", "desc");
  if (visible) query = query.where(visible);
  return query.execute();
}
