/**
 * Fixed-window counters that slow down guessing (room links, sign-in): per client address, per link. In memory,
 * per process; several app servers each count on their own, which still bounds guessing.
 */
export class WindowCounter {
  private readonly counts = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; false when the key is over its limit in the current window. */
  allow(key: string, now = Date.now()): boolean {
    const entry = this.counts.get(key);
    if (!entry || now - entry.start >= this.windowMs) {
      if (this.counts.size > 50_000) this.counts.clear();
      this.counts.set(key, { start: now, count: 1 });
      return true;
    }
    entry.count++;
    return entry.count <= this.limit;
  }
}
