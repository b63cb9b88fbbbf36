import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

/** The questions a workspace reworded; the shipped ones stand for the rest. */
export function questionsOf(db: Kysely<Database>, workspaceId: string) {
  return db.selectFrom("question").selectAll().where("workspace_id", "=", workspaceId).execute();
}

export function findQuestion(db: Kysely<Database>, workspaceId: string, key: string) {
  return db
    .selectFrom("question")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("gap_key", "=", key)
    .executeTakeFirst();
}

export function insertQuestion(db: Kysely<Database>, workspaceId: string, key: string, text: string) {
  return db
    .insertInto("question")
    .values({ id: randomUUID(), workspace_id: workspaceId, gap_key: key, text })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Drops a workspace's wording of a question (the shipped one stands again); the dropped row, if any. */
export function dropQuestion(db: Kysely<Database>, workspaceId: string, key: string) {
  return db
    .deleteFrom("question")
    .where("workspace_id", "=", workspaceId)
    .where("gap_key", "=", key)
    .returningAll()
    .executeTakeFirst();
}
