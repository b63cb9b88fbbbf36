import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import { updateWorkspaceBody, workspace } from "../../../contract/reviews.ts";
import { recordChange } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { requireMember, requireRole } from "../../http/auth-context.ts";
import { notFound, staleVersion } from "../../http/errors.ts";

const DEFAULTS = { commitGuard: true };

/** The signed-in member's workspace and its policies; admins change them. */
export const workspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["workspace"];
  const load = async (id: string, db: Kysely<Database> = app.db) => {
    const row = await db.selectFrom("workspace").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw notFound("The workspace");
    return {
      id: row.id,
      name: row.name,
      isDemo: row.is_demo,
      settings: { ...DEFAULTS, ...(row.settings as object) },
      version: row.version,
    };
  };

  app.get("/workspace", { schema: { tags, response: { 200: workspace } } }, async (request) =>
    load(requireMember(request).workspaceId),
  );

  app.patch(
    "/workspace",
    { schema: { tags, body: updateWorkspaceBody, response: { 200: workspace } } },
    async (request) => {
      const admin = requireRole(request, ["admin"]);
      await app.db.transaction().execute(async (trx) => {
        const before = await load(admin.workspaceId, trx);
        const settings = { ...before.settings, ...request.body.settings };
        const updated = await trx
          .updateTable("workspace")
          .set({
            settings: JSON.stringify(settings),
            ...(request.body.name ? { name: request.body.name } : {}),
            version: request.body.version + 1,
            updated_at: new Date(),
          })
          .where("id", "=", admin.workspaceId)
          .where("version", "=", request.body.version)
          .returning("id")
          .executeTakeFirst();
        if (!updated) throw staleVersion(before);
        await recordChange(trx, admin, {
          entity: "workspace",
          entityId: admin.workspaceId,
          action: "update",
          before,
          after: { ...before, name: request.body.name ?? before.name, settings },
        });
      });
      return load(admin.workspaceId);
    },
  );
};
