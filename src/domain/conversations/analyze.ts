import {
  ACCEPTS,
  CONSEQUENCE,
  CONSTRAINT,
  DECLINES,
  DISCOUNT,
  FORWARD_ACTION,
  HOUSEKEEPING,
  ON_CONDITION,
  PLAYBACK,
  PROBLEM,
  PROBLEM_HINT,
  PRODUCT,
  QUANTITY,
  SPECIFIC_DAY,
  UNIT,
  VAGUE_DATE,
  WISH,
  WORRY,
} from "./lexicon.ts";
import { type QuestionType, readSentence, rephrases } from "./questions.ts";
import { sentencesOf, tokensOf, wordCount } from "./sentences.ts";
import type { Turn } from "./transcript.ts";

/**
 * The analysis of one conversation by the counting rules (docs/conversations.md): who talked how much, what
 * was asked and how, what the seller talked about, whether a discount was offered and a next step agreed, and
 * what the customer said about their problem, its cost and their concerns — each with the exact sentence,
 * speaker and turn. Pure: turns and the seller side in, figures out.
 */

export type Side = "seller" | "customer";

export interface Question {
  turn: number;
  speaker: string;
  side: Side;
  type: QuestionType;
  text: string;
  hasQuestionMark: boolean;
}

export interface Statement {
  turn: number;
  speaker: string;
  text: string;
  /** Seconds from the start, where the transcript is timed. */
  at: number | null;
}

export type Topic = "customer_problem" | "our_product" | "other";

export interface CallAnalysis {
  participants: { name: string; side: Side }[];
  turns: { seller: number; customer: number; total: number };
  turnsBySpeaker: Record<string, number>;
  words: { seller: number; customer: number; total: number };
  wordsBySpeaker: Record<string, number>;
  sellerWordShare: number;
  minimalBackchannelTurns: number;
  questions: { seller: number; customer: number; total: number; bySpeaker: Record<string, number> };
  questionsWithoutQuestionMark: number;
  questionTypes: Record<Side, Record<QuestionType, number>>;
  insightQuestionsSeller: string[];
  questionsList: Question[];
  longestSellerMonologue: { words: number; speaker: string | null; turn: number | null };
  longestSellerSideStretch: {
    words: number;
    firstTurn: number | null;
    lastTurn: number | null;
    speakers: string[];
  };
  sellerTalkTopics: { words: Record<Topic, number>; customerProblemShare: number; ourProductShare: number };
  sellerTurnTopics: { turn: number; speaker: string; topic: Topic; words: number }[];
  discountOffered: { offered: boolean; sentences: string[] };
  nextStep: { agreed: boolean; owner: string | null; date: string | null; sentences: string[] };
  customerStatements: Record<"problem" | "impact" | "concern", Statement[]>;
  callType: "pitch" | "discovery" | "mixed";
}

const BACKCHANNEL = new Set([
  "yeah",
  "yes",
  "yep",
  "right",
  "mm-hm",
  "uh-huh",
  "okay",
  "ok",
  "sure",
  "hm",
  "hmm",
  "got",
  "it",
  "exactly",
  "totally",
]);

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const share = (part: number, whole: number) => (whole ? round3(part / whole) : 0);

export function isBackchannel(text: string, words = wordCount(text)) {
  if (words > 3) return false;
  const tokens = tokensOf(text.toLowerCase()).map((t) => t.replace(/[.,!?;:…]+$/, ""));
  return tokens.length > 0 && tokens.length <= 3 && tokens.every((t) => BACKCHANNEL.has(t));
}

