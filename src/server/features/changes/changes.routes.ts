import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { changeList, changeQuery } from "../../../contract/common.ts";
import { requireRole } from "../../http/auth-context.ts";
import { presentChange } from "./changes.presenter.ts";
import { listChanges } from "./changes.repo.ts";

export const changesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/changes",
    { schema: { tags: ["history"], querystring: changeQuery, response: { 200: changeList } } },
    async (request) => {
      const actor = requireRole(request, ["manager", "admin"]);
      const rows = await listChanges(app.db, actor.workspaceId, actor, request.query);
      return {
        items: rows.map(presentChange),
      };
    },
  );
};
