import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../../contract/common.ts";
import {
  importBody,
  importPreview,
  importRunDetail,
  importRunList,
  upload,
  uploadQuery,
} from "../../../contract/imports.ts";
import { requireRole } from "../../http/auth-context.ts";
import { AppError, conflict, invalid, notFound } from "../../http/errors.ts";
import { ImportRunner } from "../../jobs/import-runner.ts";
import { issuesCsv, presentIssue, presentRun } from "./imports.presenter.ts";
import {
  issuesOfRun,
  previewImport,
  recentRunsOf,
  requireRun,
  undoRun,
  unusableFile,
} from "./imports.service.ts";
import { UnusableFileError } from "./read-file.ts";
import { ImportRunningError, runningImports } from "./run-lock.ts";
import { atMost, TooLargeError } from "./upload-limit.ts";
import { uploadStore } from "./upload-store.ts";

const PREVIEW_ISSUES = 200;

type Body = z.output<typeof importBody>;

/** Bringing data in and out is an admin's job: it touches every owner's decisions. */
export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["imports"];
  const uploads = uploadStore(app.db, app.dbKind, app.config.dataDir);
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
      config: { bodyTypes: ["application/octet-stream", "text/csv"] },
      schema: { tags, querystring: uploadQuery, response: { 201: upload } },
    },
    async (request, reply) => {
      const signedIn = requireRole(request, ["admin"]);
      const body = request.body as NodeJS.ReadableStream | undefined;
      if (!body || typeof (body as { pipe?: unknown }).pipe !== "function")
        throw invalid("body", "send the file itself as the request body (application/octet-stream)");
      const limit = app.config.uploadLimitBytes;
      const saved = await uploads
        .save(signedIn.workspaceId, request.query.name, atMost(body, limit))
        .catch((error) => {
          if (!(error instanceof TooLargeError)) throw error;
          const mb = Math.round(limit / (1024 * 1024));
          throw new AppError(
            413,
            "too_large",
            `The file is larger than ${mb} MB, the most one upload may be.`,
          );
        });
      return reply.status(201).send(saved);
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
      const paths = await pathsOf(signedIn.workspaceId, request.body);
      return previewImport(app.db, signedIn, paths, optionsOf(request.body), PREVIEW_ISSUES);
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
          if (error instanceof UnusableFileError) throw unusableFile(error);
          if (error instanceof ImportRunningError) throw conflict(error.message);
          throw error;
        });
      return reply.status(202).send({ id: started });
    },
  );

  app.get("/imports", { schema: { tags, response: { 200: importRunList } } }, async (request) => {
    const signedIn = requireRole(request, ["admin"]);
    const working = await runningImports(app.db, signedIn.workspaceId, runner.running());
    const runs = await recentRunsOf(app.db, signedIn.workspaceId, 50);
    return { items: runs.map((run) => presentRun(run, working)) };
  });

  app.get(
    "/imports/:id",
    { schema: { tags, params: idParams, response: { 200: importRunDetail } } },
    async (request) => {
      const signedIn = requireRole(request, ["admin"]);
      const working = await runningImports(app.db, signedIn.workspaceId, runner.running());
      const run = await requireRun(app.db, signedIn.workspaceId, request.params.id);
      const issues = await issuesOfRun(app.db, signedIn.workspaceId, run.id, PREVIEW_ISSUES);
      return { ...presentRun(run, working), issues: issues.map(presentIssue) };
    },
  );

  app.get("/imports/:id/issues.csv", { schema: { tags, params: idParams } }, async (request, reply) => {
    const signedIn = requireRole(request, ["admin"]);
    const run = await requireRun(app.db, signedIn.workspaceId, request.params.id);
    const issues = await issuesOfRun(app.db, signedIn.workspaceId, run.id);
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="import-${run.id}-issues.csv"`)
      .send(issuesCsv(issues));
  });

  app.post(
    "/imports/:id/undo",
    { schema: { tags, params: idParams, response: { 200: importRunDetail } } },
    async (request) => {
      const signedIn = requireRole(request, ["admin"]);
      const working = await runningImports(app.db, signedIn.workspaceId, runner.running());
      const run = await undoRun(app.db, signedIn, request.params.id, working);
      return { ...presentRun(run, working), issues: [] };
    },
  );
};
