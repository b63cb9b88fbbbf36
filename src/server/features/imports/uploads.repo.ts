import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";

export async function beginUpload(
  db: Kysely<Database>,
  upload: { id: string; workspaceId: string; name: string },
) {
  await db
    .insertInto("upload")
    .values({ id: upload.id, workspace_id: upload.workspaceId, name: upload.name })
    .execute();
}

export async function addUploadPart(
  db: Kysely<Database>,
  workspaceId: string,
  uploadId: string,
  part: number,
  data: Buffer,
) {
  await db
    .insertInto("upload_part")
    .values({ upload_id: uploadId, workspace_id: workspaceId, part, data })
    .execute();
}

/** The last part is in: from now on the upload is found. */
export async function finishUpload(db: Kysely<Database>, workspaceId: string, id: string, bytes: number) {
  await db
    .updateTable("upload")
    .set({ bytes, stored_at: sql`now()` })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .execute();
}

/** A workspace's upload whose every part is in, or undefined. */
export function storedUpload(db: Kysely<Database>, workspaceId: string, id: string) {
  return db
    .selectFrom("upload")
    .select(["name", "bytes"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("stored_at", "is not", null)
    .executeTakeFirst();
}

export async function uploadPart(db: Kysely<Database>, workspaceId: string, uploadId: string, part: number) {
  const row = await db
    .selectFrom("upload_part")
    .select("data")
    .where("workspace_id", "=", workspaceId)
    .where("upload_id", "=", uploadId)
    .where("part", "=", part)
    .executeTakeFirst();
  return row?.data;
}

/** Removes a workspace's upload with its parts; false when it has none by that id. */
export async function deleteUpload(db: Kysely<Database>, workspaceId: string, id: string) {
  const deleted = await db
    .deleteFrom("upload")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}

/** Removes uploads stored before `storedBefore`, and those never finished that were begun before `begunBefore`. */
export async function deleteOldUploads(db: Kysely<Database>, storedBefore: Date, begunBefore: Date) {
  await db
    .deleteFrom("upload")
    .where((eb) =>
      eb.or([
        eb("stored_at", "<", storedBefore),
        eb.and([eb("stored_at", "is", null), eb("created_at", "<", begunBefore)]),
      ]),
    )
    .execute();
}
