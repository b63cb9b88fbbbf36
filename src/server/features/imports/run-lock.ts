import type { Kysely } from "kysely";
import { advisoryLockHeld, withAdvisoryLock } from "../../db/advisory-lock.ts";
import { isEmbedded } from "../../db/client.ts";
import type { Database } from "../../db/schema.ts";

/** Another import into the workspace is running: in this process, or in another on PostgreSQL. */
export class ImportRunningError extends Error {
  constructor() {
    super(
      "another import into this workspace is running now; wait for it to finish (see the import history), then try again",
    );
  }
}

const running = new Set<string>();

/**
 * Runs an import while holding its workspace's import lock, so two imports never write one workspace at once.
 * The embedded database has one process (its data dir is locked); on PostgreSQL the lock is a session advisory
 * lock on a connection of its own, which the server frees by itself if this process dies.
 */
export async function whileRunning<T>(
  db: Kysely<Database>,
  workspaceId: string,
  work: () => Promise<T>,
): Promise<T> {
  if (running.has(workspaceId)) throw new ImportRunningError();
  running.add(workspaceId);
  try {
    if (isEmbedded(db)) return await work();
    return await withAdvisoryLock(db, lockKey(workspaceId), work, () => new ImportRunningError());
  } finally {
    running.delete(workspaceId);
  }
}

const lockKey = (workspaceId: string) => `import:${workspaceId}`;

export interface RunningImports {
  /** This process's running imports, with how far each has got. */
  here: Map<string, { progress: number }>;
  /** Another app server is running an import into the workspace (PostgreSQL; its progress is its own). */
  elsewhere: boolean;
}

/**
 * The imports running now, for showing runs and refusing to undo one. Read `here` first: a run that finishes
 * between the two reads must show as running (or done), never as interrupted.
 */
export async function runningImports(
  db: Kysely<Database>,
  workspaceId: string,
  here: Map<string, { progress: number }>,
): Promise<RunningImports> {
  const snapshot = new Map(here);
  // Held by this process too while it imports into the workspace: then `here` says which run.
  const elsewhere = !isEmbedded(db) && (await advisoryLockHeld(db, lockKey(workspaceId)));
  return { here: snapshot, elsewhere };
}
