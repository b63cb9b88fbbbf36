import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams, versionQuery } from "../../../contract/common.ts";
import {
  conversation,
  conversationList,
  conversationTrends as conversationTrendsShape,
  createConversationBody,
  resolveProposalBody,
  trendQuery,
  updateConversationBody,
} from "../../../contract/conversations.ts";
import { requireMember } from "../../http/auth-context.ts";
import {
  addConversation,
  changeConversation,
  conversationTrends,
  conversationView,
  listConversations,
  resolveProposal,
} from "./conversations.service.ts";

export const conversationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["conversations"];

  app.get(
    "/conversations/trends",
    {
      schema: {
        tags,
        summary: "How each seller's last conversations went, beside the ones before",
        querystring: trendQuery,
        response: { 200: conversationTrendsShape },
      },
    },
    async (request) => conversationTrends(app.db, requireMember(request), request.query),
  );

  app.get(
    "/decisions/:id/conversations",
    { schema: { tags, params: idParams, response: { 200: conversationList } } },
    async (request) => ({
      items: await listConversations(app.db, requireMember(request), request.params.id),
    }),
  );

  app.post(
    "/decisions/:id/conversations",
    {
      // A transcript is text of up to 5 MB; the JSON around it a little more.
      bodyLimit: 6 * 1024 * 1024,
      schema: { tags, params: idParams, body: createConversationBody, response: { 201: conversation } },
    },
    async (request, reply) => {
      reply.status(201);
      return addConversation(app.db, requireMember(request), request.params.id, request.body);
    },
  );

  app.get(
    "/conversations/:id",
    { schema: { tags, params: idParams, response: { 200: conversation } } },
    async (request) => conversationView(app.db, requireMember(request), request.params.id),
  );

  app.patch(
    "/conversations/:id",
    { schema: { tags, params: idParams, body: updateConversationBody, response: { 200: conversation } } },
    async (request) =>
      changeConversation(app.db, requireMember(request), request.params.id, {
        action: "update",
        body: request.body,
      }),
  );

  app.delete(
    "/conversations/:id",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: conversation } } },
    async (request) =>
      changeConversation(app.db, requireMember(request), request.params.id, {
        action: "delete",
        version: request.query.version,
      }),
  );

  app.post(
    "/conversations/:id/restore",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: conversation } } },
    async (request) =>
      changeConversation(app.db, requireMember(request), request.params.id, {
        action: "restore",
        version: request.query.version,
      }),
  );

  app.patch(
    "/conversation-proposals/:id",
    {
      schema: {
        tags,
        summary:
          "Accept (perhaps in edited words) or dismiss what a conversation taught; accepting writes it into the decision",
        params: idParams,
        body: resolveProposalBody,
        response: { 200: conversation },
      },
    },
    async (request) => resolveProposal(app.db, requireMember(request), request.params.id, request.body),
  );
};
