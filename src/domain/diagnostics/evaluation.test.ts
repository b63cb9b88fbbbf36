import { describe, expect, it } from "vitest";
import { evaluate, type Scored } from "./evaluation.ts";
import { keywordBaseline } from "./keyword-baseline.ts";

const row = (
  label: Scored["label"],
  reason: Scored["reason"],
  predictedLabel: Scored["label"],
  predictedReason: Scored["reason"],
): Scored => ({
  label,
  reason,
  predictedLabel,
  predictedReason,
});

describe("evaluate", () => {
  it("computes needs-work precision, recall and F1, accuracies and the confusion matrix", () => {
    const result = evaluate([
      row("seller", "our_loss", "seller", "our_loss"), // true positive, reason right
      row("seller", "discount_reflex", "seller", "our_process"), // true positive, reason wrong
      row("vague", "vague", "customer", null), // false negative
      row("customer", null, "vague", "vague"), // false positive
      row("customer", null, "customer", null), // true negative
    ]);
    expect(result.needsWork.precision).toBeCloseTo(2 / 3);
    expect(result.needsWork.recall).toBeCloseTo(2 / 3);
    expect(result.needsWork.f1).toBeCloseTo(2 / 3);
    expect(result.labelAccuracy).toBeCloseTo(3 / 5);
    expect(result.reasonAccuracy).toBeCloseTo(2 / 5);
    expect(result.perLabel.customer).toEqual({ count: 2, accuracy: 0.5 });
    expect(result.perReason.discount_reflex).toEqual({ count: 1, accuracy: 0 });
    expect(result.confusion.vague.customer).toBe(1);
    expect(result.confusion.seller.seller).toBe(2);
  });

  it("gives zeros, not NaN, for an empty set", () => {
    const result = evaluate([]);
    expect(result.needsWork.f1).toBe(0);
    expect(result.labelAccuracy).toBe(0);
  });
});

describe("keyword baseline", () => {
  it.each([
    ["Offered a discount to close", "seller", "discount_reflex"],
    ["They came to our webinar", "seller", "inbound_interest"],
    ["Efficiency", "vague", "vague"],
    ["Claim denials at 12% versus a 5% benchmark, mostly coding errors", "customer", null],
  ])("%s → %s", (answer, label, reason) => {
    expect(keywordBaseline(answer)).toEqual({ label, reason });
  });
});
