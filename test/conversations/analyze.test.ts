import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  analyzeCall,
  isBackchannel,
  statementKind,
  topicOf,
} from "../../src/domain/conversations/analyze.ts";
import { readSentence } from "../../src/domain/conversations/questions.ts";
import { sentencesOf } from "../../src/domain/conversations/sentences.ts";
import { parseTranscript } from "../../src/domain/conversations/transcript.ts";

const roastery = () =>
  analyzeCall(
    parseTranscript(readFileSync(path.resolve("test/fixtures/calls/roastery.json"), "utf8")).turns,
    ["ravi shah"],
  );

describe("one call, counted by the rules", () => {
  it("counts turns, words, share and backchannels per side and person", () => {
    const a = roastery();
    expect(a.turns).toEqual({ seller: 11, customer: 13, total: 24 });
    expect(a.words.total).toBe(a.words.seller + a.words.customer);
    expect(a.wordsBySpeaker["Ravi Shah"]).toBe(a.words.seller);
    expect(a.sellerWordShare).toBe(Math.round((a.words.seller / a.words.total) * 1000) / 1000);
    expect(a.minimalBackchannelTurns).toBe(2);
    expect(a.participants).toEqual([
      { name: "Ravi Shah", side: "seller" },
      { name: "Ingrid Dahl", side: "customer" },
      { name: "Tomas Berg", side: "customer" },
    ]);
  });

  it("lists the seller's questions with their types; the audio check is not one", () => {
    const a = roastery();
    expect(a.questionsList.map((q) => [q.turn, q.type, q.hasQuestionMark])).toEqual([
      [4, "closed", true],
      [6, "open", false],
      [8, "closed", true],
      [10, "closed", true],
      [13, "closed", true],
      [15, "insight", true],
      [18, "insight", true],
      [22, "closed", true],
    ]);
    expect(a.questionsWithoutQuestionMark).toBe(1);
    expect(a.insightQuestionsSeller).toHaveLength(2);
    expect(a.callType).toBe("mixed");
  });

  it("finds the discount, the agreed next step with its owner and date, and what the customer said", () => {
    const a = roastery();
    expect(a.discountOffered).toEqual({
      offered: true,
      sentences: ["We can take ten percent off the first year if that helps the case."],
    });
    expect(a.nextStep).toMatchObject({
      agreed: true,
      owner: "Tomas Berg",
      date: "Thursday the 14th at nine",
    });
    expect(a.customerStatements.impact.map((s) => s.turn)).toEqual([9, 12]);
    expect(a.customerStatements.concern.map((s) => s.turn)).toEqual([19, 20]);
    expect(a.customerStatements.problem.map((s) => s.turn)).toEqual([7, 7, 14, 16]);
    expect(a.customerStatements.impact[1]).toMatchObject({
      speaker: "Ingrid Dahl",
      text: "And it costs us roughly 9,000 euros a month in coffee we cannot sell.",
    });
  });

  it("finds the longest monologue and the longest stretch of seller turns", () => {
    const a = roastery();
    expect(a.longestSellerMonologue.turn).toBe(4);
    expect(a.longestSellerSideStretch).toMatchObject({
      firstTurn: 21,
      lastTurn: 22,
      speakers: ["Ravi Shah"],
    });
  });
});

const read = (
  sentence: string,
  side: "seller" | "customer" = "seller",
  previousTurn?: string,
  next?: string,
) => readSentence(sentence, { side, next, previousTurn });

