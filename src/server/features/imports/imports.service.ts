import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { ImportIssue } from "../../../domain/import/record.ts";
import { bulkUpdate, logChanges } from "../../db/bulk.ts";
import type { Database } from "../../db/schema.ts";
import { AppError, conflict, notFound } from "../../http/errors.ts";
import { workspaceView } from "../workspaces/workspaces.service.ts";
import { type Checkpoint, emptyCounts, type ImportProgress, runFiles } from "./engine.ts";
import { describePlan, describeUnmapped } from "./imports.presenter.ts";
import {
  changesBy,
  closeRun,
  deleteCreatedBy,
  findRun,
  finishRun,
  type ImportedTable,
  insertIssues,
  insertRun,
  lockRun,
  recentRuns,
  runIssues,
  runningRuns,
  saveCheckpoint,
  storedIssueCount,
} from "./imports.repo.ts";
import {
  type FilePlan,
  type ImportOptions,
  inWriteOrder,
  MappingNeededError,
  planFile,
  planFiles,
} from "./plan.ts";
import { UnusableFileError } from "./read-file.ts";
import { type RunningImports, whileRunning } from "./run-lock.ts";
import type { Counts } from "./writer.ts";

export interface ImportActor {
  workspaceId: string;
  memberId: string | null;
}

export interface ImportHooks {
  onIssues?: (file: string, issues: ImportIssue[]) => Promise<void> | void;
  onProgress?: (progress: ImportProgress) => void;
  /** Called with the run id as soon as it exists (the web app answers with it while the import runs). */
  onStarted?: (runId: string, plans: FilePlan[], resumed: Checkpoint | null) => void;
}

/** Issues kept per run for the web app; the CLI's error report has them all. */
const STORED_ISSUES = 10_000;

export const viaOf = (runId: string) => `import:${runId}`;

function describeFiles(plans: FilePlan[]) {
  return plans.map((p) => ({
    name: p.head.name,
    sha256: p.sha256,
    bytes: p.head.bytes,
    format: p.format,
    kind: p.kind,
    encoding: p.head.encoding,
    delimiter: p.head.delimiter,
    columns: p.columns,
    constants: p.constants,
    dateOrders: p.dateOrders,
    unmapped: p.unmapped,
  }));
}

async function workspaceCurrency(db: Kysely<Database>, workspaceId: string) {
  const { settings } = await workspaceView(db, workspaceId);
  return (settings as { currency?: string }).currency ?? "USD";
}

/** Checks files without writing anything: the counts an import would give, every row error, unknown owners. */
export async function dryRun(
  db: Kysely<Database>,
  actor: ImportActor,
  paths: string[],
  options: ImportOptions,
  hooks: ImportHooks = {},
) {
  return dryRunPlans(db, actor, await planFiles(paths, options), options, hooks);
}

/** The dry run of files already planned (the web preview plans each file itself, to show the unmapped ones). */
export async function dryRunPlans(
  db: Kysely<Database>,
  actor: ImportActor,
  plans: FilePlan[],
  options: ImportOptions,
  hooks: ImportHooks = {},
) {
  const result = await runFiles(db, plans, {
    write: false,
    via: "dry-run",
    ...actor,
    owners: options.owners,
    currency: await workspaceCurrency(db, actor.workspaceId),
    onIssues: hooks.onIssues,
    onProgress: hooks.onProgress,
  });
  return { plans, ...result };
}

export type ImportResult = Awaited<ReturnType<typeof runFiles>> & {
  runId: string;
  plans: FilePlan[];
  resumedFrom: Checkpoint | null;
};

/**
 * Imports files in committed batches. An import of the same files that was interrupted (a crash, kill -9) is
 * resumed from its last batch; a file that turns out unreadable part-way is undone, so no half import stays.
 */
export async function importFiles(
  db: Kysely<Database>,
  actor: ImportActor,
  paths: string[],
  options: ImportOptions,
  hooks: ImportHooks = {},
): Promise<ImportResult> {
  const plans = await planFiles(paths, options);
  const files = describeFiles(plans);
  const hashes = files.map((f) => f.sha256);
  // Two imports writing into one workspace at once could both create the same records: one waits its turn.
  return whileRunning(db, actor.workspaceId, async () => {
    const interrupted = await findInterrupted(db, actor.workspaceId, hashes);
    const runId = interrupted?.id ?? randomUUID();
    if (!interrupted)
      await insertRun(db, {
        id: runId,
        workspace_id: actor.workspaceId,
        member_id: actor.memberId,
        status: "running",
        files: JSON.stringify(files),
        options: JSON.stringify({
          format: options.format ?? "auto",
          dateFormat: options.dateFormat ?? null,
          encoding: options.encoding ?? null,
          mapping: options.mapping ?? null,
          mappings: options.mappings ?? null,
          owners: options.owners ?? {},
          uploads: options.uploads ?? null,
        }),
      });
    const resumeFrom = interrupted ? (interrupted.checkpoint as Checkpoint) : null;
    hooks.onStarted?.(runId, plans, resumeFrom);
    let stored = interrupted ? await storedIssueCount(db, runId) : 0;
    try {
      const result = await runFiles(db, plans, {
        write: true,
        via: viaOf(runId),
        ...actor,
        owners: options.owners,
        currency: await workspaceCurrency(db, actor.workspaceId),
        resumeFrom: resumeFrom ?? undefined,
        counts: interrupted ? { ...emptyCounts(), ...(interrupted.counts as Counts) } : undefined,
        onProgress: hooks.onProgress,
        onIssues: hooks.onIssues,
        onBatchCommitted: async (trx, checkpoint, counts, file, issues) => {
          const keep = issues.slice(0, Math.max(0, STORED_ISSUES - stored));
          stored += keep.length;
          await insertIssues(trx, actor.workspaceId, runId, file, keep);
          await saveCheckpoint(trx, runId, checkpoint, counts);
        },
      });
      await finishRun(db, runId, result.counts, result.unknownOwners, result.unknownStages);
      return { runId, plans, resumedFrom: resumeFrom, ...result };
    } catch (error) {
      if (error instanceof UnusableFileError) {
        await undoImport(db, actor, runId, "failed", error.message);
      }
      throw error;
    }
  });
}

