import { describe, expect, it } from "vitest";
import { type ConversationPoint, trendOf } from "./trends.ts";

const point = (
  share: number,
  questions: number,
  extra: Partial<ConversationPoint> = {},
): ConversationPoint => ({
  conversationId: "c",
  decisionId: "d",
  decisionTitle: "Roast to order",
  happenedOn: "2026-11-20",
  sellerWordShare: share,
  sellerQuestions: questions,
  insightQuestions: 1,
  nextStepAgreed: false,
  discountOffered: false,
  ...extra,
});

describe("a seller's conversation trend", () => {
  it("compares the last N with the N before and says which way each moved", () => {
    const recent = [point(0.4, 12, { nextStepAgreed: true }), point(0.5, 10), point(0.45, 11)];
    const earlier = [point(0.7, 4), point(0.65, 5, { discountOffered: true }), point(0.75, 3)];
    const trend = trendOf([...recent, ...earlier, point(0.9, 0)], 3);
    expect(trend.recent).toMatchObject({
      conversations: 3,
      questions: 11,
      nextStepRate: 1 / 3,
      discountRate: 0,
    });
    expect(trend.earlier.conversations).toBe(3);
    expect(trend.said[0]).toBe(
      "Talked 45% of the time on average over the last 3 conversations, down from 70% in the 3 before; top performers talk about 43%.",
    );
    expect(trend.said[1]).toMatch(/^Asked 11 questions per conversation, up from 4 in the 3 before/);
    expect(trend.said[2]).toBe("Left with a next step on a specific day in 1 of 3.");
    expect(trend.points).toHaveLength(3);
  });

  it("does not call a change from too few earlier conversations a trend", () => {
    const trend = trendOf([point(0.4, 12), point(0.8, 2)], 1);
    expect(trend.said[0]).toBe(
      "Talked 40% of the time in the last conversation; top performers talk about 43%.",
    );
    expect(trend.said.at(-1)).toMatch(/^Too few earlier conversations \(1, fewer than 3\)/);
  });

  it("says so when there is nothing to show", () => {
    expect(trendOf([], 10)).toMatchObject({
      recent: { conversations: 0, talkShare: null },
      said: ["No analysed conversations yet."],
    });
  });
});
