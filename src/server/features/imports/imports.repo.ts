import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import type { ImportIssue } from "../../../domain/import/record.ts";
import { bulkInsert } from "../../db/bulk.ts";
import type { Database, ImportIssueTable, ImportRunTable } from "../../db/schema.ts";

export type RunRow = Selectable<ImportRunTable>;
export type IssueRow = Selectable<ImportIssueTable>;

export function findRun(db: Kysely<Database>, workspaceId: string, id: string) {
  return db
    .selectFrom("import_run")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** A workspace's latest runs, newest first. */
export function recentRuns(db: Kysely<Database>, workspaceId: string, limit: number) {
  return db
    .selectFrom("import_run")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}

/** A run's stored row errors and warnings, in the order they were found. */
export function runIssues(db: Kysely<Database>, workspaceId: string, importId: string, limit?: number) {
  let query = db
    .selectFrom("import_issue")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("import_id", "=", importId)
    .orderBy("id");
  if (limit !== undefined) query = query.limit(limit);
  return query.execute();
}

/**
 * Runs still marked running, oldest first, in every workspace, with the member who started each while that
 * member is still active (else null).
 */
export function runsMarkedRunning(db: Kysely<Database>) {
  return db
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
}

export async function insertRun(db: Kysely<Database>, row: Insertable<ImportRunTable>) {
  await db.insertInto("import_run").values(row).execute();
}

/** A workspace's runs still marked running, newest first (one of them may be the run to resume). */
export function runningRuns(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom("import_run")
    .select(["id", "files", "checkpoint", "counts"])
    .where("workspace_id", "=", workspaceId)
    .where("status", "=", "running")
    .orderBy("created_at", "desc")
    .execute();
}

export async function storedIssueCount(db: Kysely<Database>, runId: string) {
  const row = await db
    .selectFrom("import_issue")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("import_id", "=", runId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertIssues(
  db: Kysely<Database>,
  workspaceId: string,
  runId: string,
  file: string,
  issues: ImportIssue[],
) {
  await bulkInsert(
    db,
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
    issues.map((i) => ({
      workspace_id: workspaceId,
      import_id: runId,
      file,
      row_number: i.row,
      column_name: i.column,
      value: i.value,
      message: i.message,
      severity: i.severity,
    })),
  );
}

/** Where a run stands after a committed batch: an interrupted run resumes from here. */
export async function saveCheckpoint(
  db: Kysely<Database>,
  runId: string,
  checkpoint: unknown,
  counts: unknown,
) {
  await db
    .updateTable("import_run")
    .set({ checkpoint: JSON.stringify(checkpoint), counts: JSON.stringify(counts) })
    .where("id", "=", runId)
    .execute();
}

export async function finishRun(
  db: Kysely<Database>,
  runId: string,
  counts: unknown,
  unknownOwners: unknown,
  unknownStages: unknown,
) {
  await db
    .updateTable("import_run")
    .set({
      status: "done",
      finished_at: new Date(),
      counts: JSON.stringify(counts),
      unknown_owners: JSON.stringify(unknownOwners),
      unknown_stages: JSON.stringify(unknownStages),
    })
    .where("id", "=", runId)
    .execute();
}

/** Holds the run until the transaction ends (an undo runs once); false when the workspace has no such run. */
export async function lockRun(db: Kysely<Database>, workspaceId: string, runId: string) {
  const run = await db
    .selectFrom("import_run")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", runId)
    .forUpdate()
    .executeTakeFirst();
  return Boolean(run);
}

export async function closeRun(
  db: Kysely<Database>,
  runId: string,
  status: "undone" | "failed",
  error: string | null,
) {
  await db
    .updateTable("import_run")
    .set({ status, undone_at: new Date(), error, version: sql`version + 1` })
    .where("id", "=", runId)
    .execute();
}

export type ImportedTable = "involvement" | "decision" | "stakeholder" | "account";

/** An account or person someone has since used for other records stays when the import that made it is undone. */
const STILL_IN_USE: Partial<Record<ImportedTable, string>> = {
  stakeholder:
    "AND NOT EXISTS (SELECT 1 FROM involvement i WHERE i.stakeholder_id = t.id AND i.deleted_at IS NULL)",
  account: `AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.account_id = t.id AND d.deleted_at IS NULL)
            AND NOT EXISTS (SELECT 1 FROM stakeholder s WHERE s.account_id = t.id AND s.deleted_at IS NULL)`,
};

/** Soft-deletes the records of `table` that the change log says `via` created; their ids. */
export async function deleteCreatedBy(
  db: Kysely<Database>,
  workspaceId: string,
  table: ImportedTable,
  via: string,
) {
  const deleted = await sql<{ id: string }>`
    UPDATE ${sql.table(table)} AS t SET deleted_at = now(), version = t.version + 1, updated_at = now()
    WHERE t.workspace_id = ${workspaceId} AND t.deleted_at IS NULL
      AND t.id IN (SELECT entity_id FROM change_log WHERE workspace_id = ${workspaceId}
                   AND via = ${via} AND entity = ${table} AND action = 'create')
      ${sql.raw(STILL_IN_USE[table] ?? "")}
    RETURNING t.id`.execute(db);
  return deleted.rows.map((row) => row.id);
}

/** What `via` changed in records of `table` (not created), newest first, so undoing them in order restores the oldest. */
export function changesBy(db: Kysely<Database>, workspaceId: string, table: ImportedTable, via: string) {
  return db
    .selectFrom("change_log")
    .select(["entity_id", "before", "after"])
    .where("workspace_id", "=", workspaceId)
    .where("via", "=", via)
    .where("entity", "=", table)
    .where("action", "in", ["update", "restore"])
    .orderBy("id", "desc")
    .execute();
}

/** Keeps the planner's statistics fresh while a large import grows the tables it reads. */
export async function refreshStatistics(db: Kysely<Database>) {
  await sql`ANALYZE account, stakeholder, decision, involvement`.execute(db);
}
