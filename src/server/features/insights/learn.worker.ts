// The learner's thread: gathers the rows it is sent in parts, learns, and answers with the result (or the
// failure's message).
import { parentPort } from "node:worker_threads";
import type { ForecastRow, HistoryRow } from "./insights.repo.ts";
import { learn } from "./learn.ts";

type Rows = { closed: ForecastRow[]; history: HistoryRow[]; open: ForecastRow[] };
type Message =
  | { id: number; part: keyof Rows; rows: ForecastRow[] | HistoryRow[] }
  | { id: number; learnAsOf: Date };

const gathering = new Map<number, Rows>();

parentPort!.on("message", (message: Message) => {
  const rows = gathering.get(message.id) ?? { closed: [], history: [], open: [] };
  gathering.set(message.id, rows);
  if ("part" in message) {
    (rows[message.part] as unknown[]).push(...message.rows);
    return;
  }
  gathering.delete(message.id);
  try {
    const started = performance.now();
    const learning = learn(rows.closed, rows.history, rows.open, message.learnAsOf);
    parentPort!.postMessage({ id: message.id, learning: { ...learning, took: performance.now() - started } });
  } catch (error) {
    parentPort!.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
