import type { Kysely, Selectable } from "kysely";
import type { Database, DiagnosisCorrectionTable } from "../../db/schema.ts";

export type CorrectionRow = Selectable<DiagnosisCorrectionTable> & { by_name?: string | null };

export async function insertCorrection(
  db: Kysely<Database>,
  row: Omit<Selectable<DiagnosisCorrectionTable>, "created_at" | "updated_at" | "deleted_at" | "version">,
) {
  await db.insertInto("diagnosis_correction").values(row).execute();
}

export function findCorrection(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  includeDeleted = false,
) {
  let query = db
    .selectFrom("diagnosis_correction")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id);
  if (!includeDeleted) query = query.where("deleted_at", "is", null);
  return query.executeTakeFirst();
}

/** The workspace's verdicts, newest first, with who gave each. */
export function correctionsOf(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom("diagnosis_correction")
    .leftJoin("member", "member.id", "diagnosis_correction.created_by")
    .selectAll("diagnosis_correction")
    .select("member.name as by_name")
    .where("diagnosis_correction.workspace_id", "=", workspaceId)
    .where("diagnosis_correction.deleted_at", "is", null)
    .orderBy("diagnosis_correction.created_at", "desc")
    .orderBy("diagnosis_correction.id")
    .execute();
}
