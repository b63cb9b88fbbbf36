// The learner's thread: learns what it is sent and answers with the result (or the failure's message).
import { parentPort } from "node:worker_threads";
import type { ForecastRow, HistoryRow } from "./insights.repo.ts";
import { learn } from "./learn.ts";

type Job = { id: number; closed: ForecastRow[]; history: HistoryRow[]; open: ForecastRow[]; now: Date };

parentPort!.on("message", (job: Job) => {
  try {
    const started = performance.now();
    const learning = learn(job.closed, job.history, job.open, job.now);
    parentPort!.postMessage({ id: job.id, learning: { ...learning, took: performance.now() - started } });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
