import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams, versionQuery } from "../../../contract/common.ts";
import {
  accountSuccess as accountSuccessView,
  successMeasure,
  successMeasureBody,
  successMeasurePatch,
  successReportBody,
  successView,
} from "../../../contract/success.ts";
import { requireMember } from "../../http/auth-context.ts";
import { accountSuccess, addMeasure, changeMeasure, recordReport, successOf } from "./success.service.ts";

/** After the sale: a won decision's success measures and the customer's reports on them. */
export const successRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["after the sale"];

  app.get(
    "/decisions/:id/success",
    {
      schema: {
        tags,
        summary:
          "The success measures of a decision, each judged on what the customer reported, and whether it delivered",
        params: idParams,
        response: { 200: successView },
      },
    },
    async (request) => successOf(app.db, requireMember(request), request.params.id),
  );

  app.get(
    "/accounts/:id/success",
    {
      schema: {
        tags,
        summary: "Whether each won decision at the account delivered what the customer sought",
        params: idParams,
        response: { 200: accountSuccessView },
      },
    },
    async (request) => accountSuccess(app.db, requireMember(request), request.params.id),
  );

  app.post(
    "/decisions/:id/success-measures",
    { schema: { tags, params: idParams, body: successMeasureBody, response: { 201: successMeasure } } },
    async (request, reply) => {
      reply.status(201);
      return addMeasure(app.db, requireMember(request), request.params.id, request.body);
    },
  );

  app.patch(
    "/success-measures/:id",
    { schema: { tags, params: idParams, body: successMeasurePatch, response: { 200: successMeasure } } },
    async (request) => changeMeasure(app.db, requireMember(request), request.params.id, request.body),
  );

  app.delete(
    "/success-measures/:id",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: successMeasure } } },
    async (request) =>
      changeMeasure(app.db, requireMember(request), request.params.id, request.query, "delete"),
  );

  app.post(
    "/success-measures/:id/restore",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: successMeasure } } },
    async (request) =>
      changeMeasure(app.db, requireMember(request), request.params.id, request.query, "restore"),
  );

  app.post(
    "/decisions/:id/success-reports",
    {
      schema: {
        tags,
        summary: "Record what the customer said of the success measures (in a call or a meeting)",
        params: idParams,
        body: successReportBody,
        response: { 201: successView },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return recordReport(app.db, requireMember(request), request.params.id, request.body);
    },
  );
};
