import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { DAY_MS } from "../../../domain/time.ts";

const WEEK_MS = 7 * DAY_MS;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Uploaded files, kept per workspace (`uploads/<workspace id>/<upload id>/<name>`): an upload is only ever found
 * through the workspace that sent it, so another workspace's upload id finds nothing.
 */
export class UploadStore {
  constructor(private readonly root: string) {}

  private dirOf(workspaceId: string, id: string) {
    // Both parts are ids we made; anything else (a path, "..") never reaches the file system.
    if (!UUID.test(workspaceId) || !UUID.test(id)) return null;
    return path.join(this.root, workspaceId, id);
  }

  async save(workspaceId: string, fileName: string, body: NodeJS.ReadableStream) {
    const id = randomUUID();
    const dir = this.dirOf(workspaceId, id)!;
    const name = path.basename(fileName).replace(/[^\w.\- ]+/g, "_");
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, name);
    await pipeline(body, createWriteStream(file));
    const { size } = await stat(file);
    return { id, name, bytes: size };
  }

  /** The file of a workspace's upload, or null when that workspace has no such upload (any more). */
  async find(workspaceId: string, id: string) {
    const dir = this.dirOf(workspaceId, id);
    if (!dir) return null;
    const names = await readdir(dir).catch(() => []);
    return names.length ? path.join(dir, names[0]!) : null;
  }

  /** Removes a workspace's upload; false when it has none by that id. */
  async remove(workspaceId: string, id: string) {
    if (!(await this.find(workspaceId, id))) return false;
    await rm(this.dirOf(workspaceId, id)!, { recursive: true, force: true });
    return true;
  }

  /** Uploads stay a week, long enough to import them again or resume; then they are removed. */
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
        if (info && info.mtimeMs < now - WEEK_MS)
          await rm(path.join(dir, id), { recursive: true, force: true });
      }
    }
  }
}
