// Runs `learn` on a thread of its own, so that requests keep being answered while a model is learned. One thread
// per app server, started on first use and not keeping the process alive; learnings queue on it.
import { Worker } from "node:worker_threads";
import type { ForecastRow, HistoryRow } from "./insights.repo.ts";
import type { Learning } from "./learn.ts";

/** A learning, and how long it took the thread (its start not counted). */
export type Learnt = Learning & { took: number };

type Reply = { id: number; learning?: Learnt; error?: string };

let worker: Worker | null = null;
let jobs = 0;
const waiting = new Map<number, { resolve: (l: Learnt) => void; reject: (e: Error) => void }>();

function failAll(error: Error) {
  for (const job of waiting.values()) job.reject(error);
  waiting.clear();
  worker = null;
}

function thread() {
  if (worker) return worker;
  const started = new Worker(new URL("./learn.worker.js", import.meta.url));
  started.unref();
  started.on("message", (reply: Reply) => {
    const job = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) started.unref();
    if (reply.learning) job?.resolve(reply.learning);
    else job?.reject(new Error(`learning the forecast failed: ${reply.error}`));
  });
  // A thread that died (out of memory, a bug) fails what it had and is started again on the next learning.
  started.on("error", (error) => failAll(error));
  started.on("exit", (code) => {
    if (worker === started) failAll(new Error(`the forecast's learning thread stopped (exit ${code})`));
  });
  worker = started;
  return started;
}

/** Learns from the closed decisions and the history, and forecasts the open ones, on the learning thread. */
export async function learnOffThread(
  closed: ForecastRow[],
  history: HistoryRow[],
  open: ForecastRow[],
  now: Date,
): Promise<Learnt> {
  const id = ++jobs;
  const t = thread();
  // Kept alive while a learning is under way, so that a CLI run waiting for it does not exit before.
  t.ref();
  const done = new Promise<Learnt>((resolve, reject) => waiting.set(id, { resolve, reject }));
  // Copying tens of thousands of rows to the thread holds up this one: a part at a time, with requests between.
  for (const [part, rows] of [
    ["closed", closed],
    ["history", history],
    ["open", open],
  ] as const)
    for (let from = 0; from < rows.length; from += PART_ROWS) {
      t.postMessage({ id, part, rows: rows.slice(from, from + PART_ROWS) });
      await new Promise((next) => setImmediate(next));
    }
  t.postMessage({ id, learnAsOf: now });
  return done;
}

const PART_ROWS = 1000;
