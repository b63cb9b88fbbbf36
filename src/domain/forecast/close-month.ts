// When an open decision is expected to close: the customer's own date when it is still ahead; otherwise how
// much longer decisions of this workspace that were open as long took to close.
import { DAY_MS } from "../time.ts";

const month = (date: Date) => date.toISOString().slice(0, 7);

/** The first index of a sorted list whose value is above `value`. */
function firstAbove(sorted: readonly number[], value: number) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function expectedClose(
  decision: { targetDate: string | null; ageDays: number },
  /** Days from opening to closing of the workspace's closed decisions, shortest first. */
  cycles: readonly number[],
  today: Date,
): { month: string; why: string } {
  const todayIso = today.toISOString().slice(0, 10);
  if (decision.targetDate && decision.targetDate >= todayIso)
    return { month: decision.targetDate.slice(0, 7), why: `Their target date, ${decision.targetDate}.` };
  const from = firstAbove(cycles, decision.ageDays);
  const longer = cycles.length - from;
  if (longer >= 5) {
    const median = cycles[from + Math.floor(longer / 2)]!;
    const remaining = Math.max(1, median - decision.ageDays);
    return {
      month: month(new Date(today.getTime() + remaining * DAY_MS)),
      why: `Decisions here that were still open after ${decision.ageDays} days closed about ${Math.round(remaining)} days later (median of ${longer}).`,
    };
  }
  const why = decision.targetDate
    ? `Their target date ${decision.targetDate} has passed and few decisions here stayed open this long: expected next month at the earliest.`
    : "No target date and too little history to say: expected next month at the earliest.";
  return { month: month(new Date(today.getTime() + 30 * DAY_MS)), why };
}
