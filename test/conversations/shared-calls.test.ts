import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCall } from "../../src/domain/conversations/analyze.ts";
import { decodeTranscript } from "../../src/domain/conversations/decode.ts";
import { scoreStatements } from "../../src/domain/conversations/evaluation.ts";
import { parseTranscript } from "../../src/domain/conversations/transcript.ts";
import { sharedData } from "../shared-data.ts";

const shared = sharedData("eval");

interface Truth {
  files: string[];
  participants: { name: string; side: string }[];
  turns: unknown;
  words: unknown;
  seller_word_share: number;
  questions: { seller: number };
  insight_questions_seller: string[];
  next_step: { agreed: boolean };
  discount_offered: { offered: boolean };
  call_type: string;
  customer_statements: Record<"problem" | "impact" | "concern", { text: string }[]>;
}

/** The targets of the conversations work on every labelled call, in every format it comes in. */
describe.skipIf(!shared.present)("the shared labelled calls, analysed by the rules", () => {
  const dir = shared.file("calls");
  const truths = shared.present
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".truth.json"))
        .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Truth)
    : [];
  const runs = truths.flatMap((truth) =>
    truth.files.map((file) => {
      const sellers = truth.participants.filter((p) => p.side === "seller").map((p) => p.name);
      const turns = parseTranscript(decodeTranscript(readFileSync(path.join(dir, file))).text).turns;
      return { file, truth, ours: analyzeCall(turns, sellers) };
    }),
  );

  it("reads every call in every format with turns and words per side exact, and the share within 0.005", () => {
    expect(runs.length).toBeGreaterThanOrEqual(10);
    for (const { file, truth, ours } of runs) {
      expect({ file, turns: ours.turns, words: ours.words }).toEqual({
        file,
        turns: truth.turns,
        words: truth.words,
      });
      expect(Math.abs(ours.sellerWordShare - truth.seller_word_share)).toBeLessThanOrEqual(0.005);
    }
  });

  it("gets the next step, the discount, the call type and the insight questions (±1) right", () => {
    for (const { file, truth, ours } of runs) {
      expect({
        file,
        next: ours.nextStep.agreed,
        discount: ours.discountOffered.offered,
        type: ours.callType,
      }).toEqual({
        file,
        next: truth.next_step.agreed,
        discount: truth.discount_offered.offered,
        type: truth.call_type,
      });
      expect(
        Math.abs(ours.insightQuestionsSeller.length - truth.insight_questions_seller.length),
      ).toBeLessThanOrEqual(1);
    }
  });

  it("counts the sellers' questions within 15% pooled, and finds customer statements at precision and recall ≥ 0.6", () => {
    const pooled = { ours: 0, truth: 0, found: 0, expected: 0, hit: 0 };
    for (const { truth, ours } of runs) {
      pooled.ours += ours.questions.seller;
      pooled.truth += truth.questions.seller;
      const score = scoreStatements(truth.customer_statements, ours.customerStatements);
      pooled.expected += score.expected;
      pooled.found += score.found;
      pooled.hit += score.hit;
    }
    expect(Math.abs(pooled.ours - pooled.truth) / pooled.truth).toBeLessThanOrEqual(0.15);
    expect(pooled.hit / pooled.found).toBeGreaterThanOrEqual(0.6);
    expect(pooled.hit / pooled.expected).toBeGreaterThanOrEqual(0.6);
  });
});
