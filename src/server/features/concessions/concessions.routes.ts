import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams, versionQuery } from "../../../contract/common.ts";
import {
  concession,
  concessionBody,
  concessionList,
  decideConcessionBody,
} from "../../../contract/concessions.ts";
import { requireMember } from "../../http/auth-context.ts";
import {
  decideConcession,
  listConcessions,
  removeConcession,
  requestConcession,
} from "./concessions.service.ts";

/** Concessions on a decision: asked for by its owner, approved or declined as the workspace's policy says. */
export const concessionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["concessions"];

  app.get(
    "/decisions/:id/concessions",
    { schema: { tags, params: idParams, response: { 200: concessionList } } },
    async (request) => ({ items: await listConcessions(app.db, requireMember(request), request.params.id) }),
  );

  app.post(
    "/decisions/:id/concessions",
    { schema: { tags, params: idParams, body: concessionBody, response: { 201: concession } } },
    async (request, reply) => {
      reply.status(201);
      return requestConcession(app.db, requireMember(request), request.params.id, request.body);
    },
  );

  app.patch(
    "/concessions/:id",
    {
      schema: {
        tags,
        summary: "Approve or decline a requested concession",
        params: idParams,
        body: decideConcessionBody,
        response: { 200: concession },
      },
    },
    async (request) => decideConcession(app.db, requireMember(request), request.params.id, request.body),
  );

  app.delete(
    "/concessions/:id",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: concession } } },
    async (request) =>
      removeConcession(app.db, requireMember(request), request.params.id, request.query.version, "delete"),
  );

  app.post(
    "/concessions/:id/restore",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: concession } } },
    async (request) =>
      removeConcession(app.db, requireMember(request), request.params.id, request.query.version, "restore"),
  );
};
