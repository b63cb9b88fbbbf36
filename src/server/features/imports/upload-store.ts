import path from "node:path";
import type { Kysely } from "kysely";
import type { DatabaseKind } from "../../db/client.ts";
import type { Database } from "../../db/schema.ts";
import { DatabaseUploads } from "./database-uploads.ts";
import { FolderUploads } from "./folder-uploads.ts";
import type { Uploads } from "./uploads.ts";

/**
 * On a PostgreSQL server uploads are kept in the database, for every app server to find; the embedded database
 * is one server, which keeps them in its data directory.
 */
export function uploadStore(db: Kysely<Database>, kind: DatabaseKind, dataDir: string): Uploads {
  return kind === "postgres"
    ? new DatabaseUploads(db, path.join(dataDir, "upload-copies"))
    : new FolderUploads(path.join(dataDir, "uploads"));
}
