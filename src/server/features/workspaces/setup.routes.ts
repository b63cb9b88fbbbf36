import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createWorkspaceBody, enterDemoBody, me, setupStatus } from "../../../contract/auth.ts";
import { notFound } from "../../http/errors.ts";
import { meOf, startSession } from "../auth/auth.service.ts";
import { setSessionCookie } from "../auth/session-cookie.ts";
import { findDemoWorkspace, hasOwnWorkspace, listWorkspaceMembers } from "./workspaces.repo.ts";
import { createFirstWorkspace } from "./workspaces.service.ts";

/** First run: create your own workspace, or enter the demo as any of its members (while the demo is on). */
export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["setup"];
  const config = { public: true };

  app.get("/setup", { config, schema: { tags, response: { 200: setupStatus } } }, async () => {
    const demo = app.config.demo ? await findDemoWorkspace(app.db) : undefined;
    return {
      hasWorkspace: await hasOwnWorkspace(app.db),
      demo: {
        enabled: demo !== undefined,
        workspaceName: demo?.name ?? null,
        members: demo ? await listWorkspaceMembers(app.db, demo.id) : [],
      },
    };
  });

  app.post(
    "/setup",
    {
      config: { ...config, rateLimit: { max: 10, timeWindow: "1 minute" } },
      schema: { tags, body: createWorkspaceBody, response: { 201: me } },
    },
    async (request, reply) => {
      const { workspace, member } = await createFirstWorkspace(app.db, request.body);
      const session = await startSession(
        app.db,
        { id: member.id, workspaceId: workspace.id },
        app.config.sessionDays,
        new Date(),
      );
      setSessionCookie(reply, session);
      reply.status(201);
      return meOf(app.db, workspace.id, member.id);
    },
  );

  app.post(
    "/demo/enter",
    { config, schema: { tags, body: enterDemoBody, response: { 200: me } } },
    async (request, reply) => {
      const demo = app.config.demo ? await findDemoWorkspace(app.db) : undefined;
      if (!demo) throw notFound("The demo workspace");
      const member = (await listWorkspaceMembers(app.db, demo.id)).find(
        (m) => m.id === request.body.memberId,
      );
      if (!member) throw notFound("The demo member");
      const session = await startSession(
        app.db,
        { id: member.id, workspaceId: demo.id },
        app.config.sessionDays,
        new Date(),
      );
      setSessionCookie(reply, session);
      return meOf(app.db, demo.id, member.id);
    },
  );
};
