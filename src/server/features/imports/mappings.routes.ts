import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams, versionQuery } from "../../../contract/common.ts";
import { createMappingBody, savedMapping, savedMappingList } from "../../../contract/imports.ts";
import { requireRole } from "../../http/auth-context.ts";
import { changeMapping, listMappings, saveMapping } from "./mappings.service.ts";

/** Saved column mappings: the next export of the same shape imports without asking again. */
export const mappingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["imports"];

  app.get("/imports/mappings", { schema: { tags, response: { 200: savedMappingList } } }, async (request) => {
    const signedIn = requireRole(request, ["admin"]);
    return { items: await listMappings(app.db, signedIn.workspaceId) };
  });

  app.post(
    "/imports/mappings",
    { schema: { tags, body: createMappingBody, response: { 201: savedMapping } } },
    async (request, reply) => {
      const signedIn = requireRole(request, ["admin"]);
      return reply.status(201).send(await saveMapping(app.db, signedIn, request.body));
    },
  );

  app.delete(
    "/imports/mappings/:id",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: savedMapping } } },
    async (request) => {
      const signedIn = requireRole(request, ["admin"]);
      return changeMapping(app.db, signedIn, request.params.id, "delete", request.query.version);
    },
  );

  app.post(
    "/imports/mappings/:id/restore",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: savedMapping } } },
    async (request) => {
      const signedIn = requireRole(request, ["admin"]);
      return changeMapping(app.db, signedIn, request.params.id, "restore", request.query.version);
    },
  );
};
