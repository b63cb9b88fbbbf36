import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { changeList, changeQuery } from "../../../contract/common.ts";
import { requireRole } from "../../http/auth-context.ts";
import { presentChange } from "./changes.presenter.ts";
import { changesFor } from "./changes.service.ts";

export const changesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/changes",
    { schema: { tags: ["history"], querystring: changeQuery, response: { 200: changeList } } },
    async (request) => {
      const actor = requireRole(request, ["manager", "admin"]);
      const rows = await changesFor(app.db, actor, request.query);
      return {
        items: rows.map(presentChange),
      };
    },
  );
};
