import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Database and CLI tests spend much of their time waiting on PostgreSQL or a child process: two files at a
    // time even on a two-core machine (where the default runs one) took the embedded run from 9 to 6 minutes.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
