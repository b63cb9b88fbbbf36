import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { ImportIssue } from "../../../domain/import/record.ts";
import { bulkInsert, bulkUpdate, logChanges } from "../../db/bulk.ts";
import type { Database } from "../../db/schema.ts";
import { type Checkpoint, emptyCounts, type ImportProgress, runFiles } from "./engine.ts";
import { type FilePlan, type ImportOptions, planFiles } from "./plan.ts";
import { UnusableFileError } from "./read-file.ts";
import { whileRunning } from "./run-lock.ts";
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
  const workspace = await db
    .selectFrom("workspace")
    .select("settings")
    .where("id", "=", workspaceId)
    .executeTakeFirst();
  const currency = (workspace?.settings as { currency?: string } | undefined)?.currency;
  return currency ?? "USD";
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
      await db
        .insertInto("import_run")
        .values({
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
        })
        .execute();
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
          await bulkInsert(
            trx,
            "import_issue",
            {
              workspace_id: "uuid",
              import_id: "uuid",
              file: "text",
              row_number: "integer",
              column_name: "text",
              value: "text",
              message: "text",
              severity: "text",
            },
            keep.map((i) => ({
              workspace_id: actor.workspaceId,
              import_id: runId,
              file,
              row_number: i.row,
              column_name: i.column,
              value: i.value,
              message: i.message,
              severity: i.severity,
            })),
          );
          await trx
            .updateTable("import_run")
            .set({ checkpoint: JSON.stringify(checkpoint), counts: JSON.stringify(counts) })
            .where("id", "=", runId)
            .execute();
        },
      });
      await db
        .updateTable("import_run")
        .set({
          status: "done",
          finished_at: new Date(),
          counts: JSON.stringify(result.counts),
          unknown_owners: JSON.stringify(result.unknownOwners),
        })
        .where("id", "=", runId)
        .execute();
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
  const running = await db
    .selectFrom("import_run")
    .select(["id", "files", "checkpoint", "counts"])
    .where("workspace_id", "=", workspaceId)
    .where("status", "=", "running")
    .orderBy("created_at", "desc")
    .execute();
  return running.find((run) => {
    const files = run.files as Array<{ sha256: string }>;
    return files.length === hashes.length && files.every((f, i) => f.sha256 === hashes[i]);
  });
}

async function storedIssueCount(db: Kysely<Database>, runId: string) {
  const row = await db
    .selectFrom("import_issue")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("import_id", "=", runId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Children before parents, so nothing is left pointing at a removed record. */
const UNDO_ORDER = ["involvement", "decision", "stakeholder", "account"] as const;

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
    const run = await trx
      .selectFrom("import_run")
      .select(["status"])
      .where("workspace_id", "=", actor.workspaceId)
      .where("id", "=", runId)
      .forUpdate()
      .executeTakeFirst();
    if (!run) return;
    for (const entity of UNDO_ORDER) {
      const deleted = await sql<{ id: string }>`
        UPDATE ${sql.table(entity)} AS t SET deleted_at = now(), version = t.version + 1, updated_at = now()
        WHERE t.workspace_id = ${actor.workspaceId} AND t.deleted_at IS NULL
          AND t.id IN (SELECT entity_id FROM change_log WHERE workspace_id = ${actor.workspaceId}
                       AND via = ${viaOf(runId)} AND entity = ${entity} AND action = 'create')
          ${sql.raw(STILL_IN_USE[entity] ?? "")}
        RETURNING t.id`.execute(trx);
      undone.deleted += deleted.rows.length;
      await logChanges(
        trx,
        { ...actor, via },
        deleted.rows.map((r) => ({ entity, entity_id: r.id, action: "delete" as const })),
      );
      const changed = await trx
        .selectFrom("change_log")
        .select(["entity_id", "before", "after"])
        .where("workspace_id", "=", actor.workspaceId)
        .where("via", "=", viaOf(runId))
        .where("entity", "=", entity)
        .where("action", "in", ["update", "restore"])
        .orderBy("id", "desc")
        .execute();
      for (const change of changed) {
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
    await trx
      .updateTable("import_run")
      .set({ status: finalStatus, undone_at: new Date(), error, version: sql`version + 1` })
      .where("id", "=", runId)
      .execute();
  });
  return undone;
}

const STILL_IN_USE: Partial<Record<(typeof UNDO_ORDER)[number], string>> = {
  stakeholder:
    "AND NOT EXISTS (SELECT 1 FROM involvement i WHERE i.stakeholder_id = t.id AND i.deleted_at IS NULL)",
  account: `AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.account_id = t.id AND d.deleted_at IS NULL)
            AND NOT EXISTS (SELECT 1 FROM stakeholder s WHERE s.account_id = t.id AND s.deleted_at IS NULL)`,
};

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