async function findInterrupted(db: Kysely<Database>, workspaceId: string, hashes: string[]) {
  const running = await runningRuns(db, workspaceId);
  return running.find((run) => {
    const files = run.files as Array<{ sha256: string }>;
    return files.length === hashes.length && files.every((f, i) => f.sha256 === hashes[i]);
  });
}

/** Children before parents, so nothing is left pointing at a removed record. */
const UNDO_ORDER = ["involvement", "decision", "stakeholder", "account"] as const satisfies ImportedTable[];

/**
 * Undoes an import as a whole, in one transaction: what it created is deleted (soft, so it can come back),
 * what it changed gets its earlier values back, and each step is in the change log. An account or person it
 * created that someone has since used for other records stays.
 */
export async function undoImport(
  db: Kysely<Database>,
  actor: ImportActor,
  runId: string,
  finalStatus: "undone" | "failed" = "undone",
  error: string | null = null,
) {
  const via = `undo ${viaOf(runId)}`;
  const undone = { deleted: 0, restored: 0 };
  await db.transaction().execute(async (trx) => {
    if (!(await lockRun(trx, actor.workspaceId, runId))) return;
    for (const entity of UNDO_ORDER) {
      const deleted = await deleteCreatedBy(trx, actor.workspaceId, entity, viaOf(runId));
      undone.deleted += deleted.length;
      await logChanges(
        trx,
        { ...actor, via },
        deleted.map((id) => ({ entity, entity_id: id, action: "delete" as const })),
      );
      for (const change of await changesBy(trx, actor.workspaceId, entity, viaOf(runId))) {
        const before = change.before as Record<string, unknown>;
        const types = Object.fromEntries(Object.keys(before).map((c) => [c, COLUMN_TYPES[c] ?? "text"]));
        await bulkUpdate(trx, entity, actor.workspaceId, { id: "uuid", ...types }, [
          { id: change.entity_id, ...before },
        ]);
        await logChanges(trx, { ...actor, via }, [
          { entity, entity_id: change.entity_id, action: "update", before: change.after, after: before },
        ]);
        undone.restored++;
      }
    }
    await closeRun(trx, runId, finalStatus, error);
  });
  return undone;
}

const COLUMN_TYPES: Record<string, string> = {
  account_id: "uuid",
  owner_id: "uuid",
  decision_id: "uuid",
  stakeholder_id: "uuid",
  value_amount: "bigint",
  target_date: "date",
  outcome_date: "date",
  deleted_at: "timestamptz",
};

/** An unreadable file as the API says it: 400, naming the file. */
export const unusableFile = (error: UnusableFileError) =>
  Object.assign(
    new AppError(400, "unusable_file", error.message, [{ path: error.file, message: error.message }]),
    { cause: error },
  );

async function usable<T>(work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UnusableFileError) throw unusableFile(error);
    throw error;
  }
}

/**
 * What importing these files would do, writing nothing: counts, the first `keep` row issues and unknown owners.
 * Files that need the user's mapping come back with their columns and samples instead of being refused.
 */
export async function previewImport(
  db: Kysely<Database>,
  actor: ImportActor,
  paths: string[],
  options: ImportOptions,
  keep: number,
) {
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
      counts: emptyCounts(),
      issues: [],
      issueCount: 0,
      unknownOwners: {},
      unknownStages: {},
    };
  const issues: Array<ImportIssue & { file: string }> = [];
  let issueCount = 0;
  const preview = await usable(() =>
    dryRunPlans(db, actor, inWriteOrder(plans), options, {
      onIssues: (file, found) => {
        issueCount += found.length;
        for (const issue of found) if (issues.length < keep) issues.push({ ...issue, file });
      },
    }),
  );
  return {
    files: await Promise.all(preview.plans.map(describePlan)),
    counts: preview.counts,
    issues,
    issueCount,
    unknownOwners: preview.unknownOwners,
    unknownStages: preview.unknownStages,
  };
}

export async function requireRun(db: Kysely<Database>, workspaceId: string, id: string) {
  const run = await findRun(db, workspaceId, id);
  if (!run) throw notFound("The import");
  return run;
}

/** Undoes a finished import of the workspace (`running`: the runs this server is still working on). */
export async function undoRun(db: Kysely<Database>, actor: ImportActor, id: string, running: RunningImports) {
  const run = await requireRun(db, actor.workspaceId, id);
  if (running.here.has(run.id) || (running.elsewhere && run.status === "running"))
    throw conflict("This import is still running; undo it when it has finished.");
  if (run.status === "undone" || run.status === "failed")
    throw conflict("This import has already been undone.");
  await undoImport(db, actor, run.id);
  return requireRun(db, actor.workspaceId, run.id);
}

export const recentRunsOf = (db: Kysely<Database>, workspaceId: string, limit: number) =>
  recentRuns(db, workspaceId, limit);

/** A run's stored row issues, in the order they were found (the first `limit`, or all for the CSV report). */
export const issuesOfRun = (db: Kysely<Database>, workspaceId: string, runId: string, limit?: number) =>
  runIssues(db, workspaceId, runId, limit);
