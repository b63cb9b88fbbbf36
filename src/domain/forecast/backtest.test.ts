import { describe, expect, it } from "vitest";
import { mavenBacktest, type PipelineDeal, wonWithin } from "./backtest.ts";

const deal = (id: string, engage: string, close: string | null, stage: string): PipelineDeal => ({
  id,
  agent: "Ann",
  product: "GTX",
  account: "Acme",
  stage,
  engage,
  close,
  value: stage === "Won" ? 1000 : null,
});
const context = { listPrice: new Map([["GTX", 1000]]), sector: new Map(), team: new Map() };

describe("replaying a pipeline without leakage", () => {
  it("expects nothing from a deal older than any deal seen to close, and the share won in the window otherwise", () => {
    const known = Array.from({ length: 40 }, (_, i) => ({
      engage: "2016-01-01",
      closedBy: i < 20 ? "2016-02-15" : null,
      won: i < 10,
    }));
    // At 30 days old, 40 deals were still open; 10 of them were won by day 30 + 60.
    expect(wonWithin(known, "2017-01-01", 30, 60)).toBe(10 / 40);
    // At 100 days old, the 20 still open never closed: stale.
    expect(wonWithin(known, "2017-01-01", 100, 60)).toBe(0);
  });

  it("learns at each snapshot only from deals closed before it", () => {
    // Before April every closed deal was lost; everything after was won. A leak would lift April's rate.
    const deals = [
      ...Array.from({ length: 30 }, (_, i) => deal(`L${i}`, "2017-01-01", "2017-03-15", "Lost")),
      ...Array.from({ length: 30 }, (_, i) => deal(`W${i}`, "2017-03-20", "2017-04-20", "Won")),
    ];
    const report = mavenBacktest(deals, context);
    expect(report.notes[0]).toMatch(/^2017-04-01: 30 closed before, win rate 0\.0%/);
    expect(report.n).toBeGreaterThan(0);
  });
});
