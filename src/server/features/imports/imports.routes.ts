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
import { FIELD_LABELS, FIELDS, type ImportKind, suggestColumns } from "../../../domain/import/fields.ts";
import type { ImportIssue } from "../../../domain/import/record.ts";
import { neutralizeCell } from "../../../domain/import/values.ts";
import type { Database } from "../../db/schema.ts";
import { requireRole } from "../../http/auth-context.ts";
import { AppError, conflict, invalid, notFound } from "../../http/errors.ts";
import { writeExport } from "../exports/export.service.ts";
import { dryRunPlans, type ImportActor, importFiles, undoImport } from "./imports.service.ts";
import { changeMapping, listMappings, saveMapping } from "./mappings.service.ts";
import { type FilePlan, type ImportOptions, inWriteOrder, MappingNeededError, planFile } from "./plan.ts";
import { type FileHead, readRows, UnusableFileError } from "./read-file.ts";
import { ImportRunningError } from "./run-lock.ts";
import { UploadStore } from "./uploads.ts";

const UPLOAD_LIMIT = 1024 * 1024 * 1024;
const PREVIEW_ISSUES = 200;

/** Progress of the imports this process is running; a run marked running that is not here was interrupted. */
const live = new Map<string, { progress: number }>();

type Body = z.output<typeof importBody>;

/** What a run keeps of the options it was started with (null for what was not given). */
type StoredOptions = { [K in keyof ImportOptions]-?: ImportOptions[K] | null };

