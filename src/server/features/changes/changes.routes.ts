import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { changeList, changeQuery } from "../../../contract/common.ts";
import { requireRole } from "../../http/auth-context.ts";
import { listChanges } from "./changes.repo.ts";

export const changesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/changes",
    { schema: { tags: ["history"], querystring: changeQuery, response: { 200: changeList } } },
    async (request) => {
      const actor = requireRole(request, ["manager", "admin"]);
      const rows = await listChanges(app.db, actor.workspaceId, request.query);
      return {
        items: rows.map((row) => ({
          id: row.id,
          entity: row.entity,
          entityId: row.entity_id,
          action: row.action,
          memberId: row.member_id,
          memberName: row.member_name,
          via: row.via,
          before: row.before,
          after: row.after,
          at: row.at.toISOString(),
        })),
      };
    },
  );
};