/** `sellers`: the names on the seller side (case ignored); everyone else is the customer. */
export function analyzeCall(turns: Turn[], sellers: Iterable<string>): CallAnalysis {
  const sellerNames = new Set([...sellers].map((s) => s.trim().toLowerCase()));
  const sideOf = (speaker: string): Side => (sellerNames.has(speaker.toLowerCase()) ? "seller" : "customer");
  // Built field by field: spreading each turn costs more than reading it (V8 copies generically).
  const read: ReadTurn[] = turns.map((t) => ({
    turn: t.turn,
    speaker: t.speaker,
    text: t.text,
    start: t.start,
    end: t.end,
    line: t.line,
    side: sideOf(t.speaker),
    sentences: sentencesOf(t.text),
    words: wordCount(t.text),
  }));
  const participants: CallAnalysis["participants"] = [];
  for (const t of turns)
    if (!participants.some((p) => p.name === t.speaker))
      participants.push({ name: t.speaker, side: sideOf(t.speaker) });

  const turnsBySpeaker = Object.fromEntries(participants.map((p) => [p.name, 0]));
  const wordsBySpeaker = Object.fromEntries(participants.map((p) => [p.name, 0]));
  const count = { seller: 0, customer: 0 };
  const words = { seller: 0, customer: 0 };
  let backchannels = 0;
  for (const t of read) {
    const side = t.side;
    const n = t.words;
    turnsBySpeaker[t.speaker]!++;
    wordsBySpeaker[t.speaker]! += n;
    count[side]++;
    words[side] += n;
    if (isBackchannel(t.text, n)) backchannels++;
  }

  const questionsList = questionsOf(read);
  const bySpeaker = Object.fromEntries(participants.map((p) => [p.name, 0]));
  const questionTypes = {
    seller: { open: 0, closed: 0, insight: 0 },
    customer: { open: 0, closed: 0, insight: 0 },
  };
  for (const q of questionsList) {
    bySpeaker[q.speaker]!++;
    questionTypes[q.side][q.type]++;
  }
  const sellerQuestions = questionsList.filter((q) => q.side === "seller").length;
  const sellerWordShare = share(words.seller, words.seller + words.customer);
  const topics = topicsOf(read, questionsList);

  return {
    participants,
    turns: { ...count, total: turns.length },
    turnsBySpeaker,
    words: { ...words, total: words.seller + words.customer },
    wordsBySpeaker,
    sellerWordShare,
    minimalBackchannelTurns: backchannels,
    questions: {
      seller: sellerQuestions,
      customer: questionsList.length - sellerQuestions,
      total: questionsList.length,
      bySpeaker,
    },
    questionsWithoutQuestionMark: questionsList.filter((q) => !q.hasQuestionMark).length,
    questionTypes,
    insightQuestionsSeller: questionsList
      .filter((q) => q.side === "seller" && q.type === "insight")
      .map((q) => q.text),
    questionsList,
    longestSellerMonologue: longestMonologue(read),
    longestSellerSideStretch: longestStretch(read),
    ...topics,
    discountOffered: discountOf(read),
    nextStep: nextStepOf(read),
    customerStatements: statementsOf(read),
    callType:
      sellerWordShare >= 0.7 && sellerQuestions < 8
        ? "pitch"
        : sellerWordShare <= 0.5 && sellerQuestions >= 10
          ? "discovery"
          : "mixed",
  };
}

/** A turn read once: its side, sentences and word count, which every part of the analysis uses. */
interface ReadTurn extends Turn {
  side: Side;
  sentences: string[];
  words: number;
}

function questionsOf(turns: ReadTurn[]): Question[] {
  const out: Question[] = [];
  // What someone else said last, carried along (a speaker's own turns in a row keep it): one pass for echoes.
  let previousTurn: string | undefined;
  turns.forEach((t, index) => {
    const side = t.side;
    const before = turns[index - 1];
    if (before && before.speaker !== t.speaker) previousTurn = before.text;
    const sentences = t.sentences;
    for (let i = 0; i < sentences.length; i++) {
      const reading = readSentence(sentences[i]!, { side, next: sentences[i + 1], previousTurn });
      if (!reading?.counted) continue;
      let text = sentences[i]!;
      // The same question asked again in other words at once counts once, with both sentences.
      const next = sentences[i + 1];
      if (
        next &&
        rephrases(next) &&
        readSentence(next, { side, next: sentences[i + 2], previousTurn })?.counted
      ) {
        text = `${text} ${next}`;
        i++;
      }
      out.push({
        turn: t.turn,
        speaker: t.speaker,
        side,
        type: reading.type,
        text,
        hasQuestionMark: reading.hasQuestionMark,
      });
    }
  });
  return out;
}

function longestMonologue(turns: ReadTurn[]): CallAnalysis["longestSellerMonologue"] {
  let best: CallAnalysis["longestSellerMonologue"] = { words: 0, speaker: null, turn: null };
  for (const t of turns) {
    const n = t.words;
    if (t.side === "seller" && n > best.words) best = { words: n, speaker: t.speaker, turn: t.turn };
  }
  return best;
}

