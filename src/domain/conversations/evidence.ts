import type { CallAnalysis } from "./analyze.ts";
import type { NoteReading } from "./notes.ts";
import type { Turn } from "./transcript.ts";

/** Who a speaker is: one of our members (the seller side), one of the customer's people, or not said yet. */
export interface Speaker {
  name: string;
  side: "seller" | "customer";
  memberId: string | null;
  stakeholderId: string | null;
  mapped: boolean;
}

export type Who = { memberId: string | null; stakeholderId: string | null };

export const nameKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, " ");

/** The speakers of a transcript in order of first word, each recognised where `recognise` knows them. */
export function speakersOf(turns: Turn[], recognise: (name: string) => Who | undefined): Speaker[] {
  const names = [...new Set(turns.map((t) => t.speaker))];
  return names.map((name) => {
    const who = recognise(name);
    return {
      name,
      side: who?.memberId ? "seller" : "customer",
      memberId: who?.memberId ?? null,
      stakeholderId: who?.stakeholderId ?? null,
      mapped: Boolean(who?.memberId || who?.stakeholderId),
    };
  });
}

export interface ProposedEvidence {
  kind: "problem" | "impact" | "concern" | "next_step";
  text: string;
  speaker: string;
  stakeholderId: string | null;
  turn: number;
  at: number | null;
  /** The line of the hand-typed notes it was read from; null when read from the transcript. */
  noteLine: number | null;
}

/**
 * Which of the account's people a name in a note means: the same name, or a first name only one of them has
 * ("Dana" for Dana Whitfield).
 */
export function personNamed(name: string | null, people: { id: string; name: string }[]) {
  if (!name) return null;
  const key = nameKey(name);
  const exact = people.find((p) => nameKey(p.name) === key);
  if (exact) return exact.id;
  const first = people.filter((p) => nameKey(p.name).split(" ")[0] === key);
  return first.length === 1 ? first[0]!.id : null;
}

/**
 * What the conversation taught, as evidence to propose on the decision: the customer's own sentences about
 * their problem, its cost and their concerns, attributed to who said them, and a next step both sides agreed.
 */
export function evidenceFrom(analysis: CallAnalysis, turns: Turn[], speakers: Speaker[]): ProposedEvidence[] {
  const stakeholderOf = (name: string | null) => speakers.find((s) => s.name === name)?.stakeholderId ?? null;
  const out: ProposedEvidence[] = [];
  for (const kind of ["problem", "impact", "concern"] as const)
    for (const s of analysis.customerStatements[kind])
      out.push({
        kind,
        text: s.text,
        speaker: s.speaker,
        stakeholderId: stakeholderOf(s.speaker),
        turn: s.turn,
        at: s.at,
        noteLine: null,
      });
  const step = analysis.nextStep;
  if (step.agreed && step.sentences[0]) {
    const said = turns.find((t) => t.text.includes(step.sentences[0]!));
    out.push({
      kind: "next_step",
      text: step.sentences[0],
      speaker: step.owner ?? said?.speaker ?? "",
      stakeholderId: stakeholderOf(step.owner),
      turn: said?.turn ?? 0,
      at: said?.start ?? null,
      noteLine: null,
    });
  }
  return out;
}

/** What a hand-typed note taught, proposed the same way, each attributed where the note says who. */
export function evidenceFromNotes(
  reading: NoteReading,
  people: { id: string; name: string }[],
): ProposedEvidence[] {
  const out: ProposedEvidence[] = [];
  for (const kind of ["problem", "impact", "concern"] as const)
    for (const s of reading.statements[kind])
      out.push({
        kind,
        text: s.text,
        speaker: s.speaker ?? "",
        stakeholderId: personNamed(s.speaker, people),
        turn: 0,
        at: null,
        noteLine: s.line,
      });
  const step = reading.nextStep;
  if (step.agreed && step.text)
    out.push({
      kind: "next_step",
      text: step.text,
      speaker: step.owner ?? "",
      stakeholderId: personNamed(step.owner, people),
      turn: 0,
      at: null,
      noteLine: step.line,
    });
  return out;
}
