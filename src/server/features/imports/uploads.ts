import path from "node:path";
import { DAY_MS } from "../../../domain/time.ts";

/** Uploads stay a week, long enough to import them again or resume; then they are removed. */
export const KEPT_MS = 7 * DAY_MS;

/** Where the name a file was sent under can only name a file, never a path. */
export const safeFileName = (fileName: string) => path.basename(fileName).replace(/[^\w.\- ]+/g, "_");

/**
 * Uploaded files, each found only through the workspace that sent it: another workspace's upload id finds
 * nothing.
 */
export interface Uploads {
  save(workspaceId: string, fileName: string, body: NodeJS.ReadableStream): Promise<Uploaded>;
  /** The file of a workspace's upload on this server's disk, or null when that workspace has no such upload. */
  find(workspaceId: string, id: string): Promise<string | null>;
  /** Removes a workspace's upload; false when it has none by that id. */
  remove(workspaceId: string, id: string): Promise<boolean>;
  /** Removes the uploads older than a week. */
  forgetOld(now?: number): Promise<void>;
}

export type Uploaded = { id: string; name: string; bytes: number };
