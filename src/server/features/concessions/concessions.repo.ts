import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

const concessions = (db: Kysely<Database>, workspaceId: string) =>
  db
    .selectFrom("concession")
    .innerJoin("member as requester", "requester.id", "concession.requested_by")
    .leftJoin("member as decider", "decider.id", "concession.decided_by")
    .selectAll("concession")
    .select(["requester.name as requested_by_name", "decider.name as decided_by_name"])
    .where("concession.workspace_id", "=", workspaceId);

export type ConcessionRow = Awaited<ReturnType<typeof findConcession>> & object;

export function findConcession(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  includeDeleted = false,
) {
  let query = concessions(db, workspaceId).where("concession.id", "=", id);
  if (!includeDeleted) query = query.where("concession.deleted_at", "is", null);
  return query.executeTakeFirst();
}

export function concessionsOf(db: Kysely<Database>, workspaceId: string, decisionId: string) {
  return concessions(db, workspaceId)
    .where("concession.decision_id", "=", decisionId)
    .where("concession.deleted_at", "is", null)
    .orderBy("concession.created_at")
    .execute();
}

export async function insertConcession(db: Kysely<Database>, row: Record<string, unknown>) {
  await db
    .insertInto("concession")
    .values(row as never)
    .execute();
}
