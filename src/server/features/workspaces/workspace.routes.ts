import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { updateWorkspaceBody, workspace } from "../../../contract/workspaces.ts";
import { requireMember, requireRole } from "../../http/auth-context.ts";
import { changeWorkspace, workspaceView } from "./workspaces.service.ts";

/** The signed-in member's workspace and its policies; admins change them. */
export const workspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["workspace"];

  app.get("/workspace", { schema: { tags, response: { 200: workspace } } }, async (request) =>
    workspaceView(app.db, requireMember(request).workspaceId),
  );

  app.patch(
    "/workspace",
    { schema: { tags, body: updateWorkspaceBody, response: { 200: workspace } } },
    async (request) => changeWorkspace(app.db, requireRole(request, ["admin"]), request.body),
  );
};
