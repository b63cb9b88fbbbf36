import { describe, expect, it } from "vitest";
import { strongDecision } from "../readiness/fixtures.ts";
import { commitBlockers } from "./commit-guard.ts";
import { compareReviews } from "./compare.ts";
import { prefillAnswers } from "./prefill.ts";
import { type QueueFacts, riskOf, upperQuartile } from "./queue.ts";

const today = new Date("2026-03-01T00:00:00Z");

describe("prefill", () => {
  it("starts every answer from the decision record", () => {
    const answers = prefillAnswers(strongDecision(), "USD", today);
    expect(answers.problem).toMatch(/^Month-end close takes 12 days.*\(In the words of Dana Lee\.\)/);
    expect(answers.impact).toMatch(/Doing nothing costs about \$40,000 a month\..*Confirmed by Dana Lee\./);
    expect(answers.why_change).toMatch(/New CFO promised the board.*Date: 2026-06-30\./);
    expect(answers.worries).toContain("Close gets worse during cutover (personal)");
    expect(answers.consensus).toContain("Dana Lee (economic buyer): supports the problem.");
    expect(answers.confidence).toBe(
      "Our estimate: problem 5/5, solution 4/5, risks 4/5, me 4/5, agreement 4/5.",
    );
  });

  it("leaves a question empty when the record says nothing", () => {
    const facts = { ...strongDecision(), concerns: [], sellerConfidence: {} };
    const answers = prefillAnswers(facts, "USD", today);
    expect(answers.worries).toBe("");
    expect(answers.confidence).toBe("");
  });
});

const calm: QueueFacts = {
  readiness: 80,
  readinessAtLastReview: 80,
  valueAmount: 10_000_00,
  largeValue: 100_000_00,
  currency: "USD",
  targetDate: "2026-09-01",
  openSevereConcerns: 0,
  flaggedAnswers: [],
  hasBuyerCheckIn: true,
  daysSinceLearned: 2,
  reviewed: true,
};

describe("risk of no decision", () => {
  it("a well-understood, recently worked decision has no risk", () => {
    expect(riskOf(calm, today)).toEqual({ score: 0, reasons: [] });
  });

  it.each([
    [{ readiness: 25, readinessAtLastReview: 25 }, 30, "Readiness is low: 25 of 100."],
    [{ readiness: 50, readinessAtLastReview: 50 }, 15, "Readiness is middling: 50 of 100."],
    [{ readiness: 72, readinessAtLastReview: 85 }, 20, "Readiness fell from 85 to 72 since the last review."],
    [{ valueAmount: 200_000_00 }, 15, "One of the larger decisions ($200,000)."],
    [{ targetDate: "2026-03-13" }, 20, "The customer wants to decide in 12 days."],
    [{ targetDate: "2026-02-24" }, 25, "The customer's target date passed 5 days ago."],
    [{ openSevereConcerns: 1 }, 10, "1 open high-severity concern without a response."],
    [
      { flaggedAnswers: [{ question: "impact", label: "seller" }] },
      10,
      "In the last review, the answer on what happens if they don't act was about us, not the customer.",
    ],
    [{ hasBuyerCheckIn: false }, 10, "No buyer has confirmed their confidence yet."],
    [
      { confidenceDrop: { name: "Dana Lee", previous: 4.2, latest: 3.1 } },
      15,
      "Dana Lee's confidence is falling (4.2 → 3.1 of 5 in their own check-ins).",
    ],
    [{ daysSinceLearned: 21 }, 15, "Nothing new learned about the customer in 21 days."],
    [{ reviewed: false, readinessAtLastReview: null }, 5, "Never reviewed."],
  ] as [Partial<QueueFacts>, number, string][])("%o adds %i: %s", (change, points, reason) => {
    expect(riskOf({ ...calm, ...change }, today)).toEqual({ score: points, reasons: [reason] });
  });

  it("the upper quartile marks the larger decisions", () => {
    expect(upperQuartile([1, 2, 3, 4, 5, 6, 7, 8])).toBe(7);
    expect(upperQuartile([])).toBe(0);
  });
});

describe("comparing reviews", () => {
  it("says per question what improved, regressed or stayed", () => {
    const result = compareReviews(
      [
        { question: "problem", answer: "They need a CRM", label: "seller" },
        { question: "impact", answer: "$40k a month", label: "customer" },
      ],
      [
        { question: "problem", answer: "Reps rekey orders twice", label: "customer" },
        { question: "impact", answer: "Not sure", label: "vague" },
        { question: "worries", answer: "", label: "vague" },
      ],
    );
    expect(result.map((r) => r.change)).toEqual(["improved", "regressed", "unanswered"]);
  });

  it("an empty answer is unanswered, never an improvement on a seller-centric one", () => {
    const result = compareReviews(
      [
        { question: "problem", answer: "They need a CRM", label: "seller" },
        { question: "impact", answer: "", label: "vague" },
      ],
      [
        { question: "problem", answer: "  ", label: "vague" },
        { question: "impact", answer: "Rework costs $40k a month, per their controller", label: "customer" },
      ],
    );
    expect(result.map((r) => r.change)).toEqual(["unanswered", "new"]);
  });
});

describe("commit guard", () => {
  it("blocks commit on a seller-centric or vague problem, impact or why-change answer, and says which", () => {
    const blockers = commitBlockers(
      [
        {
          question: "impact",
          label: "seller",
          reason: "our_loss",
          explanation: "It describes what we would lose.",
        },
        { question: "worries", label: "vague", reason: "vague", explanation: "Too general." },
        { question: "problem", label: "customer", reason: null, explanation: "ok" },
      ],
      { readiness: 80, missing: [] },
    );
    expect(blockers).toEqual(["The impact answer is seller-centric: It describes what we would lose."]);
  });

  it("blocks commit on missing customer evidence even when no one reviewed the decision, and names each piece", () => {
    expect(
      commitBlockers([], {
        readiness: 12,
        missing: ["the economic buyer, identified", "the customer's target decision date"],
      }),
    ).toEqual([
      "Missing from the customer (readiness 12 of 100): the economic buyer, identified.",
      "Missing from the customer (readiness 12 of 100): the customer's target decision date.",
    ]);
  });
});
