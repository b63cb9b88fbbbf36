import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { apiToken, createdToken, createTokenBody, tokenList, tokenParams } from "../../../contract/tokens.ts";
import { requireMember } from "../../http/auth-context.ts";
import { requireSession } from "../../http/policies.ts";
import { createToken, listTokens, revoke } from "./tokens.service.ts";

export const tokensRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["tokens"];

  app.get("/tokens", { schema: { tags, response: { 200: tokenList } } }, async (request) =>
    listTokens(app.db, requireMember(request)),
  );

  app.post(
    "/tokens",
    {
      config: { rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: { tags, body: createTokenBody, response: { 201: createdToken } },
    },
    async (request, reply) => {
      const member = requireMember(request);
      requireSession(member, "make an API token");
      reply.status(201);
      return createToken(app.db, member, request.body, new Date());
    },
  );

  app.delete(
    "/tokens/:id",
    { schema: { tags, params: tokenParams, response: { 200: apiToken } } },
    async (request) => revoke(app.db, requireMember(request), request.params.id),
  );
};
