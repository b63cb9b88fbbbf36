import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { changeList, idParams, versionQuery } from "../../../contract/common.ts";
import {
  board,
  boardQuery,
  concern,
  concernBody,
  createDecisionBody,
  decision,
  decisionDetail as decisionDetailSchema,
  decisionList,
  decisionListQuery,
  involvement,
  involvementBody,
  readiness,
  updateConcernBody,
  updateDecisionBody,
  updateInvolvementBody,
} from "../../../contract/decisions.ts";
import { requireMember } from "../../http/auth-context.ts";
import { presentChange } from "../changes/changes.presenter.ts";
import {
  changeDecisionState,
  createDecision,
  decisionBoard,
  decisionDetail,
  decisionReadiness,
  history,
  listDecisions,
  updateDecision,
} from "./decisions.service.ts";
import { addConcern, addInvolvement, changeConcern, changeInvolvement } from "./parts.service.ts";

export const decisionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["decisions"];

  app.get(
    "/decisions",
    { schema: { tags, querystring: decisionListQuery, response: { 200: decisionList } } },
    async (request) => listDecisions(app.db, requireMember(request), request.query),
  );

  app.get(
    "/decisions/board",
    { schema: { tags, querystring: boardQuery, response: { 200: board } } },
    async (request) => decisionBoard(app.db, requireMember(request), request.query),
  );

  app.post(
    "/decisions",
    { schema: { tags, body: createDecisionBody, response: { 201: decisionDetailSchema } } },
    async (request, reply) => {
      const created = await createDecision(app.db, requireMember(request), request.body);
      reply.status(201);
      return created;
    },
  );

  app.get(
    "/decisions/:id",
    { schema: { tags, params: idParams, response: { 200: decisionDetailSchema } } },
    async (request) => decisionDetail(app.db, requireMember(request), request.params.id),
  );

  app.patch(
    "/decisions/:id",
    { schema: { tags, params: idParams, body: updateDecisionBody, response: { 200: decisionDetailSchema } } },
    async (request) => updateDecision(app.db, requireMember(request), request.params.id, request.body),
  );

  app.delete(
    "/decisions/:id",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: decision } } },
    async (request) =>
      changeDecisionState(app.db, requireMember(request), request.params.id, "delete", request.query.version),
  );

  app.post(
    "/decisions/:id/restore",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: decision } } },
    async (request) =>
      changeDecisionState(
        app.db,
        requireMember(request),
        request.params.id,
        "restore",
        request.query.version,
      ),
  );

  app.get(
    "/decisions/:id/readiness",
    { schema: { tags, params: idParams, response: { 200: readiness } } },
    async (request) => decisionReadiness(app.db, requireMember(request), request.params.id),
  );

  app.get(
    "/decisions/:id/history",
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: changeList },
      },
    },
    async (request) => {
      const rows = await history(app.db, requireMember(request), request.params.id, request.query.limit);
      return {
        items: rows.map(presentChange),
      };
    },
  );

  const partTags = ["decision parts"];
  app.post(
    "/decisions/:id/stakeholders",
    { schema: { tags: partTags, params: idParams, body: involvementBody, response: { 201: involvement } } },
    async (request, reply) => {
      const created = await addInvolvement(app.db, requireMember(request), request.params.id, request.body);
      reply.status(201);
      return created;
    },
  );
  app.patch(
    "/involvements/:id",
    {
      schema: {
        tags: partTags,
        params: idParams,
        body: updateInvolvementBody,
        response: { 200: involvement },
      },
    },
    async (request) =>
      changeInvolvement(app.db, requireMember(request), request.params.id, {
        action: "update",
        body: request.body,
      }),
  );
  app.delete(
    "/involvements/:id",
    {
      schema: { tags: partTags, params: idParams, querystring: versionQuery, response: { 200: involvement } },
    },
    async (request) =>
      changeInvolvement(app.db, requireMember(request), request.params.id, {
        action: "delete",
        version: request.query.version,
      }),
  );
  app.post(
    "/involvements/:id/restore",
    {
      schema: { tags: partTags, params: idParams, querystring: versionQuery, response: { 200: involvement } },
    },
    async (request) =>
      changeInvolvement(app.db, requireMember(request), request.params.id, {
        action: "restore",
        version: request.query.version,
      }),
  );

  app.post(
    "/decisions/:id/concerns",
    { schema: { tags: partTags, params: idParams, body: concernBody, response: { 201: concern } } },
    async (request, reply) => {
      const created = await addConcern(app.db, requireMember(request), request.params.id, request.body);
      reply.status(201);
      return created;
    },
  );
  app.patch(
    "/concerns/:id",
    { schema: { tags: partTags, params: idParams, body: updateConcernBody, response: { 200: concern } } },
    async (request) =>
      changeConcern(app.db, requireMember(request), request.params.id, {
        action: "update",
        body: request.body,
      }),
  );
  app.delete(
    "/concerns/:id",
    { schema: { tags: partTags, params: idParams, querystring: versionQuery, response: { 200: concern } } },
    async (request) =>
      changeConcern(app.db, requireMember(request), request.params.id, {
        action: "delete",
        version: request.query.version,
      }),
  );
  app.post(
    "/concerns/:id/restore",
    { schema: { tags: partTags, params: idParams, querystring: versionQuery, response: { 200: concern } } },
    async (request) =>
      changeConcern(app.db, requireMember(request), request.params.id, {
        action: "restore",
        version: request.query.version,
      }),
  );
};
