import { randomUUID } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ok } from "../../../contract/common.ts";
import {
  putQuestionBody,
  questionEntry,
  questionKeyParams,
  questionList,
} from "../../../contract/decisions.ts";
import { DEFAULT_QUESTIONS, GAP_KEYS, type GapKey } from "../../../domain/readiness/questions.ts";
import { recordChange } from "../../db/change-log.ts";
import { requireMember, requireRole } from "../../http/auth-context.ts";
import { staleVersion } from "../../http/errors.ts";

/** The workspace's question library: the shipped questions, reworded where the workspace chose to. */
export const questionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["questions"];
  const load = (workspaceId: string) =>
    app.db.selectFrom("question").selectAll().where("workspace_id", "=", workspaceId).execute();
  const entry = (key: GapKey, row?: { text: string; version: number }) => ({
    key,
    text: row?.text ?? DEFAULT_QUESTIONS[key],
    defaultText: DEFAULT_QUESTIONS[key],
    customized: Boolean(row),
    version: row?.version ?? null,
  });

  app.get("/questions", { schema: { tags, response: { 200: questionList } } }, async (request) => {
    const rows = await load(requireMember(request).workspaceId);
    return {
      items: GAP_KEYS.map((key) =>
        entry(
          key,
          rows.find((row) => row.gap_key === key),
        ),
      ),
    };
  });

  app.put(
    "/questions/:key",
    { schema: { tags, params: questionKeyParams, body: putQuestionBody, response: { 200: questionEntry } } },
    async (request) => {
      const actor = requireRole(request, ["manager", "admin"]);
      const key = request.params.key as GapKey;
      const row = await app.db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom("question")
          .selectAll()
          .where("workspace_id", "=", actor.workspaceId)
          .where("gap_key", "=", key)
          .executeTakeFirst();
        if (before && request.body.version !== before.version) throw staleVersion(entry(key, before));
        const saved = before
          ? await trx
              .updateTable("question")
              .set({ text: request.body.text, version: before.version + 1, updated_at: new Date() })
              .where("id", "=", before.id)
              .returningAll()
              .executeTakeFirstOrThrow()
          : await trx
              .insertInto("question")
              .values({
                id: randomUUID(),
                workspace_id: actor.workspaceId,
                gap_key: key,
                text: request.body.text,
              })
              .returningAll()
              .executeTakeFirstOrThrow();
        await recordChange(trx, actor, {
          entity: "question",
          entityId: saved.id,
          action: before ? "update" : "create",
          before: before ? entry(key, before) : undefined,
          after: entry(key, saved),
        });
        return saved;
      });
      return entry(key, row);
    },
  );

  app.delete(
    "/questions/:key",
    { schema: { tags, params: questionKeyParams, response: { 200: ok } } },
    async (request) => {
      const actor = requireRole(request, ["manager", "admin"]);
      await app.db.transaction().execute(async (trx) => {
        const before = await trx
          .deleteFrom("question")
          .where("workspace_id", "=", actor.workspaceId)
          .where("gap_key", "=", request.params.key)
          .returningAll()
          .executeTakeFirst();
        if (before) {
          await recordChange(trx, actor, {
            entity: "question",
            entityId: before.id,
            action: "delete",
            before: entry(request.params.key as GapKey, before),
          });
        }
      });
      return { ok: true as const };
    },
  );
};
