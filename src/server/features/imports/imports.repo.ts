import type { Kysely, Selectable } from "kysely";
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
