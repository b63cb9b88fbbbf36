import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, versionQuery } from "../../../contract/common.ts";
import { correction, correctionList, createCorrectionBody } from "../../../contract/corrections.ts";
import { requireMember } from "../../http/auth-context.ts";
import {
  addCorrection,
  changeCorrection,
  exportCorrections,
  listCorrections,
} from "./corrections.service.ts";

/** Managers' verdicts on the answer diagnostics: agree or correct, the workspace's figures, the export. */
export const correctionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["diagnostics"];

  app.post(
    "/diagnosis-corrections",
    { schema: { tags, body: createCorrectionBody, response: { 201: correction } } },
    async (request, reply) => {
      reply.status(201);
      return addCorrection(app.db, requireMember(request), request.body);
    },
  );

  app.get(
    "/diagnosis-corrections",
    { schema: { tags, response: { 200: correctionList } } },
    async (request) => listCorrections(app.db, requireMember(request)),
  );

  app.get(
    "/diagnosis-corrections/export",
    {
      schema: {
        tags,
        summary:
          "The verdicts as labelled answers, one JSON object per line (the shared labelled-set schema)",
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const body = await exportCorrections(app.db, requireMember(request));
      reply
        .header("content-type", "application/x-ndjson; charset=utf-8")
        .header("content-disposition", 'attachment; filename="diagnosis-corrections.jsonl"');
      return body ? `${body}\n` : "";
    },
  );

  app.delete(
    "/diagnosis-corrections/:id",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: correction } } },
    async (request) =>
      changeCorrection(app.db, requireMember(request), request.params.id, {
        action: "delete",
        version: request.query.version,
      }),
  );

  app.post(
    "/diagnosis-corrections/:id/restore",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: correction } } },
    async (request) =>
      changeCorrection(app.db, requireMember(request), request.params.id, {
        action: "restore",
        version: request.query.version,
      }),
  );
};
