import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { runsMarkedRunning } from "../features/imports/imports.repo.ts";
import { type ImportActor, importFiles } from "../features/imports/imports.service.ts";
import type { ImportOptions } from "../features/imports/plan.ts";
import { UnusableFileError } from "../features/imports/read-file.ts";
import { ImportRunningError } from "../features/imports/run-lock.ts";

/** What a run keeps of the options it was started with (null for what was not given). */
type StoredOptions = { [K in keyof ImportOptions]-?: ImportOptions[K] | null };

/**
 * Web imports run in the background of this process. Their progress lives here; a run marked running in the
 * database that is not here was cut off (a restart) and is resumed from its last batch.
 */
export class ImportRunner {
  private readonly live = new Map<string, { progress: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** The runs in progress now, with how far each is: a snapshot, taken before reading run rows. */
  running() {
    return new Map(this.live);
  }

  /**
   * Starts an import: `started` gives its run id once the run exists (or why it could not start), `finished`
   * settles when it ends.
   */
  start(actor: ImportActor, paths: string[], options: ImportOptions) {
    const entry = { progress: 0 };
    let runId: string | null = null;
    let begun!: (id: string) => void;
    const onStarted = new Promise<string>((resolve) => {
      begun = resolve;
    });
    const finished = importFiles(this.db, actor, paths, options, {
      onStarted: (id) => {
        runId = id;
        this.live.set(id, entry);
        begun(id);
      },
      onProgress: (p) => {
        entry.progress = p.bytes ? Math.min(1, p.bytesRead / p.bytes) : 0;
      },
    }).finally(() => {
      if (runId) this.live.delete(runId);
    });
    // Once started, a failed run is marked failed and undone; its caller has long had its answer.
    finished.catch((error) => {
      if (!(error instanceof UnusableFileError || error instanceof ImportRunningError)) this.log.error(error);
    });
    const started = Promise.race([onStarted, finished.then(() => onStarted)]);
    started.catch(() => {});
    return { started, finished };
  }

  /**
   * Resumes, one after another, the runs a restart cut off whose uploads are still kept. Whoever started one
   * may have left since: then the workspace's admin takes over as the import's member.
   */
  async resumeInterrupted(
    uploaded: (run: { workspaceId: string }, uploadId: string) => Promise<string | null>,
  ) {
    for (const run of await runsMarkedRunning(this.db)) {
      const stored = run.options as StoredOptions;
      if (!stored.uploads?.length || this.live.has(run.id)) continue;
      const paths = await Promise.all(
        stored.uploads.map((id) => uploaded({ workspaceId: run.workspace_id }, id)),
      );
      if (paths.some((p) => p === null)) continue;
      const options = Object.fromEntries(
        Object.entries(stored).filter(([, v]) => v !== null),
      ) as ImportOptions;
      const actor = { workspaceId: run.workspace_id, memberId: run.member_id };
      await this.start(actor, paths as string[], options).finished.catch((error) =>
        this.log.warn(`import ${run.id} was not resumed: ${(error as Error).message}`),
      );
    }
  }
}
