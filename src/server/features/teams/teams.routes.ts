import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams, versionQuery } from "../../../contract/common.ts";
import { createTeamBody, team, teamList, updateTeamBody } from "../../../contract/teams.ts";
import { requireMember, requireRole } from "../../http/auth-context.ts";
import { presentTeam } from "./teams.presenter.ts";
import { changeTeam, createTeam, teamOf, teamsOf } from "./teams.service.ts";

export const teamsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["teams"];

  app.get("/teams", { schema: { tags, response: { 200: teamList } } }, async (request) => {
    const signedIn = requireMember(request);
    return { items: (await teamsOf(app.db, signedIn.workspaceId)).map(presentTeam) };
  });

  app.get("/teams/:id", { schema: { tags, params: idParams, response: { 200: team } } }, async (request) => {
    const signedIn = requireMember(request);
    return presentTeam(await teamOf(app.db, signedIn.workspaceId, request.params.id));
  });

  app.post(
    "/teams",
    { schema: { tags, body: createTeamBody, response: { 201: team } } },
    async (request, reply) => {
      const admin = requireRole(request, ["admin"]);
      reply.status(201);
      return createTeam(app.db, admin, request.body);
    },
  );

  app.patch(
    "/teams/:id",
    { schema: { tags, params: idParams, body: updateTeamBody, response: { 200: team } } },
    async (request) => {
      const admin = requireRole(request, ["admin"]);
      return changeTeam(app.db, admin, request.params.id, { kind: "update", ...request.body });
    },
  );

  app.delete(
    "/teams/:id",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: team } } },
    async (request) => {
      const admin = requireRole(request, ["admin"]);
      return changeTeam(app.db, admin, request.params.id, { kind: "delete", version: request.query.version });
    },
  );

  app.post(
    "/teams/:id/restore",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: team } } },
    async (request) => {
      const admin = requireRole(request, ["admin"]);
      return changeTeam(app.db, admin, request.params.id, {
        kind: "restore",
        version: request.query.version,
      });
    },
  );
};
