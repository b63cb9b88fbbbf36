import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Files that start processes or stream large files: minutes each. */
const SLOW =
  /test\/cli\/|test\/import\/large-file|golden\.db|input\.property|webhooks-restart|three-servers|postgres-restart|disk-full/;

/**
 * The slow files first: on a fresh clone (no timings kept from an earlier run) the default order can leave one
 * of them running alone at the end.
 */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const slow = (f: TestSpecification) => SLOW.test(f.moduleId);
    return [...sorted.filter(slow), ...sorted.filter((f) => !slow(f))];
  }
}

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Each file builds its own app and database and keeps no state in modules, so a worker loads the app's
    // modules once for all its files instead of once per file: the embedded run went from about 8 to 5.5
    // minutes and the PostgreSQL run from 4 to 2.5 (both suites pass either way).
    isolate: false,
    // Database and CLI tests spend much of their time waiting on PostgreSQL or a child process: two files at a
    // time even on a two-core machine (where the default runs one) took the embedded run from 9 to 6 minutes.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: SlowFirst },
  },
});
