import { describe, expect, it } from "vitest";
import { sameSentence, scoreStatements } from "./evaluation.ts";

describe("judging the analysis against a labelled call", () => {
  it("treats curly quotes, case and spacing as the same sentence, but not different words", () => {
    expect(sameSentence("We’re  losing orders.", "we're losing orders.")).toBe(true);
    expect(sameSentence("We're losing orders.", "We're losing customers.")).toBe(false);
  });

  it("counts a statement under the wrong label as both missed and extra", () => {
    const truth = {
      problem: [{ text: "Orders get lost." }],
      impact: [{ text: "It costs $4k a week." }],
      concern: [],
    };
    const ours = {
      problem: [{ text: "Orders get lost." }, { text: "It costs $4k a week." }],
      impact: [],
      concern: [],
    };
    const score = scoreStatements(truth, ours);
    expect(score).toMatchObject({ expected: 2, found: 2, hit: 1 });
    expect(score.missed).toEqual([{ label: "impact", text: "It costs $4k a week." }]);
    expect(score.extra).toEqual([{ label: "problem", text: "It costs $4k a week." }]);
  });
});
