import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { UUID } from "../../../domain/ids.ts";
import { KEPT_MS, safeFileName, type Uploads } from "./uploads.ts";

/** Uploads in the embedded database's data directory (`uploads/<workspace id>/<upload id>/<name>`). */
export class FolderUploads implements Uploads {
  constructor(private readonly root: string) {}

  private dirOf(workspaceId: string, id: string) {
    // Both parts are ids we made; anything else (a path, "..") never reaches the file system.
    if (!UUID.test(workspaceId) || !UUID.test(id)) return null;
    return path.join(this.root, workspaceId, id);
  }

  async save(workspaceId: string, fileName: string, body: NodeJS.ReadableStream) {
    const id = randomUUID();
    const dir = this.dirOf(workspaceId, id)!;
    const name = safeFileName(fileName);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, name);
    // A file cut off mid-way (the sender went away) is not left to be found.
    await pipeline(body, createWriteStream(file)).catch(async (error) => {
      await rm(dir, { recursive: true, force: true });
      throw error;
    });
    const { size } = await stat(file);
    return { id, name, bytes: size };
  }

  async find(workspaceId: string, id: string) {
    const dir = this.dirOf(workspaceId, id);
    if (!dir) return null;
    const names = await readdir(dir).catch(() => []);
    return names.length ? path.join(dir, names[0]!) : null;
  }

  async remove(workspaceId: string, id: string) {
    if (!(await this.find(workspaceId, id))) return false;
    await rm(this.dirOf(workspaceId, id)!, { recursive: true, force: true });
    return true;
  }

  async forgetOld(now = Date.now()) {
    for (const workspace of await readdir(this.root).catch(() => [])) {
      const dir = path.join(this.root, workspace);
      // Folders of the earlier layout (an upload id straight under uploads/) are never found again: removed.
      if (!UUID.test(workspace) || !(await readdir(dir).catch(() => [])).every((id) => UUID.test(id))) {
        await rm(dir, { recursive: true, force: true });
        continue;
      }
      for (const id of await readdir(dir).catch(() => [])) {
        const info = await stat(path.join(dir, id)).catch(() => null);
        if (info && info.mtimeMs < now - KEPT_MS)
          await rm(path.join(dir, id), { recursive: true, force: true });
      }
    }
  }
}
