import { once } from "node:events";
import path from "node:path";
import { PassThrough } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import { z } from "zod";
import { idParams } from "../../../contract/common.ts";
import {
  createMappingBody,
  exportParams,
  exportQuery,
  importBody,
  importPreview,
  importRunDetail,
  importRunList,
  savedMapping,
  savedMappingList,
  upload,
  uploadQuery,
} from "../../../contract/imports.ts";
import { versionQuery } from "../../../contract/members.ts";
import type { ImportIssue } from "../../../domain/import/record.ts";
import { neutralizeCell } from "../../../domain/import/values.ts";
import type { Database } from "../../db/schema.ts";
import { requireRole } from "../../http/auth-context.ts";
import { AppError, conflict, invalid, notFound } from "../../http/errors.ts";
import { ImportRunner } from "../../jobs/import-runner.ts";
import { csvLine, writeExport } from "../exports/export.service.ts";
import { describePlan, describeUnmapped, presentIssue, presentRun } from "./imports.presenter.ts";
import { findRun, recentRuns, runIssues } from "./imports.repo.ts";
import { dryRunPlans, undoImport } from "./imports.service.ts";
import { changeMapping, listMappings, saveMapping } from "./mappings.service.ts";
import { type FilePlan, inWriteOrder, MappingNeededError, planFile } from "./plan.ts";
import { UnusableFileError } from "./read-file.ts";
import { ImportRunningError } from "./run-lock.ts";
import { UploadStore } from "./uploads.ts";

const UPLOAD_LIMIT = 1024 * 1024 * 1024;
const PREVIEW_ISSUES = 200;

type Body = z.output<typeof importBody>;

