import type { Kysely } from "kysely";
import { withAdvisoryLock } from "../../db/advisory-lock.ts";
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
    return await withAdvisoryLock(db, `import:${workspaceId}`, work, () => new ImportRunningError());
  } finally {
    running.delete(workspaceId);
  }
}
