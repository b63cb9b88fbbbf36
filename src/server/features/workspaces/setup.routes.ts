import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createWorkspaceBody, enterDemoBody, me, setupStatus } from "../../../contract/auth.ts";
import { meOf, startSession } from "../auth/auth.service.ts";
import { setSessionCookie } from "../auth/session-cookie.ts";
import { createOwnWorkspace, demoMember, setupStatusOf } from "./workspaces.service.ts";

/** First run (or open sign-up): create your own workspace, or enter the demo as any of its members (while the demo is on). */
export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["setup"];
  const config = { public: true };

  app.get("/setup", { config, schema: { tags, response: { 200: setupStatus } } }, async () => {
    return setupStatusOf(app.db, app.config.demo, app.config.openSignup);
  });

  app.post(
    "/setup",
    {
      config: { ...config, rateLimit: { max: 10, timeWindow: "1 minute" } },
      schema: { tags, body: createWorkspaceBody, response: { 201: me } },
    },
    async (request, reply) => {
      const { workspace, member } = await createOwnWorkspace(app.db, request.body, app.config.openSignup);
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
      const { demo, member } = await demoMember(app.db, app.config.demo, request.body.memberId);
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
