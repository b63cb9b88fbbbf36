import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, ok } from "../../../contract/common.ts";
import {
  activityList,
  activityQuery,
  consensus,
  correction,
  createdShareLink,
  resolveCorrectionBody,
  shareLinkBody,
  shareLinkList,
} from "../../../contract/room.ts";
import { requireMember } from "../../http/auth-context.ts";
import { resolveCorrection } from "./corrections.service.ts";
import {
  buyerActivity,
  createShareLink,
  decisionConsensus,
  listCorrections,
  listShareLinks,
  revokeShareLink,
  shareableDecision,
} from "./share-links.service.ts";

/** The seller's side of the buyer room: links, what buyers said (check-ins, corrections), and their activity. */
export const shareLinksRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["buyer room"];

  app.post(
    "/decisions/:id/share-links",
    { schema: { tags, params: idParams, body: shareLinkBody, response: { 201: createdShareLink } } },
    async (request, reply) => {
      const actor = requireMember(request);
      const link = await createShareLink(
        app.db,
        actor,
        request.params.id,
        request.body,
        app.config.publicUrl,
      );
      return reply.status(201).send(link);
    },
  );

  app.get(
    "/decisions/:id/share-links",
    { schema: { tags, params: idParams, response: { 200: shareLinkList } } },
    async (request) => ({ items: await listShareLinks(app.db, requireMember(request), request.params.id) }),
  );

  app.delete(
    "/share-links/:id",
    { schema: { tags, params: idParams, response: { 200: ok } } },
    async (request) => {
      await revokeShareLink(app.db, requireMember(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    "/decisions/:id/consensus",
    { schema: { tags, params: idParams, response: { 200: consensus } } },
    async (request) => decisionConsensus(app.db, requireMember(request), request.params.id),
  );

  app.get(
    "/decisions/:id/corrections",
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(correction) }) } } },
    async (request) => ({ items: await listCorrections(app.db, requireMember(request), request.params.id) }),
  );

  app.patch(
    "/corrections/:id",
    { schema: { tags, params: idParams, body: resolveCorrectionBody, response: { 200: ok } } },
    async (request) => {
      const actor = requireMember(request);
      await resolveCorrection(app.db, actor, request.params.id, request.body, (trx, decisionId) =>
        shareableDecision(trx, actor, decisionId),
      );
      return { ok: true as const };
    },
  );

  app.get(
    "/activity",
    { schema: { tags, querystring: activityQuery, response: { 200: activityList } } },
    async (request) => ({ items: await buyerActivity(app.db, requireMember(request), request.query) }),
  );
};
