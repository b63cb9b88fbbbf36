import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  backtest,
  exportParams,
  forecast,
  insights,
  insightsQuery,
  quarters,
  risks,
  risksQuery,
} from "../../../contract/insights.ts";
import { deliveredInsights, deliveredQuery } from "../../../contract/success.ts";
import { requireMember } from "../../http/auth-context.ts";
import { insightsTable, toCsv } from "./insights.csv.ts";
import {
  backtestView,
  deliveredView,
  forecastView,
  insightsView,
  quartersView,
  risksView,
} from "./insights.service.ts";

/** Insights: every figure for the decisions the member may see — a seller their own, a manager their teams'. */
export const insightsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["insights"];

  app.get(
    "/insights",
    {
      schema: {
        tags,
        summary: "Help-first metrics per seller, how each relates to outcomes, the pipeline and its trend",
        querystring: insightsQuery,
        response: { 200: insights },
      },
    },
    async (request) => insightsView(app.db, requireMember(request), request.query),
  );

  app.get(
    "/insights/delivered",
    {
      schema: {
        tags,
        summary:
          "Decisions that delivered: of the won decisions with the customer's results in, the share that reached every outcome sought",
        querystring: deliveredQuery,
        response: { 200: deliveredInsights },
      },
    },
    async (request) => deliveredView(app.db, requireMember(request), request.query),
  );

  app.get(
    "/insights/risks",
    {
      schema: {
        tags,
        summary: "Open decisions at risk of no decision, each flag with its evidence and the help to offer",
        querystring: risksQuery,
        response: { 200: risks },
      },
    },
    async (request) => risksView(app.db, requireMember(request), request.query),
  );

  app.get(
    "/insights/forecast",
    {
      schema: {
        tags,
        summary:
          "P(won), P(lost), P(no decision) and expected close per open decision; expected value by month",
        querystring: risksQuery,
        response: { 200: forecast },
      },
    },
    async (request) => forecastView(app.db, requireMember(request), request.query),
  );

  app.get(
    "/insights/backtest",
    {
      schema: {
        tags,
        summary: "The forecast replayed on this workspace's own history: how much to trust it",
        response: { 200: backtest },
      },
    },
    async (request) => backtestView(app.db, requireMember(request)),
  );

  app.get(
    "/insights/quarters",
    {
      schema: {
        tags,
        summary: "Closes and discounts by week of the quarter, margin given away, accounts trained to wait",
        querystring: insightsQuery,
        response: { 200: quarters },
      },
    },
    async (request) => quartersView(app.db, requireMember(request), request.query),
  );

  app.get(
    "/insights/export/:table",
    {
      schema: {
        tags,
        summary: "One Insights table as CSV",
        params: exportParams,
        querystring: insightsQuery,
      },
    },
    async (request, reply) => {
      const actor = requireMember(request);
      const { table } = request.params;
      const rows = await insightsTable(app.db, actor, table, request.query);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="insights-${table}.csv"`)
        .send(toCsv(rows));
    },
  );
};
