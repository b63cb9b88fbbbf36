import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  account,
  accountDetail,
  accountList,
  accountListQuery,
  createAccountBody,
  createStakeholderBody,
  stakeholder,
  stakeholderList,
  updateAccountBody,
  updateStakeholderBody,
} from "../../../contract/accounts.ts";
import { idParams, versionQuery } from "../../../contract/common.ts";
import { requireMember, requireRole } from "../../http/auth-context.ts";
import { invalid } from "../../http/errors.ts";
import { listDecisions } from "../decisions/decisions.service.ts";
import { presentAccount, presentStakeholder } from "./accounts.presenter.ts";
import {
  accountPage,
  accountWithPeople,
  changeAccount,
  changeStakeholder,
  createAccount,
  createStakeholder,
  requireStakeholder,
} from "./accounts.service.ts";

function decodeAccountCursor(text: string) {
  try {
    const [name, id] = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (typeof name === "string" && typeof id === "string") return { name, id };
  } catch {}
  throw invalid("querystring.cursor", "is not a cursor this list gave out");
}

/** Accounts and their stakeholders are shared by the workspace: every member reads and edits them. */
export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["accounts"];

  app.get(
    "/accounts",
    { schema: { tags, querystring: accountListQuery, response: { 200: accountList } } },
    async (request) => {
      const signedIn = requireMember(request);
      const { q, limit, cursor } = request.query;
      const rows = await accountPage(app.db, signedIn.workspaceId, {
        q,
        limit,
        after: cursor ? decodeAccountCursor(cursor) : undefined,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(presentAccount),
        nextCursor:
          rows.length > limit && last
            ? Buffer.from(JSON.stringify([last.name, last.id])).toString("base64url")
            : null,
      };
    },
  );

  app.post(
    "/accounts",
    { schema: { tags, body: createAccountBody, response: { 201: account } } },
    async (request, reply) => {
      const signedIn = requireMember(request);
      reply.status(201);
      return createAccount(app.db, signedIn, request.body);
    },
  );

  app.get(
    "/accounts/:id",
    { schema: { tags, params: idParams, response: { 200: accountDetail } } },
    async (request) => {
      const signedIn = requireMember(request);
      const { row, stakeholders } = await accountWithPeople(app.db, signedIn.workspaceId, request.params.id);
      const decisions = await listDecisions(app.db, signedIn, {
        account: row.id,
        sort: "-updated",
        limit: 200,
      });
      return {
        ...presentAccount(row),
        stakeholders: stakeholders.map(presentStakeholder),
        decisions: decisions.items,
      };
    },
  );

  app.patch(
    "/accounts/:id",
    { schema: { tags, params: idParams, body: updateAccountBody, response: { 200: account } } },
    async (request) =>
      changeAccount(app.db, requireMember(request), request.params.id, {
        action: "update",
        body: request.body,
      }),
  );

  app.delete(
    "/accounts/:id",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: account } } },
    async (request) =>
      changeAccount(app.db, requireRole(request, ["manager", "admin"]), request.params.id, {
        action: "delete",
        version: request.query.version,
      }),
  );

  app.post(
    "/accounts/:id/restore",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: account } } },
    async (request) =>
      changeAccount(app.db, requireRole(request, ["manager", "admin"]), request.params.id, {
        action: "restore",
        version: request.query.version,
      }),
  );

  app.get(
    "/accounts/:id/stakeholders",
    { schema: { tags: ["stakeholders"], params: idParams, response: { 200: stakeholderList } } },
    async (request) => {
      const { stakeholders } = await accountWithPeople(
        app.db,
        requireMember(request).workspaceId,
        request.params.id,
      );
      return { items: stakeholders.map(presentStakeholder) };
    },
  );

  app.post(
    "/stakeholders",
    { schema: { tags: ["stakeholders"], body: createStakeholderBody, response: { 201: stakeholder } } },
    async (request, reply) => {
      const signedIn = requireMember(request);
      reply.status(201);
      return createStakeholder(app.db, signedIn, request.body);
    },
  );

  app.get(
    "/stakeholders/:id",
    { schema: { tags: ["stakeholders"], params: idParams, response: { 200: stakeholder } } },
    async (request) => {
      return presentStakeholder(
        await requireStakeholder(app.db, requireMember(request).workspaceId, request.params.id),
      );
    },
  );

  app.patch(
    "/stakeholders/:id",
    {
      schema: {
        tags: ["stakeholders"],
        params: idParams,
        body: updateStakeholderBody,
        response: { 200: stakeholder },
      },
    },
    async (request) =>
      changeStakeholder(app.db, requireMember(request), request.params.id, {
        action: "update",
        body: request.body,
      }),
  );

  app.delete(
    "/stakeholders/:id",
    {
      schema: {
        tags: ["stakeholders"],
        params: idParams,
        querystring: versionQuery,
        response: { 200: stakeholder },
      },
    },
    async (request) =>
      changeStakeholder(app.db, requireMember(request), request.params.id, {
        action: "delete",
        version: request.query.version,
      }),
  );

  app.post(
    "/stakeholders/:id/restore",
    {
      schema: {
        tags: ["stakeholders"],
        params: idParams,
        querystring: versionQuery,
        response: { 200: stakeholder },
      },
    },
    async (request) =>
      changeStakeholder(app.db, requireMember(request), request.params.id, {
        action: "restore",
        version: request.query.version,
      }),
  );
};
