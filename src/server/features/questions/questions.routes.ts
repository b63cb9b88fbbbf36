import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ok } from "../../../contract/common.ts";
import {
  putQuestionBody,
  questionEntry,
  questionKeyParams,
  questionList,
} from "../../../contract/questions.ts";
import type { GapKey } from "../../../domain/readiness/questions.ts";
import { requireMember, requireRole } from "../../http/auth-context.ts";
import { listQuestions, putQuestion, resetQuestion } from "./questions.service.ts";

/** The workspace's question library: the shipped questions, reworded where the workspace chose to. */
export const questionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["questions"];

  app.get("/questions", { schema: { tags, response: { 200: questionList } } }, async (request) => ({
    items: await listQuestions(app.db, requireMember(request).workspaceId),
  }));

  app.put(
    "/questions/:key",
    { schema: { tags, params: questionKeyParams, body: putQuestionBody, response: { 200: questionEntry } } },
    async (request) =>
      putQuestion(
        app.db,
        requireRole(request, ["manager", "admin"]),
        request.params.key as GapKey,
        request.body,
      ),
  );

  app.delete(
    "/questions/:key",
    { schema: { tags, params: questionKeyParams, response: { 200: ok } } },
    async (request) => {
      await resetQuestion(app.db, requireRole(request, ["manager", "admin"]), request.params.key as GapKey);
      return { ok: true as const };
    },
  );
};
