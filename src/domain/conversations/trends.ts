// How a seller's conversations are going over their last N, beside the N before: talk share, questions,
// insight questions, dated next steps and discounts — each said in words, with the counts behind it.
import { NORMS, pct } from "./coaching.ts";

export interface ConversationPoint {
  conversationId: string;
  decisionId: string;
  decisionTitle: string;
  happenedOn: string;
  sellerWordShare: number;
  sellerQuestions: number;
  insightQuestions: number;
  nextStepAgreed: boolean;
  discountOffered: boolean;
}

export interface TrendFigures {
  conversations: number;
  /** Averages per conversation; null when there are none. */
  talkShare: number | null;
  questions: number | null;
  insightQuestions: number | null;
  /** Shares of the conversations (0–1). */
  nextStepRate: number | null;
  discountRate: number | null;
}

export interface Trend {
  recent: TrendFigures;
  earlier: TrendFigures;
  /** The recent conversations, newest first. */
  points: ConversationPoint[];
  said: string[];
}

/** Fewer earlier conversations than this and a change says more about one call than about a habit. */
export const TREND_MINIMUM = 3;

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

export function figuresOf(points: ConversationPoint[]): TrendFigures {
  return {
    conversations: points.length,
    talkShare: mean(points.map((p) => p.sellerWordShare)),
    questions: mean(points.map((p) => p.sellerQuestions)),
    insightQuestions: mean(points.map((p) => p.insightQuestions)),
    nextStepRate: mean(points.map((p) => (p.nextStepAgreed ? 1 : 0))),
    discountRate: mean(points.map((p) => (p.discountOffered ? 1 : 0))),
  };
}

/** An average to one decimal, as the trend says it ("7.7 questions"). */
export const oneDecimal = (x: number) => (Math.round(x * 10) / 10).toString();

/** "up from 8 in the 10 before", or nothing when the earlier conversations are too few to compare. */
function versus(recent: number, earlier: number | null, shown: (x: number) => string, n: number) {
  if (earlier === null || n < TREND_MINIMUM) return "";
  const same = shown(recent) === shown(earlier);
  return same
    ? `, as in the ${n} before`
    : `, ${recent > earlier ? "up" : "down"} from ${shown(earlier)} in the ${n} before`;
}

/** The trend over the last `last` conversations (points newest first) against the `last` before them. */
export function trendOf(points: ConversationPoint[], last: number): Trend {
  const recentPoints = points.slice(0, last);
  const earlierPoints = points.slice(last, last * 2);
  const recent = figuresOf(recentPoints);
  const earlier = figuresOf(earlierPoints);
  const n = recent.conversations;
  const m = earlier.conversations;
  const said: string[] = [];
  if (!n) return { recent, earlier, points: recentPoints, said: ["No analysed conversations yet."] };
  const over = n === 1 ? "in the last conversation" : `on average over the last ${n} conversations`;
  said.push(
    `Talked ${pct(recent.talkShare!)} of the time ${over}${versus(recent.talkShare!, earlier.talkShare, pct, m)}; top performers talk about ${pct(NORMS.talkShare)}.`,
  );
  said.push(
    `Asked ${oneDecimal(recent.questions!)} questions per conversation${versus(recent.questions!, earlier.questions, oneDecimal, m)} (${NORMS.questionsLow}–${NORMS.questionsHigh} is typical in discovery), ${oneDecimal(recent.insightQuestions!)} of them insight questions.`,
  );
  const agreed = recentPoints.filter((p) => p.nextStepAgreed).length;
  said.push(`Left with a next step on a specific day in ${agreed} of ${n}.`);
  const discounted = recentPoints.filter((p) => p.discountOffered).length;
  if (discounted) said.push(`Offered a discount in ${discounted} of ${n}.`);
  if (m < TREND_MINIMUM)
    said.push(
      `Too few earlier conversations (${m}, fewer than ${TREND_MINIMUM}) to say whether this is changing.`,
    );
  return { recent, earlier, points: recentPoints, said };
}
