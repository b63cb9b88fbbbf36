import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { versionQuery } from "../../../contract/common.ts";
import {
  createdWebhook,
  createWebhookBody,
  deliveryList,
  deliveryParams,
  updateWebhookBody,
  webhook,
  webhookDelivery,
  webhookList,
  webhookParams,
} from "../../../contract/webhooks.ts";
import { requireRole } from "../../http/auth-context.ts";
import {
  changeWebhook,
  deliveriesOf,
  redeliver,
  registerWebhook,
  removeWebhook,
  webhooksOf,
} from "./webhooks.service.ts";

/** Webhooks are the workspace's: admins register, change and watch them. */
export const webhooksRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["webhooks"];
  const admin = (request: Parameters<typeof requireRole>[0]) => requireRole(request, ["admin"]);
  const { allowPrivate } = app.config.webhooks;

  app.get("/webhooks", { schema: { tags, response: { 200: webhookList } } }, async (request) =>
    webhooksOf(app.db, admin(request).workspaceId),
  );

  app.post(
    "/webhooks",
    { schema: { tags, body: createWebhookBody, response: { 201: createdWebhook } } },
    async (request, reply) => {
      const created = await registerWebhook(app.db, admin(request), request.body, allowPrivate);
      reply.status(201);
      return created;
    },
  );

  app.patch(
    "/webhooks/:id",
    { schema: { tags, params: webhookParams, body: updateWebhookBody, response: { 200: webhook } } },
    async (request) => changeWebhook(app.db, admin(request), request.params.id, request.body, allowPrivate),
  );

  app.delete(
    "/webhooks/:id",
    { schema: { tags, params: webhookParams, querystring: versionQuery, response: { 200: webhook } } },
    async (request) =>
      removeWebhook(app.db, admin(request), request.params.id, request.query.version, "delete"),
  );

  app.post(
    "/webhooks/:id/restore",
    { schema: { tags, params: webhookParams, querystring: versionQuery, response: { 200: webhook } } },
    async (request) =>
      removeWebhook(app.db, admin(request), request.params.id, request.query.version, "restore"),
  );

  app.get(
    "/webhooks/:id/deliveries",
    { schema: { tags, params: webhookParams, response: { 200: deliveryList } } },
    async (request) => deliveriesOf(app.db, admin(request).workspaceId, request.params.id),
  );

  app.post(
    "/webhooks/:id/deliveries/:deliveryId/redeliver",
    { schema: { tags, params: deliveryParams, response: { 202: webhookDelivery } } },
    async (request, reply) => {
      const delivery = await redeliver(
        app.db,
        app.jobs,
        app.config.webhooks,
        admin(request).workspaceId,
        request.params.id,
        request.params.deliveryId,
      );
      reply.status(202);
      return delivery;
    },
  );
};
