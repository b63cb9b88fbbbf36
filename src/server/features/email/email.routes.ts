import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams } from "../../../contract/common.ts";
import {
  emailStatus,
  roomMailBody,
  roomMailQueued,
  unsubscribeParams,
  unsubscribeView,
  weeklyQueued,
} from "../../../contract/email.ts";
import { requireMember, requireRole } from "../../http/auth-context.ts";
import { queueWeeklyMails, requestRoomMail, unsubscribe, unsubscribeLink } from "./email.service.ts";

export const emailRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["email"];

  app.get("/email", { schema: { tags, response: { 200: emailStatus } } }, async (request) => {
    requireMember(request);
    return app.mailer.status();
  });

  app.post(
    "/decisions/:id/room-mail",
    {
      config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
      schema: { tags, params: idParams, body: roomMailBody, response: { 202: roomMailQueued } },
    },
    async (request, reply) => {
      const queued = await requestRoomMail(
        app.db,
        app.jobs,
        app.mailer,
        requireMember(request),
        request.params.id,
        request.body,
        app.config.publicUrl,
      );
      reply.status(202);
      return queued;
    },
  );

  app.post("/email/weekly", { schema: { tags, response: { 202: weeklyQueued } } }, async (request, reply) => {
    const admin = requireRole(request, ["admin"]);
    reply.status(202);
    return { queued: await queueWeeklyMails(app.db, app.jobs, admin.workspaceId) };
  });

  // Unsubscribing works without signing in, from the link in any mail; mail apps post here in one click
  // (RFC 8058), with a form body that says nothing more than the link does.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string" },
    (_request, _body, done) => done(null, {}),
  );
  const open = { public: true, rateLimit: { max: 30, timeWindow: "1 minute" } };
  app.get(
    "/unsubscribe/:token",
    { config: open, schema: { tags, params: unsubscribeParams, response: { 200: unsubscribeView } } },
    async (request) => unsubscribeLink(app.db, request.params.token),
  );
  app.post(
    "/unsubscribe/:token",
    {
      config: { ...open, bodyTypes: ["application/x-www-form-urlencoded"] },
      schema: { tags, params: unsubscribeParams, response: { 200: unsubscribeView } },
    },
    async (request) => unsubscribe(app.db, request.params.token),
  );
};
