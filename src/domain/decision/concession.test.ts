import { describe, expect, it } from "vitest";
import { approverFor, concessionDepth, DEFAULT_CONCESSION_POLICY } from "./concession.ts";

describe("a concession's depth and approver", () => {
  it.each([
    [{ amount: null, percent: 10 }, null, 0.1],
    [{ amount: 20_000, percent: null }, 80_000, 0.2],
    [{ amount: 20_000, percent: null }, null, null],
  ])("%o on a value of %s is %s off", (c, value, depth) => {
    expect(concessionDepth(c, value)).toBe(depth);
  });

  it.each([
    [0, "seller"],
    [0.05, "manager"],
    [0.15, "manager"],
    [0.16, "admin"],
    [null, "admin"],
  ] as const)("%s off is approved by the %s under the default policy", (depth, approver) => {
    expect(approverFor(depth, DEFAULT_CONCESSION_POLICY).approver).toBe(approver);
  });

  it("says why in words", () => {
    expect(approverFor(0.2, DEFAULT_CONCESSION_POLICY).why).toBe(
      "20% off is deeper than the 15% a manager approves: an admin decides.",
    );
    expect(approverFor(0.05, { concessionSellerMaxPercent: 5, concessionManagerMaxPercent: 20 }).why).toBe(
      "5% off is within the 5% a seller approves.",
    );
  });
});
