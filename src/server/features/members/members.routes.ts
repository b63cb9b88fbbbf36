import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams } from "../../../contract/common.ts";
import {
  createdMember,
  createMemberBody,
  member,
  memberLink,
  memberList,
  updateMemberBody,
} from "../../../contract/members.ts";
import { requireMember, requireRole } from "../../http/auth-context.ts";
import { presentMember } from "./members.presenter.ts";
import { changeMember, createMember, memberOf, membersOf, newMemberLink } from "./members.service.ts";

export const membersRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["members"];

  app.get("/members", { schema: { tags, response: { 200: memberList } } }, async (request) => {
    const { workspaceId } = requireMember(request);
    const members = await app.kept.members.get(workspaceId, async () => ({
      value: await membersOf(app.db, workspaceId),
      expiresAt: null,
    }));
    return { items: members!.map(presentMember) };
  });

  app.get(
    "/members/:id",
    { schema: { tags, params: idParams, response: { 200: member } } },
    async (request) => {
      const signedIn = requireMember(request);
      return presentMember(await memberOf(app.db, signedIn.workspaceId, request.params.id));
    },
  );

  app.post(
    "/members",
    { schema: { tags, body: createMemberBody, response: { 201: createdMember } } },
    async (request, reply) => {
      const admin = requireRole(request, ["admin"]);
      reply.status(201);
      return createMember(app.db, admin, request.body, app.config.publicUrl);
    },
  );

  app.post(
    "/members/:id/link",
    {
      schema: {
        tags,
        summary:
          "A new invitation link (not joined yet) or password-reset link (joined); earlier ones stop working",
        params: idParams,
        response: { 201: memberLink },
      },
    },
    async (request, reply) => {
      const admin = requireRole(request, ["admin"]);
      reply.status(201);
      return newMemberLink(app.db, admin, request.params.id, app.config.publicUrl);
    },
  );

  app.patch(
    "/members/:id",
    { schema: { tags, params: idParams, body: updateMemberBody, response: { 200: member } } },
    async (request) => {
      const admin = requireRole(request, ["admin"]);
      return changeMember(app.db, admin, request.params.id, request.body);
    },
  );
};