function longestStretch(turns: ReadTurn[]): CallAnalysis["longestSellerSideStretch"] {
  let best: CallAnalysis["longestSellerSideStretch"] = {
    words: 0,
    firstTurn: null,
    lastTurn: null,
    speakers: [],
  };
  let run: ReadTurn[] = [];
  const close = () => {
    const n = run.reduce((sum, t) => sum + t.words, 0);
    if (run.length && n > best.words)
      best = {
        words: n,
        firstTurn: run[0]!.turn,
        lastTurn: run.at(-1)!.turn,
        speakers: [...new Set(run.map((t) => t.speaker))],
      };
    run = [];
  };
  for (const t of turns) {
    if (t.side === "seller") run.push(t);
    else close();
  }
  close();
  return best;
}

const globally = (pattern: RegExp) => new RegExp(pattern.source, "gi");
const OUR_WORDS = /\b(?:we|we've|we're|we'll|our|ours|us)\b/gi;
const THEIR_WORDS = /\b(?:your|you're|you've)\b/gi;
const PRODUCT_ALL = globally(PRODUCT);
const PLAYBACK_ALL = globally(PLAYBACK);
const HOUSEKEEPING_ALL = globally(HOUSEKEEPING);
const matches = (pattern: RegExp, text: string) => text.match(pattern)?.length ?? 0;

/**
 * One label per seller turn for its main content, by which kind of words dominate it: our product (we, our,
 * features, pricing), the customer's situation (played back to them, or asked about: each real question
 * counts, `asked` of them in this turn), or housekeeping (greetings, agenda, logistics, next steps).
 */
export function topicOf(text: string, asked: number, words = wordCount(text)): Topic {
  const lower = text.toLowerCase();
  const ours = matches(OUR_WORDS, lower) + 2 * matches(PRODUCT_ALL, lower);
  const theirs = 2 * matches(PLAYBACK_ALL, lower) + matches(THEIR_WORDS, lower) + 3 * asked;
  const housekeeping = 2 * matches(HOUSEKEEPING_ALL, lower) + (words <= 15 ? 1 : 0);
  const scores: [Topic, number][] = [
    ["our_product", ours],
    ["customer_problem", theirs],
    ["other", housekeeping],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  return scores[0]![1] > 0 ? scores[0]![0] : "other";
}

function topicsOf(turns: ReadTurn[], questions: Question[]) {
  const asked = new Map<number, number>();
  for (const q of questions) asked.set(q.turn, (asked.get(q.turn) ?? 0) + 1);
  const sellerTurnTopics = turns
    .filter((t) => t.side === "seller")
    .map((t) => ({
      turn: t.turn,
      speaker: t.speaker,
      topic: topicOf(t.text, asked.get(t.turn) ?? 0, t.words),
      words: t.words,
    }));
  const words = { customer_problem: 0, our_product: 0, other: 0 };
  for (const t of sellerTurnTopics) words[t.topic] += t.words;
  const substance = words.customer_problem + words.our_product;
  return {
    sellerTurnTopics,
    sellerTalkTopics: {
      words,
      customerProblemShare: share(words.customer_problem, substance),
      ourProductShare: share(words.our_product, substance),
    },
  };
}

function discountOf(turns: ReadTurn[]) {
  const sentences = turns
    .filter((t) => t.side === "seller")
    .flatMap((t) => t.sentences)
    .filter((s) => DISCOUNT.test(s));
  return { offered: sentences.length > 0, sentences };
}

/**
 * A next step is agreed when one side proposes a concrete action on a specific day and the other side accepts
 * it (and does not then decline); its owner is who took it on ("I'll send the invite"), else who accepted.
 */
function nextStepOf(turns: ReadTurn[]): CallAnalysis["nextStep"] {
  const proposals: { index: number; sentence: string; date: string }[] = [];
  turns.forEach((t, index) => {
    for (const s of t.sentences) {
      const day = SPECIFIC_DAY.exec(s);
      if (day && FORWARD_ACTION.test(s) && !VAGUE_DATE.test(s))
        proposals.push({ index, sentence: s, date: day[0] });
    }
  });
  const vague = turns.flatMap((t) => t.sentences.filter((s) => VAGUE_DATE.test(s) && FORWARD_ACTION.test(s)));
  for (const proposal of proposals.reverse()) {
    const proposer = turns[proposal.index]!;
    const replies = turns.slice(proposal.index + 1, proposal.index + 5);
    const answer = replies.find((t) => t.side !== proposer.side);
    if (!answer) continue;
    const answered = answer.sentences;
    const accepted = answered.some((s) => ACCEPTS.test(s)) && !answered.some((s) => DECLINES.test(s));
    const laterDecline = replies.some(
      (t) => t.side === "customer" && t.sentences.some((s) => DECLINES.test(s)),
    );
    if (!accepted || laterDecline) continue;
    const window = replies.filter((t) => t.side !== proposer.side || /\bi'll\b/i.test(t.text));
    const sentences = [
      proposal.sentence,
      ...window.flatMap((t) => t.sentences.filter((s) => ACCEPTS.test(s) || /\bi'll\b/i.test(s))),
    ];
    const takers = [proposer, ...replies].filter((t) =>
      /\b(?:i'll|i will)\s+(?:send|book|set|bring|get|make|invite|put|block|organi[sz]e|host|arrange|pull)\b/i.test(
        t.text,
      ),
    );
    const owner = (takers.find((t) => t.side === "customer") ?? takers[0] ?? answer).speaker;
    return { agreed: true, owner, date: proposal.date, sentences: [...new Set(sentences)] };
  }
  return {
    agreed: false,
    owner: null,
    date: null,
    sentences: [...proposals.map((p) => p.sentence), ...vague],
  };
}

/** A quantity next to a unit it is counted in ("fifteen hours", "$40k", "eighty-one percent"). */
export function isMeasured(sentence: string) {
  const tokens = tokensOf(sentence.replace(/[,;:()]/g, " ")).map((t) =>
    t.toLowerCase().replace(/[.!?…"'”’]+$/, ""),
  );
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!QUANTITY.test(token)) continue;
    if (/^(?:19|20)\d\d$/.test(token) || /^\d{1,2}(?:st|nd|rd|th)$/.test(token)) continue;
    if (/^[$€£]/.test(token) || /%$/.test(token) || /\d[km]$/.test(token)) return true;
    // A rate: "one in twelve".
    if (tokens[i + 1] === "in" && QUANTITY.test(tokens[i + 2] ?? "")) return true;
    // The unit follows within three words ("fifteen hours", "41 open deviations"), and not as a time ago.
    for (let j = i + 1; j <= i + 3 && j < tokens.length; j++)
      if (UNIT.test(tokens[j]!)) return tokens[j + 1] !== "ago";
  }
  return false;
}

/**
 * What a customer's sentence tells: a concern (a worry, or a constraint put as a condition on changing), an
 * impact (a figure measuring a consequence), a problem (how work goes wrong today), or nothing of these.
 * Wishes and goals ("we want…", "instead of…") describe the future, not the problem.
 */
const PER_PERIOD = /\b(?:a|an|per|each|every) (?:day|shift|week|month|quarter|year|order|load|job)\b/i;

export function statementKind(sentence: string): "problem" | "impact" | "concern" | null {
  const constraint = CONSTRAINT.test(sentence) || /\bIT\b/.test(sentence);
  if (WORRY.test(sentence) || (constraint && ON_CONDITION.test(sentence))) return "concern";
  if (WISH.test(sentence)) return null;
  // A figure measures a consequence when the sentence names one, or counts a failing per period.
  if (
    isMeasured(sentence) &&
    (CONSEQUENCE.test(sentence) || (PER_PERIOD.test(sentence) && PROBLEM.test(sentence)))
  )
    return "impact";
  const hints = sentence.match(new RegExp(PROBLEM_HINT.source, "gi"))?.length ?? 0;
  if (PROBLEM.test(sentence) || hints >= 2) return "problem";
  return null;
}

function statementsOf(turns: ReadTurn[]): CallAnalysis["customerStatements"] {
  const out: CallAnalysis["customerStatements"] = { problem: [], impact: [], concern: [] };
  for (const t of turns) {
    if (t.side !== "customer") continue;
    for (const sentence of t.sentences) {
      if (/\?["'”’)]*$/.test(sentence) || wordCount(sentence) < 5) continue;
      const kind = statementKind(sentence);
      if (kind) out[kind].push({ turn: t.turn, speaker: t.speaker, text: sentence, at: t.start });
    }
  }
  return out;
}
