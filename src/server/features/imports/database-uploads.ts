import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Kysely } from "kysely";
import { UUID } from "../../../domain/ids.ts";
import { DAY_MS } from "../../../domain/time.ts";
import type { Database } from "../../db/schema.ts";
import {
  addUploadPart,
  beginUpload,
  deleteOldUploads,
  deleteUpload,
  finishUpload,
  storedUpload,
  uploadPart,
} from "./uploads.repo.ts";
import { KEPT_MS, safeFileName, type Uploaded, type Uploads } from "./uploads.ts";

const PART_BYTES = 1024 * 1024;

/**
 * Uploads kept in PostgreSQL, so every app server finds them. The import reads a file from disk (more than once,
 * and from any offset), so a server copies an upload it reads into its own cache folder first — a copy it may
 * lose at any time, made again from the database when it is missing.
 */
export class DatabaseUploads implements Uploads {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cache: string,
  ) {}

  async save(workspaceId: string, fileName: string, body: NodeJS.ReadableStream): Promise<Uploaded> {
    const id = randomUUID();
    const name = safeFileName(fileName);
    await beginUpload(this.db, { id, workspaceId, name });
    let bytes = 0;
    try {
      let part = 0;
      for await (const data of inParts(body as AsyncIterable<Buffer | string>, PART_BYTES)) {
        await addUploadPart(this.db, workspaceId, id, part++, data);
        bytes += data.length;
      }
      await finishUpload(this.db, workspaceId, id, bytes);
    } catch (error) {
      await deleteUpload(this.db, workspaceId, id).catch(() => {});
      throw error;
    }
    return { id, name, bytes };
  }

  async find(workspaceId: string, id: string) {
    if (!UUID.test(id)) return null;
    const upload = await storedUpload(this.db, workspaceId, id);
    if (!upload) return null;
    const dir = path.join(this.cache, id);
    const file = path.join(dir, upload.name);
    if ((await stat(file).catch(() => null))?.size === Number(upload.bytes)) return file;
    await mkdir(dir, { recursive: true });
    // Written beside and renamed into place, so a copy being made is never read as the file.
    const copying = `${file}.${randomUUID()}.copying`;
    try {
      await pipeline(Readable.from(this.partsOf(workspaceId, id)), createWriteStream(copying));
      await rename(copying, file);
    } finally {
      await rm(copying, { force: true });
    }
    return file;
  }

  private async *partsOf(workspaceId: string, id: string) {
    for (let part = 0; ; part++) {
      const data = await uploadPart(this.db, workspaceId, id, part);
      if (!data) return;
      yield data;
    }
  }

  async remove(workspaceId: string, id: string) {
    if (!UUID.test(id) || !(await deleteUpload(this.db, workspaceId, id))) return false;
    await rm(path.join(this.cache, id), { recursive: true, force: true });
    return true;
  }

  async forgetOld(now = Date.now()) {
    await deleteOldUploads(this.db, new Date(now - KEPT_MS), new Date(now - DAY_MS));
    // The cached copies go after a day; an upload still wanted is copied again.
    for (const id of await readdir(this.cache).catch(() => [])) {
      const info = await stat(path.join(this.cache, id)).catch(() => null);
      if (info && info.mtimeMs < now - DAY_MS)
        await rm(path.join(this.cache, id), { recursive: true, force: true });
    }
  }
}

/** The body in parts of `size` bytes (the last one shorter), whatever sizes it arrives in. */
export async function* inParts(body: AsyncIterable<Buffer | string>, size: number) {
  let held: Buffer[] = [];
  let heldBytes = 0;
  for await (const chunk of body) {
    const data = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    held.push(data);
    heldBytes += data.length;
    if (heldBytes < size) continue;
    let all = Buffer.concat(held, heldBytes);
    while (all.length >= size) {
      yield all.subarray(0, size);
      all = all.subarray(size);
    }
    held = [all];
    heldBytes = all.length;
  }
  if (heldBytes > 0) yield Buffer.concat(held, heldBytes);
}