/** Bringing data in and out is an admin's job: it touches every owner's decisions. */
export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["imports"];
  const uploads = new UploadStore(path.join(app.config.dataDir, "uploads"));
  await uploads.forgetOld();

  /**
   * Starts an import in the background: `started` gives its run id once the run exists (or why it could not
   * start), `finished` settles when it ends.
   */
  const startImport = (actor: ImportActor, paths: string[], options: ImportOptions) => {
    const entry = { progress: 0 };
    let runId: string | null = null;
    let begun!: (id: string) => void;
    const onStarted = new Promise<string>((resolve) => {
      begun = resolve;
    });
    const finished = importFiles(app.db, actor, paths, options, {
      onStarted: (id) => {
        runId = id;
        live.set(id, entry);
        begun(id);
      },
      onProgress: (p) => {
        entry.progress = p.bytes ? Math.min(1, p.bytesRead / p.bytes) : 0;
      },
    }).finally(() => {
      if (runId) live.delete(runId);
    });
    // Once started, a failed run is marked failed and undone; its caller has long had its answer.
    finished.catch((error) => {
      if (!(error instanceof UnusableFileError || error instanceof ImportRunningError)) app.log.error(error);
    });
    const started = Promise.race([onStarted, finished.then(() => onStarted)]);
    started.catch(() => {});
    return { started, finished };
  };

  /** Web imports a restart cut off go on from their last batch, one after another, while their uploads are kept. */
  const resumeInterrupted = async () => {
    // Whoever started it may have left since: then the workspace's admin takes over as the import's member.
    const runs = await app.db
      .selectFrom("import_run")
      .leftJoin("member", (join) =>
        join
          .onRef("member.id", "=", "import_run.member_id")
          .on("member.active", "=", true)
          .on("member.deleted_at", "is", null),
      )
      .select(["import_run.id", "import_run.workspace_id", "member.id as member_id", "import_run.options"])
      .where("import_run.status", "=", "running")
      .orderBy("import_run.created_at")
      .execute();
    for (const run of runs) {
      const stored = run.options as StoredOptions;
      if (!stored.uploads?.length || live.has(run.id)) continue;
      const paths = await Promise.all(stored.uploads.map((id) => uploads.find(run.workspace_id, id)));
      if (paths.some((p) => p === null)) continue;
      const options = Object.fromEntries(
        Object.entries(stored).filter(([, v]) => v !== null),
      ) as ImportOptions;
      const actor = { workspaceId: run.workspace_id, memberId: run.member_id };
      await startImport(actor, paths as string[], options).finished.catch((error) =>
        app.log.warn(`import ${run.id} was not resumed: ${(error as Error).message}`),
      );
    }
  };
  app.addHook("onReady", async () => {
    resumeInterrupted().catch((error) => app.log.error(error));
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
      const started = await startImport(signedIn, paths, {
        ...optionsOf(request.body),
        uploads: request.body.uploads.map((u) => u.id),
      }).started.catch((error) => {
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
    const working = new Map(live);
    const runs = await app.db
      .selectFrom("import_run")
      .selectAll()
      .where("workspace_id", "=", signedIn.workspaceId)
      .orderBy("created_at", "desc")
      .limit(50)
      .execute();
    return { items: runs.map((run) => presentRun(run, working)) };
  });

  app.get(
    "/imports/:id",
    { schema: { tags, params: idParams, response: { 200: importRunDetail } } },
    async (request) => {
      const signedIn = requireRole(request, ["admin"]);
      const working = new Map(live);
      const run = await findRun(app.db, signedIn.workspaceId, request.params.id);
      const issues = await runIssues(app.db, signedIn.workspaceId, run.id, PREVIEW_ISSUES);
      return { ...presentRun(run, working), issues: issues.map(presentIssue) };
    },
  );

  app.get("/imports/:id/issues.csv", { schema: { tags, params: idParams } }, async (request, reply) => {
    const signedIn = requireRole(request, ["admin"]);
    const run = await findRun(app.db, signedIn.workspaceId, request.params.id);
    const issues = await runIssues(app.db, signedIn.workspaceId, run.id);
    const lines = [["file", "row", "column", "value", "severity", "message"]].concat(
      issues.map((i) => [
        i.file,
        String(i.row_number),
        i.column_name ?? "",
        i.value ?? "",
        i.severity,
        i.message,
      ]),
    );
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="import-${run.id}-issues.csv"`)
      .send(lines.map((cells) => cells.map((c) => csvQuote(neutralizeCell(c))).join(",")).join("\r\n"));
  });

  app.post(
    "/imports/:id/undo",
    { schema: { tags, params: idParams, response: { 200: importRunDetail } } },
    async (request) => {
      const signedIn = requireRole(request, ["admin"]);
      const run = await findRun(app.db, signedIn.workspaceId, request.params.id);
      if (live.has(run.id)) throw conflict("This import is still running; undo it when it has finished.");
      if (run.status === "undone" || run.status === "failed")
        throw conflict("This import has already been undone.");
      await undoImport(app.db, signedIn, run.id);
      return { ...presentRun(await findRun(app.db, signedIn.workspaceId, run.id), live), issues: [] };
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

function csvQuote(cell: string) {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

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

/** A run's stored row errors and warnings, in the order they were found. */
function runIssues(db: Kysely<Database>, workspaceId: string, importId: string, limit?: number) {
  let query = db
    .selectFrom("import_issue")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("import_id", "=", importId)
    .orderBy("id");
  if (limit !== undefined) query = query.limit(limit);
  return query.execute();
}

async function findRun(db: Kysely<Database>, workspaceId: string, id: string) {
  const run = await db
    .selectFrom("import_run")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!run) throw notFound("The import");
  return run;
}

type RunRow = Awaited<ReturnType<typeof findRun>>;

/**
 * `working` is the imports this process was running *before* the row was read: a run that finishes between
 * the two must read as running (or done), never as interrupted.
 */
function presentRun(run: RunRow, working: Map<string, { progress: number }>) {
  const files = run.files as Array<{ name: string; format: string; kind: string }>;
  const running = working.get(run.id);
  return {
    id: run.id,
    status: run.status === "running" && !running ? ("interrupted" as const) : run.status,
    files: files.map((f) => ({ name: f.name, format: f.format, kind: f.kind })),
    counts: run.counts as {
      created: number;
      updated: number;
      skipped: number;
      errors: number;
      warnings: number;
    },
    progress: running ? running.progress : null,
    unknownOwners: run.unknown_owners as Record<string, number>,
    error: run.error,
    createdAt: run.created_at.toISOString(),
    finishedAt: run.finished_at?.toISOString() ?? null,
    undoneAt: run.undone_at?.toISOString() ?? null,
  };
}

function presentIssue(issue: {
  file: string;
  row_number: number;
  column_name: string | null;
  value: string | null;
  message: string;
  severity: "error" | "warning";
}) {
  return {
    file: issue.file,
    row: issue.row_number,
    column: issue.column_name,
    value: issue.value,
    message: issue.message,
    severity: issue.severity,
  };
}

async function samplesOf(head: FileHead) {
  for await (const batch of readRows(head, 5)) return batch.rows.map((r) => r.values);
  return [];
}

async function describePlan(plan: FilePlan) {
  const samples = await samplesOf(plan.head);
  return {
    name: plan.head.name,
    format: plan.format,
    kind: plan.kind,
    encoding: plan.head.encoding,
    delimiter: plan.head.delimiter,
    headers: plan.head.headers,
    columns: plan.columns as Record<string, string>,
    constants: plan.constants,
    unmapped: plan.unmapped,
    samples: samples.slice(0, 5),
    fields: fieldsOf(plan.kind),
    needsMapping: null,
  };
}

const fieldsOf = (kind: ImportKind | null) =>
  kind
    ? (FIELDS[kind] as readonly string[]).map((field) => ({ field, label: FIELD_LABELS[field] ?? field }))
    : [];

async function describeUnmapped(error: MappingNeededError) {
  return {
    name: error.head.name,
    format: error.format as string,
    kind: error.kind ?? "unknown",
    encoding: error.head.encoding,
    delimiter: error.head.delimiter,
    headers: error.head.headers,
    columns: (error.kind ? suggestColumns(error.kind, error.head.headers) : {}) as Record<string, string>,
    constants: {},
    unmapped: [],
    samples: await samplesOf(error.head),
    fields: fieldsOf(error.kind),
    needsMapping: error.message,
  };
}
