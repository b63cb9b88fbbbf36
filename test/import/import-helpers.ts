import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import type { ImportIssue } from "../../src/domain/import/record.ts";
import type { TestApp } from "../app.ts";
import { buildWorkspace } from "../factories.ts";

export const fixture = (name: string) => path.resolve("test/fixtures/import", name);

/** Writes a file for one test into a fresh temporary folder and returns its path. */
export function tempFile(name: string, content: string | Uint8Array) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "confidant-import-")), name);
  writeFileSync(file, content);
  return file;
}

export async function importWorkspace(t: TestApp, name: string) {
  const w = await buildWorkspace(t.app, t.db, name);
  return { w, actor: { workspaceId: w.workspace.id, memberId: w.admin.id } };
}

export function collectIssues() {
  const issues: Array<ImportIssue & { file: string }> = [];
  return {
    issues,
    onIssues: (file: string, found: ImportIssue[]) => {
      issues.push(...found.map((i) => ({ ...i, file })));
    },
  };
}

/** Live records of one workspace, counted. */
export async function tally(t: TestApp, workspaceId: string) {
  const count = async (table: "account" | "stakeholder" | "decision" | "involvement") =>
    Number(
      (
        await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}
          WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL`.execute(t.db)
      ).rows[0]!.n,
    );
  const outcomes = await sql<{ outcome: string; n: number }>`SELECT outcome, count(*)::int AS n FROM decision
    WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL GROUP BY outcome`.execute(t.db);
  return {
    accounts: await count("account"),
    stakeholders: await count("stakeholder"),
    decisions: await count("decision"),
    involvements: await count("involvement"),
    outcomes: Object.fromEntries(outcomes.rows.map((r) => [r.outcome, r.n])),
  };
}

/** The decisions one import wrote, by title, with what the import tests check of them. */
export const importedDecisions = (t: TestApp, workspaceId: string) =>
  t.db
    .selectFrom("decision")
    .innerJoin("account", "account.id", "decision.account_id")
    .select([
      "decision.title",
      "account.name as account",
      "decision.outcome",
      "decision.value_amount",
      "decision.target_date",
      "decision.outcome_date",
      "decision.opened_on",
      "decision.source_stage",
      "decision.source_owner",
    ])
    .where("decision.workspace_id", "=", workspaceId)
    .orderBy("decision.title")
    .execute();
