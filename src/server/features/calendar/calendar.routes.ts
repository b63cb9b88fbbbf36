import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { calendarFeed, createdFeed, feedFileParams, feedList } from "../../../contract/calendar.ts";
import { idParams } from "../../../contract/common.ts";
import { requireMember } from "../../http/auth-context.ts";
import { createFeed, feedFile, listFeeds, revoke } from "./calendar.service.ts";

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["calendar"];

  app.get("/calendar-feeds", { schema: { tags, response: { 200: feedList } } }, async (request) =>
    listFeeds(app.db, requireMember(request)),
  );

  app.post(
    "/decisions/:id/calendar-feed",
    { schema: { tags, params: idParams, response: { 201: createdFeed } } },
    async (request, reply) => {
      reply.status(201);
      return createFeed(app.db, requireMember(request), request.params.id, app.config.publicUrl);
    },
  );

  app.post(
    "/me/calendar-feed",
    { schema: { tags, response: { 201: createdFeed } } },
    async (request, reply) => {
      reply.status(201);
      return createFeed(app.db, requireMember(request), null, app.config.publicUrl);
    },
  );

  app.delete(
    "/calendar-feeds/:id",
    { schema: { tags, params: idParams, response: { 200: calendarFeed } } },
    async (request) => revoke(app.db, requireMember(request), request.params.id),
  );

  // Calendars fetch this without signing in: the secret in the address is the key.
  app.get(
    "/calendar/:file",
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: "1 minute" } },
      // An iCalendar file, not JSON: sent as text, past the JSON serializer.
      schema: { tags, params: feedFileParams },
    },
    async (request, reply) => {
      const ics = await feedFile(app.db, request.params.file, app.config.publicUrl);
      reply.header("content-type", "text/calendar; charset=utf-8");
      return ics;
    },
  );
};
