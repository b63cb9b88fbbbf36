import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams, ok, versionQuery } from "../../../contract/common.ts";
import {
  applyTemplateBody,
  createStepBody,
  plan,
  planStep,
  planTemplate,
  planTemplateList,
  reorderBody,
  stepCommentBody,
  templateBody,
  updateStepBody,
  updateTemplateBody,
} from "../../../contract/plan.ts";
import { requireMember, requireRole } from "../../http/auth-context.ts";
import { requireVisibleDecision } from "../decisions/access.service.ts";
import { presentTemplate } from "./plan.presenter.ts";
import {
  addStep,
  applyTemplate,
  changeStep,
  commentOnStep,
  listTemplates,
  planOf,
  reorderSteps,
  saveTemplate,
} from "./plan.service.ts";

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["plan"];

  app.get(
    "/decisions/:id/plan",
    { schema: { tags, params: idParams, response: { 200: plan } } },
    async (request) => {
      const actor = requireMember(request);
      const decision = await requireVisibleDecision(app.db, actor, request.params.id);
      return planOf(app.db, actor.workspaceId, decision.id, decision.target_date);
    },
  );

  app.post(
    "/decisions/:id/plan/steps",
    { schema: { tags, params: idParams, body: createStepBody, response: { 201: planStep } } },
    async (request, reply) => {
      const created = await addStep(app.db, requireMember(request), request.params.id, request.body);
      reply.status(201);
      return created;
    },
  );

  app.put(
    "/decisions/:id/plan/order",
    { schema: { tags, params: idParams, body: reorderBody, response: { 200: ok } } },
    async (request) => {
      await reorderSteps(app.db, requireMember(request), request.params.id, request.body.stepIds);
      return { ok: true as const };
    },
  );

  app.post(
    "/decisions/:id/plan/apply-template",
    { schema: { tags, params: idParams, body: applyTemplateBody, response: { 200: plan } } },
    async (request) => {
      const actor = requireMember(request);
      await applyTemplate(
        app.db,
        actor,
        request.params.id,
        request.body.templateId,
        request.body.startDate ?? new Date().toISOString().slice(0, 10),
      );
      const decision = await requireVisibleDecision(app.db, actor, request.params.id);
      return planOf(app.db, actor.workspaceId, decision.id, decision.target_date);
    },
  );

  app.patch(
    "/plan-steps/:id",
    { schema: { tags, params: idParams, body: updateStepBody, response: { 200: planStep } } },
    async (request) =>
      changeStep(app.db, requireMember(request), request.params.id, { action: "update", body: request.body }),
  );

  app.delete(
    "/plan-steps/:id",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: planStep } } },
    async (request) =>
      changeStep(app.db, requireMember(request), request.params.id, {
        action: "delete",
        version: request.query.version,
      }),
  );

  app.post(
    "/plan-steps/:id/comments",
    { schema: { tags, params: idParams, body: stepCommentBody, response: { 201: ok } } },
    async (request, reply) => {
      await commentOnStep(app.db, requireMember(request), request.params.id, request.body.body);
      reply.status(201);
      return { ok: true as const };
    },
  );

  app.get("/plan-templates", { schema: { tags, response: { 200: planTemplateList } } }, async (request) => ({
    items: (await listTemplates(app.db, requireMember(request))).map(presentTemplate),
  }));

  app.post(
    "/plan-templates",
    { schema: { tags, body: templateBody, response: { 201: planTemplate } } },
    async (request, reply) => {
      const saved = await saveTemplate(
        app.db,
        requireRole(request, ["manager", "admin"]),
        null,
        request.body,
      );
      reply.status(201);
      return presentTemplate(saved);
    },
  );

  app.patch(
    "/plan-templates/:id",
    { schema: { tags, params: idParams, body: updateTemplateBody, response: { 200: planTemplate } } },
    async (request) =>
      presentTemplate(
        await saveTemplate(
          app.db,
          requireRole(request, ["manager", "admin"]),
          request.params.id,
          request.body,
        ),
      ),
  );
};
