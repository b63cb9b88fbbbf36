import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectDateOrder, neutralizeCell, parseAmount, parseDate } from "./values.ts";

describe("parseAmount", () => {
  it.each([
    ["1,234.56", 1234.56, null],
    ["1.234,56 €", 1234.56, "EUR"],
    ["$2M", 2_000_000, "USD"],
    ["40k", 40_000, null],
    ["£1,200", 1200, "GBP"],
    ["(1,200)", -1200, null],
    ["1234,5", 1234.5, null],
    ["1,234", 1234, null],
    ["USD 450000", 450_000, "USD"],
    ["R$ 1.500,00", 1500, "BRL"],
  ])("%s → %d %s", (raw, value, currency) => {
    expect(parseAmount(raw)).toEqual({ value, currency });
  });

  it.each(["", "abc", "12/03/2024", "1,2,3.4.5x"])("%s is not an amount", (raw) => {
    expect(parseAmount(raw)).toBeNull();
  });

  it("reads back any whole amount it would write with thousands separators", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (n) => {
        expect(parseAmount(n.toLocaleString("en-US"))?.value).toBe(n);
        expect(parseAmount(`${n.toLocaleString("de-DE")},00 €`)?.value).toBe(n);
      }),
    );
  });
});

describe("dates", () => {
  it.each([
    ["2024-03-01", "MDY", "2024-03-01"],
    ["2017-03-01T10:00:00.000Z", "DMY", "2017-03-01"],
    ["03/01/2024", "MDY", "2024-03-01"],
    ["03/01/2024", "DMY", "2024-01-03"],
    ["25-12-2017 14:30", "DMY", "2017-12-25"],
    ["2002/1/16", "MDY", "2002-01-16"],
    ["11/20/2026 9:14 AM", "MDY", "2026-11-20"],
    ["Mar 15, 2026", "DMY", "2026-03-15"],
    ["15 Mar 2026", "MDY", "2026-03-15"],
    ["15-Mar-2026", "YMD", "2026-03-15"],
    ["September 1, 2026 10:00 AM", "MDY", "2026-09-01"],
  ] as const)("%s read as %s → %s", (raw, order, date) => {
    expect(parseDate(raw, order)).toEqual({ date });
  });

  it("refuses a date that does not exist, saying which reading it tried", () => {
    expect(parseDate("31/02/2024", "DMY")).toEqual({
      error: '"31/02/2024" is not a real date (day/month/year)',
    });
    expect(parseDate("soon", "MDY")).toEqual({ error: '"soon" is not a date' });
    expect(parseDate("Foo 15, 2026", "MDY")).toEqual({ error: '"Foo 15, 2026" is not a date' });
  });

  it("detects the order of a column, and refuses an ambiguous one", () => {
    expect(detectDateOrder(["05-12-2017", "25-12-2017"])).toEqual({ order: "DMY" });
    expect(detectDateOrder(["12/25/2017", "01/02/2018"])).toEqual({ order: "MDY" });
    expect(detectDateOrder(["2017-03-01", ""])).toEqual({ order: "YMD" });
    expect(detectDateOrder(["01/02/2018", "03/04/2018"])).toMatchObject({
      error: expect.stringContaining("--date-format"),
    });
    expect(detectDateOrder(["13/01/2018", "01/13/2018"])).toMatchObject({
      error: expect.stringContaining("mixes"),
    });
  });
});

describe("neutralizeCell", () => {
  it.each([
    "=SUM(A1)",
    "+1",
    "-2",
    "@cmd",
    "\tx",
    "\rx",
    "\nx",
    ' =HYPERLINK("http://x")',
    "\n=1+1",
    "\u00A0@SUM(1)",
    "\uFF1DSUM(A1)",
    " \uFF0B1",
    "\u3000\uFF20cmd",
  ])("%j is kept as text", (value) => {
    expect(neutralizeCell(value)).toBe(`'${value}`);
  });
  it("leaves ordinary text alone", () => {
    expect(neutralizeCell("Close the books")).toBe("Close the books");
    expect(neutralizeCell(" Close = open")).toBe(" Close = open");
  });
});
