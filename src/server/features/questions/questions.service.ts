import type { Kysely } from "kysely";
import { GAP_KEYS, type GapKey, type QuestionLibrary } from "../../../domain/readiness/questions.ts";
import { type Actor, recordChange, recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import { presentQuestion } from "./questions.presenter.ts";
import { dropQuestion, findQuestion, insertQuestion, questionsOf } from "./questions.repo.ts";

/** The workspace's wording of each question readiness asks, where it chose its own. */
export async function questionLibrary(db: Kysely<Database>, workspaceId: string): Promise<QuestionLibrary> {
  const rows = await questionsOf(db, workspaceId);
  return Object.fromEntries(rows.map((row) => [row.gap_key, row.text]));
}

export async function listQuestions(db: Kysely<Database>, workspaceId: string) {
  const rows = await questionsOf(db, workspaceId);
  return GAP_KEYS.map((key) =>
    presentQuestion(
      key,
      rows.find((row) => row.gap_key === key),
    ),
  );
}

/** Rewords one question; the first wording needs no version, a later one the version it replaces. */
export async function putQuestion(
  db: Kysely<Database>,
  actor: Actor,
  key: GapKey,
  body: { text: string; version?: number | undefined },
) {
  const saved = await db.transaction().execute(async (trx) => {
    const before = await findQuestion(trx, actor.workspaceId, key);
    if (before) {
      const { after } = await applyChange(trx, actor, {
        entity: "question",
        table: "question",
        id: before.id,
        // A first wording of the shipped question carries no version; rewording the workspace's needs one.
        version: body.version ?? 0,
        action: "update",
        patch: { text: body.text },
        load: () => findQuestion(trx, actor.workspaceId, key),
        present: (row) => presentQuestion(key, row),
        what: "The question",
      });
      return after;
    }
    const saved = await insertQuestion(trx, actor.workspaceId, key, body.text);
    await recordCreate(trx, actor, "question", saved.id, presentQuestion(key, saved));
    return saved;
  });
  return presentQuestion(key, saved);
}

/** Back to the shipped wording; the workspace's wording stays in the history. */
export async function resetQuestion(db: Kysely<Database>, actor: Actor, key: GapKey) {
  await db.transaction().execute(async (trx) => {
    const before = await dropQuestion(trx, actor.workspaceId, key);
    if (before)
      await recordChange(trx, actor, {
        entity: "question",
        entityId: before.id,
        action: "delete",
        before: presentQuestion(key, before),
      });
  });
}
