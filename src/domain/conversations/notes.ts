// A meeting note typed by hand, read with the same rules as a transcript where they apply: the customer's
// statements of problem, impact and concern (attributed when the note says who), the questions the seller
// asked, and the next step agreed. A note is the seller's account, not a record of who talked: it has no talk
// share, and sentences about our own side ("we showed the demo") are never the customer's statements.
import { statementKind } from "./analyze.ts";
import { FORWARD_ACTION, SPECIFIC_DAY, VAGUE_DATE } from "./lexicon.ts";
import { type QuestionType, readSentence } from "./questions.ts";
import { sentencesOf, wordCount } from "./sentences.ts";

type Kind = "problem" | "impact" | "concern";

export interface NoteStatement {
  line: number;
  speaker: string | null;
  text: string;
}

export interface NoteReading {
  statements: Record<Kind, NoteStatement[]>;
  questions: { line: number; type: QuestionType; text: string }[];
  nextStep: {
    agreed: boolean;
    owner: string | null;
    date: string | null;
    line: number | null;
    text: string | null;
  };
}

const NAME = String.raw`[A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+){0,2}`;
/** "Dana:", "Dana Whitfield (COO):" — a person's words or what they said. */
const SPEAKER_PREFIX = new RegExp(String.raw`^(${NAME})(?: \([^)]{1,60}\))?:\s+`, "u");
/** "Dana said…", "Raj is worried…" — who the sentence is about, as its subject. */
const SAID_BY = new RegExp(
  String.raw`^(${NAME})(?: \([^)]{1,60}\))? (?:said|says|mentioned|told us|explained|noted|thinks|admitted|complained|pointed out|raised|worries|is worried|was worried|is concerned|was concerned|feels|felt|confirmed)\b`,
  "u",
);
/** Labels people put before a line; those naming a kind of statement say what the line is. */
const LABELS: Record<string, Kind | "question" | "next" | "other"> = {
  pain: "problem",
  problem: "problem",
  problems: "problem",
  issue: "problem",
  issues: "problem",
  impact: "impact",
  cost: "impact",
  "cost of inaction": "impact",
  concern: "concern",
  concerns: "concern",
  risk: "concern",
  risks: "concern",
  objection: "concern",
  objections: "concern",
  q: "question",
  question: "question",
  questions: "question",
  asked: "question",
  "next step": "next",
  "next steps": "next",
  "action item": "next",
  "action items": "next",
  actions: "next",
  todo: "next",
  notes: "other",
  note: "other",
  summary: "other",
  attendees: "other",
  agenda: "other",
  fyi: "other",
};
const LABEL = new RegExp(String.raw`^(${Object.keys(LABELS).join("|")})\s*[:\-–]\s*`, "i");
const BULLET = /^\s*(?:[-*•·>]|\d{1,2}[.)])\s+/;
/** Our side as the subject: what we did or said is not the customer's statement. */
const OUR_SIDE = /^(?:we|i|our|us|me|my)\b/i;
const ASKED = /^(?:(?:we|i) )?asked\s+(?:(?:them|him|her|the team)\s+)?/i;
const ASKED_WHOM = /^(?!(?:What|Why|How|When|Where|Who|Which|Whether|If)\b)[A-Z][\p{L}'’-]+\s+/u;
const HEDGED =
  /\b(?:maybe|tbd|tbc|tentative(?:ly)?|might|possibly|hopefully|pencil(?:led)? in|if (?:they|she|he|we))\b|\?/i;
const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;
const OWNER = new RegExp(
  String.raw`^(${NAME}|we|I|they) (?:to|will|'ll|is going to|are going to|agreed to|promised to) \w+`,
  "u",
);

interface Line {
  line: number;
  label: (typeof LABELS)[string] | null;
  speaker: string | null;
  text: string;
}

function linesOf(notes: string): Line[] {
  return notes.split(/\r?\n/).flatMap((raw, index) => {
    let text = raw.replace(BULLET, "").trim();
    if (!text) return [];
    let label: Line["label"] = null;
    const labelled = LABEL.exec(text);
    if (labelled) {
      label = LABELS[labelled[1]!.toLowerCase()]!;
      text = text.slice(labelled[0].length);
    }
    let speaker: string | null = null;
    const prefix = SPEAKER_PREFIX.exec(text);
    if (prefix && !LABELS[prefix[1]!.toLowerCase()]) {
      speaker = prefix[1]!;
      text = text.slice(prefix[0].length);
    }
    return [{ line: index + 1, label, speaker, text }];
  });
}

function questionOf(sentence: string, label: Line["label"]) {
  const asked = ASKED.exec(sentence);
  if (!asked && label !== "question" && !/\?["'”’)]*$/.test(sentence)) return null;
  let text = asked ? sentence.slice(asked[0].length) : sentence;
  // A reported question is read as it was asked: "asked why they still…" was "why do you still…".
  if (asked)
    text = text
      .replace(ASKED_WHOM, "")
      .replace(/\b(?:they|them)\b/gi, "you")
      .replace(/\btheir\b/gi, "your")
      .replace(/^(why|how|what|when|where|which)\s+you\b/i, "$1 do you");
  if (/^(?:whether|if)\b/i.test(text)) return { type: "closed" as const, text: sentence };
  text = text.replace(/[.!]+$/, "");
  const reading = readSentence(/\?$/.test(text) ? text : `${text}?`, {
    side: "seller",
    next: undefined,
    previousTurn: undefined,
  });
  return reading?.counted ? { type: reading.type, text: sentence } : null;
}

function nextStepOf(sentence: string, label: Line["label"]) {
  const day = SPECIFIC_DAY.exec(sentence) ?? ISO_DAY.exec(sentence);
  if (!day || VAGUE_DATE.test(sentence) || HEDGED.test(sentence)) return null;
  const owner = OWNER.exec(sentence)?.[1] ?? null;
  if (label !== "next" && !FORWARD_ACTION.test(sentence) && !owner) return null;
  return { date: day[0], owner: owner && /^(?:we|I)$/i.test(owner) ? null : owner };
}

/** What a hand-typed note tells, by the transcript rules where they apply (docs/conversations.md). */
export function readNotes(notes: string): NoteReading {
  const reading: NoteReading = {
    statements: { problem: [], impact: [], concern: [] },
    questions: [],
    nextStep: { agreed: false, owner: null, date: null, line: null, text: null },
  };
  for (const { line, label, speaker, text } of linesOf(notes)) {
    for (const sentence of sentencesOf(text)) {
      const question = questionOf(sentence, label);
      if (question) {
        reading.questions.push({ line, ...question });
        continue;
      }
      const step = nextStepOf(sentence, label);
      if (step && !reading.nextStep.agreed) {
        reading.nextStep = { agreed: true, ...step, line, text: sentence };
        continue;
      }
      if (label === "next" || label === "other" || wordCount(sentence) < 4) continue;
      if (OUR_SIDE.test(sentence) && !speaker) continue;
      const kind = label && label !== "question" ? label : statementKind(sentence);
      if (!kind) continue;
      reading.statements[kind].push({
        line,
        speaker: speaker ?? SAID_BY.exec(sentence)?.[1] ?? null,
        text: sentence,
      });
    }
  }
  return reading;
}
