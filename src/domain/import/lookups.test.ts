import { describe, expect, it } from "vitest";
import { ownerMatcher, productMatcher } from "./lookups.ts";

describe("ownerMatcher", () => {
  const members = [
    { id: "m1", email: "dana@example.com", name: "Dana Reyes" },
    { id: "m2", email: "lee@example.com", name: "Lee Park" },
  ];
  it("matches by email, then by name ignoring case and spacing", () => {
    const match = ownerMatcher(members);
    expect(match("DANA@example.com")).toBe("m1");
    expect(match("lee  park")).toBe("m2");
    expect(match("Someone Else")).toBeNull();
    expect(match(null)).toBeNull();
  });
  it("uses the owners the user mapped", () => {
    const match = ownerMatcher(members, {
      "005x0000000fNSiAAM": "lee@example.com",
      "Moses Frase": "Dana Reyes",
    });
    expect(match("005x0000000fNSiAAM")).toBe("m2");
    expect(match("moses frase")).toBe("m1");
  });
});

describe("productMatcher", () => {
  it("keeps the product list's spelling and says when the export differs", () => {
    const match = productMatcher(["GTX Pro", "MG Special"]);
    expect(match("GTX Pro")).toEqual({ name: "GTX Pro", warning: null });
    expect(match("GTXPro").name).toBe("GTX Pro");
    expect(match("GTXPro").warning).toContain("written “GTX Pro”");
    expect(match("Zeta").warning).toContain("not in the product list");
  });
  it("accepts any product when there is no list", () => {
    expect(productMatcher([])("GTXPro")).toEqual({ name: "GTXPro", warning: null });
  });
});