/** Bringing data in and out is an admin's job: it touches every owner's decisions. */
export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["imports"];
  const uploads = new UploadStore(path.join(app.config.dataDir, "uploads"));
  await uploads.forgetOld();

  const runner = new ImportRunner(app.db, app.log);
  // Web imports a restart cut off go on from their last batch, while their uploads are kept.
  app.addHook("onReady", async () => {
    runner
      .resumeInterrupted((run, id) => uploads.find(run.workspaceId, id))
      .catch((error) => app.log.error(error));
  });

  // Uploads arrive as the raw file and go straight to disk, never whole into memory.
  app.addContentTypeParser(["application/octet-stream", "text/csv"], (_req, payload, done) =>
    done(null, payload),
  );

  app.post(
    "/imports/uploads",
    {
      bodyLimit: UPLOAD_LIMIT,
      config: { bodyTypes: ["application/octet-stream", "text/csv"] },
      schema: { tags, querystring: uploadQuery, response: { 201: upload } },
    },
    async (request, reply) => {
      const signedIn = requireRole(request, ["admin"]);
      const body = request.body as NodeJS.ReadableStream | undefined;
      if (!body || typeof (body as { pipe?: unknown }).pipe !== "function")
        throw invalid("body", "send the file itself as the request body (application/octet-stream)");
      return reply.status(201).send(await uploads.save(signedIn.workspaceId, request.query.name, body));
    },
  );

  app.delete(
    "/imports/uploads/:id",
    { schema: { tags, params: idParams, response: { 204: z.null().describe("The upload is removed") } } },
    async (request, reply) => {
      const signedIn = requireRole(request, ["admin"]);
      if (!(await uploads.remove(signedIn.workspaceId, request.params.id))) throw notFound("The upload");
      return reply.status(204).send(null);
    },
  );

  const pathsOf = async (workspaceId: string, body: Body) => {
    const paths: string[] = [];
    for (const [index, item] of body.uploads.entries()) {
      const found = await uploads.find(workspaceId, item.id);
      if (!found) throw invalid(`uploads.${index}.id`, "is not an uploaded file (upload it again)");
      paths.push(found);
    }
    return paths;
  };

  const optionsOf = (body: Body) => ({
    format: body.format,
    dateFormat: body.dateFormat,
    mappings: body.mappings,
    owners: body.owners,
  });

  app.post(
    "/imports/preview",
    { schema: { tags, body: importBody, response: { 200: importPreview } } },
    async (request) => {
      const signedIn = requireRole(request, ["admin"]);
      const issues: Array<ImportIssue & { file: string }> = [];
      let issueCount = 0;
      const paths = await pathsOf(signedIn.workspaceId, request.body);
      const options = optionsOf(request.body);
      // Files that need the user's mapping are shown with their columns and samples instead of refused.
      const unmapped: MappingNeededError[] = [];
      const plans: FilePlan[] = [];
      for (const filePath of paths)
        await usable(() => planFile(filePath, options)).then(
          (plan) => plans.push(plan),
          (error) => {
            if (error instanceof AppError && error.cause instanceof MappingNeededError)
              unmapped.push(error.cause);
            else throw error;
          },
        );
      if (unmapped.length)
        return {
          files: await Promise.all(unmapped.map(describeUnmapped)),
          counts: { created: 0, updated: 0, skipped: 0, errors: 0, warnings: 0 },
          issues: [],
          issueCount: 0,
          unknownOwners: {},
        };
      const preview = await usable(() =>
        dryRunPlans(app.db, signedIn, inWriteOrder(plans), options, {
          onIssues: (file, found) => {
            issueCount += found.length;
            for (const issue of found) if (issues.length < PREVIEW_ISSUES) issues.push({ ...issue, file });
          },
        }),
      );
      return {
        files: await Promise.all(preview.plans.map(describePlan)),
        counts: preview.counts,
        issues,
        issueCount,
        unknownOwners: preview.unknownOwners,
      };
    },
  );

  app.post(
    "/imports",
    { schema: { tags, body: importBody, response: { 202: idParams } } },
    async (request, reply) => {
      const signedIn = requireRole(request, ["admin"]);
      const paths = await pathsOf(signedIn.workspaceId, request.body);
      const started = await runner
        .start(signedIn, paths, {
          ...optionsOf(request.body),
          uploads: request.body.uploads.map((u) => u.id),
        })
        .started.catch((error) => {
          if (error instanceof UnusableFileError) throw unusable(error);
          if (error instanceof ImportRunningError) throw conflict(error.message);
          throw error;
        });
      return reply.status(202).send({ id: started });
    },
  );

  app.get("/imports/mappings", { schema: { tags, response: { 200: savedMappingList } } }, async (request) => {
    const signedIn = requireRole(request, ["admin"]);
    return { items: await listMappings(app.db, signedIn.workspaceId) };
  });

  app.post(
    "/imports/mappings",
    { schema: { tags, body: createMappingBody, response: { 201: savedMapping } } },
    async (request, reply) => {
      const signedIn = requireRole(request, ["admin"]);
      return reply.status(201).send(await saveMapping(app.db, signedIn, request.body));
    },
  );

  app.delete(
    "/imports/mappings/:id",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: savedMapping } } },
    async (request) => {
      const signedIn = requireRole(request, ["admin"]);
      return changeMapping(app.db, signedIn, request.params.id, "delete", request.query.version);
    },
  );

  app.post(
    "/imports/mappings/:id/restore",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: savedMapping } } },
    async (request) => {
      const signedIn = requireRole(request, ["admin"]);
      return changeMapping(app.db, signedIn, request.params.id, "restore", request.query.version);
    },
  );

  app.get("/imports", { schema: { tags, response: { 200: importRunList } } }, async (request) => {
    const signedIn = requireRole(request, ["admin"]);
    const working = runner.running();
    const runs = await recentRuns(app.db, signedIn.workspaceId, 50);
    return { items: runs.map((run) => presentRun(run, working)) };
  });

  app.get(
    "/imports/:id",
    { schema: { tags, params: idParams, response: { 200: importRunDetail } } },
    async (request) => {
      const signedIn = requireRole(request, ["admin"]);
      const working = runner.running();
      const run = await requireRun(app.db, signedIn.workspaceId, request.params.id);
      const issues = await runIssues(app.db, signedIn.workspaceId, run.id, PREVIEW_ISSUES);
      return { ...presentRun(run, working), issues: issues.map(presentIssue) };
    },
  );

  app.get("/imports/:id/issues.csv", { schema: { tags, params: idParams } }, async (request, reply) => {
    const signedIn = requireRole(request, ["admin"]);
    const run = await requireRun(app.db, signedIn.workspaceId, request.params.id);
    const issues = await runIssues(app.db, signedIn.workspaceId, run.id);
    const header = ["file", "row", "column", "value", "severity", "message"];
    const rows = issues.map((i) => [
      i.file,
      String(i.row_number),
      i.column_name ?? "",
      i.value ?? "",
      i.severity,
      i.message,
    ]);
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="import-${run.id}-issues.csv"`)
      .send([header, ...rows].map((cells) => csvLine(cells.map(neutralizeCell))).join(""));
  });

  app.post(
    "/imports/:id/undo",
    { schema: { tags, params: idParams, response: { 200: importRunDetail } } },
    async (request) => {
      const signedIn = requireRole(request, ["admin"]);
      const run = await requireRun(app.db, signedIn.workspaceId, request.params.id);
      if (runner.running().has(run.id))
        throw conflict("This import is still running; undo it when it has finished.");
      if (run.status === "undone" || run.status === "failed")
        throw conflict("This import has already been undone.");
      await undoImport(app.db, signedIn, run.id);
      return {
        ...presentRun(await requireRun(app.db, signedIn.workspaceId, run.id), runner.running()),
        issues: [],
      };
    },
  );

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

const unusable = (error: UnusableFileError) =>
  Object.assign(
    new AppError(400, "unusable_file", error.message, [{ path: error.file, message: error.message }]),
    {
      cause: error,
    },
  );

async function usable<T>(work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UnusableFileError) throw unusable(error);
    throw error;
  }
}

async function requireRun(db: Kysely<Database>, workspaceId: string, id: string) {
  const run = await findRun(db, workspaceId, id);
  if (!run) throw notFound("The import");
  return run;
}
