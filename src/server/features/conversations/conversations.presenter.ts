import type { z } from "zod";
import type { Conversation, conversationSummary, Proposal } from "../../../contract/conversations.ts";
import type { CallAnalysis } from "../../../domain/conversations/analyze.ts";
import type { Speaker } from "../../../domain/conversations/evidence.ts";
import { readNotes } from "../../../domain/conversations/notes.ts";
import type { Turn } from "../../../domain/conversations/transcript.ts";
import type { ConversationRow, ProposalRow } from "./conversations.repo.ts";

const analysisOf = (row: ConversationRow) => row.analysis as CallAnalysis | null;

export function presentSummary(
  row: ConversationRow & { proposed?: string | number | null; accepted?: string | number | null },
): z.infer<typeof conversationSummary> {
  const analysis = analysisOf(row);
  return {
    id: row.id,
    decisionId: row.decision_id,
    happenedOn: row.happened_on,
    channel: row.channel,
    title: row.title,
    turnCount: (row.turns as Turn[]).length,
    sellerWordShare: analysis?.sellerWordShare ?? null,
    sellerQuestions: analysis?.questions.seller ?? null,
    proposed: Number(row.proposed ?? 0),
    accepted: Number(row.accepted ?? 0),
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

export function presentProposal(row: ProposalRow): Proposal {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    speaker: row.speaker,
    stakeholderId: row.stakeholder_id,
    turn: row.turn,
    at: row.at_seconds,
    noteLine: row.note_line,
    status: row.status,
    version: row.version,
  };
}

function notesReadingOf(notes: string | null) {
  if (!notes?.trim()) return null;
  const { questions, nextStep } = readNotes(notes);
  return { questions, nextStep };
}

export function presentConversation(row: ConversationRow, proposals: ProposalRow[]): Conversation {
  const analysis = analysisOf(row);
  const words = (analysis?.wordsBySpeaker ?? {}) as Record<string, number>;
  return {
    ...presentSummary({
      ...row,
      proposed: proposals.filter((p) => p.status === "proposed").length,
      accepted: proposals.filter((p) => p.status === "accepted").length,
    }),
    notes: row.notes,
    transcriptFormat: row.transcript_format,
    turns: (row.turns as Turn[]).map(({ turn, speaker, text, start, end }) => ({
      turn,
      speaker,
      text,
      start,
      end,
    })),
    speakers: (row.speakers as Speaker[]).map((s) => ({ ...s, words: words[s.name] ?? 0 })),
    analysis: analysis && { ...analysis },
    notesReading: notesReadingOf(row.notes),
    proposals: proposals.map(presentProposal),
    warnings: row.warnings as { line: number; message: string }[],
  };
}

/** What the change log keeps of a conversation: what it was, not the whole transcript. */
export const loggedConversation = (
  row: Pick<ConversationRow, "title" | "happened_on" | "channel" | "notes"> & {
    turns: unknown;
    speakers: unknown;
  },
) => ({
  title: row.title,
  happenedOn: row.happened_on,
  channel: row.channel,
  notes: row.notes,
  turns: (row.turns as Turn[]).length,
  speakers: (row.speakers as Speaker[]).map((s) => `${s.name} (${s.side})`),
});
