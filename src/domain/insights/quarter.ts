// When in the quarter decisions close, and how deep the discounts are then: the quarter-end hockey stick
// and the customers it trains to wait for a promotion.
import { DAY_MS } from "../time.ts";

/** The first and the last this-many days of a quarter are compared. */
export const EDGE_DAYS = 21;

/** Where a date falls in its calendar quarter: the week (1–14) and whether in its first or last three weeks. */
export function inQuarter(iso: string) {
  const d = new Date(`${iso}T00:00:00Z`);
  const quarter = Math.floor(d.getUTCMonth() / 3);
  const start = Date.UTC(d.getUTCFullYear(), quarter * 3, 1);
  const end = Date.UTC(d.getUTCFullYear(), quarter * 3 + 3, 1);
  const day = Math.floor((d.getTime() - start) / DAY_MS);
  const left = Math.round((end - d.getTime()) / DAY_MS);
  return {
    quarter: `${d.getUTCFullYear()}-Q${quarter + 1}`,
    week: Math.floor(day / 7) + 1,
    first: day < EDGE_DAYS,
    last: left <= EDGE_DAYS,
  };
}

export interface CloseDay {
  date: string;
  closes: number;
  /** Of them, closed below list price or with an approved concession, and the mean depth of those (0–1). */
  discounted: number;
  depthSum: number;
}

/** Closes and discounts per week of the quarter, and how many times more close in its last weeks than its first. */
export function weekOfQuarter(days: CloseDay[]) {
  const weeks = Array.from({ length: 14 }, (_, i) => ({
    week: i + 1,
    closes: 0,
    discounted: 0,
    depthSum: 0,
  }));
  let first = 0;
  let last = 0;
  for (const d of days) {
    const where = inQuarter(d.date);
    const w = weeks[where.week - 1]!;
    w.closes += d.closes;
    w.discounted += d.discounted;
    w.depthSum += d.depthSum;
    if (where.first) first += d.closes;
    if (where.last) last += d.closes;
  }
  return {
    weeks: weeks.map((w) => ({
      week: w.week,
      closes: w.closes,
      discounted: w.discounted,
      meanDepth: w.discounted ? w.depthSum / w.discounted : null,
    })),
    firstWeeks: first,
    lastWeeks: last,
    ratio: first ? last / first : null,
  };
}

/** An account is "trained to wait" when most of its decided decisions closed discounted in a quarter's last weeks. */
export const TRAINED_SHARE = 0.5;
export const MIN_ACCOUNT_DECISIONS = 3;

export function trainedToWait(account: { decided: number; discountedAtQuarterEnd: number }) {
  return (
    account.decided >= MIN_ACCOUNT_DECISIONS &&
    account.discountedAtQuarterEnd / account.decided >= TRAINED_SHARE
  );
}
