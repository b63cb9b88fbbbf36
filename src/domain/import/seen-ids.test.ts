import { describe, expect, it } from "vitest";
import { SeenIds } from "./seen-ids.ts";

describe("SeenIds", () => {
  it("answers the first row of an id seen before, and null for a new one", () => {
    const seen = new SeenIds();
    expect(seen.firstRow("006A1", 2)).toBeNull();
    expect(seen.firstRow("006A2", 3)).toBeNull();
    expect(seen.firstRow("006A1", 9)).toBe(2);
    expect(seen.firstRow("006a1", 10)).toBeNull();
  });

  it("keeps every id through growth, with no false duplicates among 300,000 similar ids", () => {
    const seen = new SeenIds();
    let duplicates = 0;
    for (let i = 0; i < 300_000; i++) if (seen.firstRow(`opportunity:OPP${i}`, i + 2) !== null) duplicates++;
    expect(duplicates).toBe(0);
    expect(seen.firstRow("opportunity:OPP123456", 1)).toBe(123_458);
    expect(seen.firstRow("opportunity:OPP0", 1)).toBe(2);
  });
});
