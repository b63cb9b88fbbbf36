import { once } from "node:events";
import { PassThrough } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { exportParams, exportQuery } from "../../../contract/imports.ts";
import { requireRole } from "../../http/auth-context.ts";
import { writeExport } from "./export.service.ts";

/** A workspace's records as CSV or JSON, for an admin (it holds every owner's decisions). */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/export/:kind",
    { schema: { tags: ["export"], params: exportParams, querystring: exportQuery } },
    async (request, reply) => {
      const signedIn = requireRole(request, ["admin"]);
      const { kind } = request.params;
      const { format } = request.query;
      // Streamed: a large workspace's export never sits whole in memory.
      const body = new PassThrough();
      writeExport(
        app.db,
        signedIn.workspaceId,
        kind,
        format,
        async (chunk) => {
          if (!body.write(chunk)) await once(body, "drain");
        },
        { bom: request.query.bom === "true" },
      ).then(
        () => body.end(),
        (error) => body.destroy(error),
      );
      return reply
        .header(
          "content-type",
          format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        )
        .header("content-disposition", `attachment; filename="${kind}.${format}"`)
        .send(body);
    },
  );
};