describe("what counts as a question", () => {
  it.each([
    ["How do new hires learn the line today?", "open"],
    ["Describe what happens when a pallet is short.", "open"],
    ["Marta, remind me how many depots you run.", "closed"],
    ["Is the audit in March or in May?", "closed"],
    ["You run two shifts, correct?", "closed"],
    ["Can I ask who signs the purchase order?", "closed"],
    ["And how many of those—", "closed"],
    ["Have you ever considered letting the drivers book their own slots?", "insight"],
    ["Why do you count stock weekly instead of on every delivery?", "insight"],
    ["Why do you think the returns doubled?", "open"],
  ])("counts %j as %s", (sentence, type) => {
    expect(read(sentence)).toMatchObject({ counted: true, type });
  });

  it.each([
    ["Hi all, how is everyone today?", "phatic"],
    ["Can you see my screen?", "phatic"],
    ["Can I ask something slightly personal?", "preface"],
    ["Pretty slick, right?", "tag"],
    ["Right?", "tag"],
    ["Who honestly likes filling in timesheets on a Friday?", "rhetorical"],
    ["What if I told you the audit could take an afternoon?", "rhetorical"],
    ["Who knows?", "idiom"],
  ])("does not count %j (%s)", (sentence, reason) => {
    expect(read(sentence)).toEqual({ counted: false, reason });
  });

  it("an echo of the other side's figure that doubts it counts; a question the speaker answers is rhetorical", () => {
    expect(
      read("Nine weeks?", "seller", "It takes nine weeks to onboard a driver.", "That is long."),
    ).toMatchObject({
      counted: true,
    });
    expect(read("And the outcome?", "seller", "We tried it last year.", "Nobody used it.")).toEqual({
      counted: false,
      reason: "rhetorical",
    });
    expect(read("So what does that come to?", "seller", undefined, "About forty hours a month.")).toEqual({
      counted: false,
      reason: "rhetorical",
    });
  });

  it("statements, announcements and reported questions are not questions", () => {
    for (const s of [
      "What we usually see is a slow first month.",
      "Let me show you how the scheduling works.",
      "Drivers keep phoning to ask where their trailer is.",
      "Twelve stores.",
    ])
      expect(read(s)).toBeNull();
  });

  it("a customer's 'what if' is an ordinary question", () => {
    expect(read("What if the pilot slips a month?", "customer")).toMatchObject({
      counted: true,
      type: "open",
    });
  });
});

describe("sentences, backchannels, statements and topics", () => {
  it("ends sentences at . ? ! and a final dash, not inside numbers or abbreviations", () => {
    expect(sentencesOf("We ship 3.5 tons a day, e.g. to Mr. Ortiz. Is that a lot? I think so— ")).toEqual([
      "We ship 3.5 tons a day, e.g. to Mr. Ortiz.",
      "Is that a lot?",
      "I think so—",
    ]);
  });

  it("a backchannel is at most three words, each a listening sound", () => {
    expect(isBackchannel("Mm-hm.")).toBe(true);
    expect(isBackchannel("Yeah, got it.")).toBe(true);
    expect(isBackchannel("Yeah, fair enough.")).toBe(false);
    expect(isBackchannel("Okay okay okay okay.")).toBe(false);
  });

  it.each([
    ["Our pickers walk eleven kilometres a shift because the layout is wrong.", "impact"],
    ["We lose about 6 percent of orders to late trucks.", "impact"],
    ["Invoices are keyed in by hand from paper.", "problem"],
    ["I'm worried the night shift will ignore a new screen.", "concern"],
    ["Procurement has to see three quotes before anything over 20,000.", "concern"],
    ["We have forty stores in the region.", null],
    ["Ideally we would close the month in three days.", null],
  ])("reads %j as %s", (sentence, kind) => {
    expect(statementKind(sentence)).toBe(kind);
  });

  it("labels a seller turn by what it is mostly about", () => {
    expect(topicOf("Our platform syncs with your ERP out of the box, and we price per site.", 0)).toBe(
      "our_product",
    );
    expect(topicOf("So if I understand, your team re-enters every order twice today?", 1)).toBe(
      "customer_problem",
    );
    expect(topicOf("How long does a changeover take on line two?", 1)).toBe("customer_problem");
    expect(topicOf("Thanks both, I'll send the invite for Monday.", 0)).toBe("other");
  });
});

describe("coaching: what to try next time, each with its figure", () => {
  it("says what prompted each note and what to try, and nothing where the call went well", async () => {
    const { coachingOf } = await import("../../src/domain/conversations/coaching.ts");
    const notes = coachingOf(roastery());
    expect(notes.map((n) => n.key)).toEqual(["few_questions", "discount"]);
    expect(notes[0]!.said).toBe("You asked 8 questions; in discovery, top performers ask 11–14.");
    const pitch = analyzeCall(
      parseTranscript(
        `Rep: ${"Our platform does everything you need and we integrate with all of it. ".repeat(20)}\nBuyer: Okay.\nRep: We can take 20 percent off this month.`,
      ).turns,
      ["Rep"],
    );
    expect(coachingOf(pitch).map((n) => n.key)).toEqual([
      "talked_most",
      "few_questions",
      "no_insight",
      "long_monologue",
      "product_talk",
      "discount",
      "no_next_step",
    ]);
  });
});
