import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  roomCheckInBody,
  roomCommentBody,
  roomConcernBody,
  roomOk,
  roomParams,
  roomProblemBody,
  roomStepBody,
  roomStepParams,
  roomView,
} from "../../../contract/room.ts";
import { roomSuccessBody } from "../../../contract/success.ts";
import { AppError } from "../../http/errors.ts";
import { SharedCounter } from "../../http/window-counter.ts";
import {
  activeLink,
  roomView as buildRoomView,
  checkIn,
  commentOnStep,
  correctProblem,
  hashSecret,
  linkNotValid,
  raiseConcern,
  recordUse,
  reportSuccess,
  tickStep,
} from "./room.service.ts";

/**
 * The buyer room's API: reachable with the link's secret alone, and only for what a buyer may do on that
 * one decision. Guessing is slowed per client address and per link.
 */
export const roomRoutes: FastifyPluginAsyncZod = async (app) => {
  // Counted across servers, sent once a second: opening the room writes nothing more per request.
  const counting = { flushMs: 1000 };
  const perAddress = new SharedCounter(
    app.db,
    "room-address",
    app.config.roomRateLimit,
    60_000,
    counting,
    app.log,
  );
  const perLink = new SharedCounter(
    app.db,
    "room-link",
    Math.ceil(app.config.roomRateLimit * 2.5),
    60_000,
    counting,
    app.log,
  );
  app.addHook("onClose", async () => {
    await Promise.all([perAddress.stop(), perLink.stop()]);
  });
  const config = { public: true };
  const tags = ["buyer room"];

  async function allow(request: FastifyRequest, tokenHash: string) {
    if (!(await perAddress.allow(request.ip)) || !(await perLink.allow(tokenHash))) {
      throw new AppError(
        429,
        "rate_limited",
        "Too many requests for this room. Wait a minute and try again.",
      );
    }
  }

  /** The link, read afresh: what a buyer changes is checked against the link as it is now. */
  async function link(request: FastifyRequest, token: string) {
    await allow(request, hashSecret(token));
    const found = await activeLink(app.db, token);
    if (!found) throw linkNotValid();
    await recordUse(app.db, found, request.ip);
    return found;
  }

  app.get(
    "/room/:token",
    { config, schema: { tags, params: roomParams, response: { 200: roomView } } },
    async (request, reply) => {
      const { token } = request.params;
      const tokenHash = hashSecret(token);
      await allow(request, tokenHash);
      // Opened far more often than anything in it changes: kept, and dropped on any change (kept-answers.ts).
      // Kept as the JSON sent, made once by the route's own serializer (the response schema's allow-list).
      const room = await app.kept.rooms.get(tokenHash, async () => {
        const found = await activeLink(app.db, token);
        if (!found) return null;
        const body = reply.serialize(await buildRoomView(app.db, found)) as string;
        return { value: { link: found, body }, expiresAt: found.expires_at };
      });
      if (!room) throw linkNotValid();
      await recordUse(app.db, room.link, request.ip);
      // A JSON string is sent as it is, not serialized again (the typed reply only takes the view itself).
      return (reply as FastifyReply).type("application/json; charset=utf-8").send(room.body);
    },
  );

  app.post(
    "/room/:token/steps/:stepId/status",
    { config, schema: { tags, params: roomStepParams, body: roomStepBody, response: { 200: roomOk } } },
    async (request) => {
      const found = await link(request, request.params.token);
      await tickStep(
        app.db,
        found,
        request.ip,
        request.params.stepId,
        request.body.status,
        request.body.name,
      );
      return { ok: true as const };
    },
  );

  app.post(
    "/room/:token/steps/:stepId/comments",
    { config, schema: { tags, params: roomStepParams, body: roomCommentBody, response: { 201: roomOk } } },
    async (request, reply) => {
      const found = await link(request, request.params.token);
      await commentOnStep(app.db, found, request.ip, request.params.stepId, request.body);
      reply.status(201);
      return { ok: true as const };
    },
  );

  app.post(
    "/room/:token/concerns",
    { config, schema: { tags, params: roomParams, body: roomConcernBody, response: { 201: roomOk } } },
    async (request, reply) => {
      const found = await link(request, request.params.token);
      await raiseConcern(app.db, found, request.ip, request.body);
      reply.status(201);
      return { ok: true as const };
    },
  );

  app.post(
    "/room/:token/problem",
    { config, schema: { tags, params: roomParams, body: roomProblemBody, response: { 201: roomOk } } },
    async (request, reply) => {
      const found = await link(request, request.params.token);
      await correctProblem(app.db, found, request.ip, request.body);
      reply.status(201);
      return { ok: true as const };
    },
  );

  app.post(
    "/room/:token/check-ins",
    { config, schema: { tags, params: roomParams, body: roomCheckInBody, response: { 201: roomOk } } },
    async (request, reply) => {
      const found = await link(request, request.params.token);
      await checkIn(app.db, found, request.ip, request.body);
      reply.status(201);
      return { ok: true as const };
    },
  );

  app.post(
    "/room/:token/success-reports",
    { config, schema: { tags, params: roomParams, body: roomSuccessBody, response: { 201: roomOk } } },
    async (request, reply) => {
      const found = await link(request, request.params.token);
      await reportSuccess(app.db, found, request.ip, request.body);
      reply.status(201);
      return { ok: true as const };
    },
  );
};
