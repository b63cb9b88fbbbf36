import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type {
  createConversationBody,
  resolveProposalBody,
  updateConversationBody,
} from "../../../contract/conversations.ts";
import { analyzeCall } from "../../../domain/conversations/analyze.ts";
import { costToRecord } from "../../../domain/conversations/cost.ts";
import {
  evidenceFrom,
  evidenceFromNotes,
  nameKey,
  type Speaker,
  speakersOf,
  type Who,
} from "../../../domain/conversations/evidence.ts";
import { readNotes } from "../../../domain/conversations/notes.ts";
import { parseTranscript, TranscriptError, type Turn } from "../../../domain/conversations/transcript.ts";
import { type ConversationPoint, trendOf } from "../../../domain/conversations/trends.ts";
import { recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { conflict, invalid, notFound } from "../../http/errors.ts";
import { requireEditableDecision } from "../../http/policies.ts";
import { insertNewStakeholder, requireStakeholderOf } from "../accounts/accounts.service.ts";
import { requireVisibleDecision, visibilityOf } from "../decisions/access.service.ts";
import { changeDecision } from "../decisions/decisions.service.ts";
import { addConcernIn, involveSpeaker } from "../decisions/parts.service.ts";
import { requireAssignableMember } from "../members/members.service.ts";
import { addStepIn } from "../plan/plan.service.ts";
import { teamOf } from "../teams/teams.service.ts";
import { loggedConversation, presentConversation, presentSummary } from "./conversations.presenter.ts";
import {
  conversationsOf,
  deleteOpenProposals,
  findConversation,
  findProposal,
  insertConversation,
  insertProposals,
  namedPeople,
  proposalsOf,
  rememberSpeaker,
  speakerMappings,
  type TrendRow,
  trendRows,
} from "./conversations.repo.ts";

type CreateBody = z.output<typeof createConversationBody>;
type UpdateBody = z.output<typeof updateConversationBody>;

/** The transcript read into turns, or a 400 on the field naming the line. */
function readTranscript(text: string, format: CreateBody["format"]) {
  try {
    return parseTranscript(text, format);
  } catch (error) {
    if (error instanceof TranscriptError) throw invalid("body.transcript", error.message);
    throw error;
  }
}

type People = Awaited<ReturnType<typeof namedPeople>>;

/** Speakers recognised from what this workspace remembered of their names, else by a member's or person's name. */
async function recognise(trx: Kysely<Database>, workspaceId: string, people: People, turns: Turn[]) {
  const names = [...new Set(turns.map((t) => t.speaker))];
  const remembered = new Map(
    (await speakerMappings(trx, workspaceId, names.map(nameKey))).map((m) => [
      m.name_key,
      { memberId: m.member_id, stakeholderId: m.stakeholder_id },
    ]),
  );
  return speakersOf(turns, (name): Who | undefined => {
    const key = nameKey(name);
    if (remembered.has(key)) return remembered.get(key);
    const member = people.members.find((m) => nameKey(m.name) === key);
    if (member) return { memberId: member.id, stakeholderId: null };
    const person = people.stakeholders.find((s) => nameKey(s.name) === key);
    return person ? { memberId: null, stakeholderId: person.id } : undefined;
  });
}

/** The analysis of the transcript, and the evidence it and the hand-typed notes propose, as mapped now. */
function readConversation(turns: Turn[], speakers: Speaker[], notes: string | null, people: People) {
  const analysis = turns.length
    ? analyzeCall(
        turns,
        speakers.filter((s) => s.side === "seller").map((s) => s.name),
      )
    : null;
  const evidence = [
    ...(analysis ? evidenceFrom(analysis, turns, speakers) : []),
    ...(notes?.trim() ? evidenceFromNotes(readNotes(notes), people.stakeholders) : []),
  ];
  return { analysis, evidence };
}

/** The customer's people who spoke take part in the decision. */
async function involveSpeakers(
  trx: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  speakers: Speaker[],
) {
  for (const s of speakers)
    if (s.stakeholderId) await involveSpeaker(trx, actor, decisionId, s.stakeholderId);
}

async function propose(
  trx: Kysely<Database>,
  row: { workspaceId: string; conversationId: string; decisionId: string },
  evidence: ReturnType<typeof readConversation>["evidence"],
) {
  // What the seller already accepted or dismissed is not proposed again.
  const answered = new Set(
    (await proposalsOf(trx, row.workspaceId, row.conversationId)).map((p) => `${p.kind}|${p.turn}|${p.text}`),
  );
  await insertProposals(
    trx,
    evidence
      .filter((e) => !answered.has(`${e.kind}|${e.turn}|${e.text}`))
      .map((e) => ({
        id: randomUUID(),
        workspace_id: row.workspaceId,
        conversation_id: row.conversationId,
        decision_id: row.decisionId,
        kind: e.kind,
        text: e.text,
        speaker: e.speaker,
        stakeholder_id: e.stakeholderId,
        turn: e.turn,
        at_seconds: e.at,
        note_line: e.noteLine,
      })),
  );
}

/** A conversation on a decision: its transcript read, speakers recognised, the analysis and proposals made. */
export async function addConversation(
  db: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  body: CreateBody,
) {
  const transcript = body.transcript?.trim() ? readTranscript(body.transcript, body.format) : null;
  const id = await db.transaction().execute(async (trx) => {
    const decision = await requireVisibleDecision(trx, actor, decisionId);
    requireEditableDecision(actor, decision, "add a conversation to it");
    const turns = transcript?.turns ?? [];
    const people = await namedPeople(trx, actor.workspaceId, decision.account_id);
    const speakers = await recognise(trx, actor.workspaceId, people, turns);
    const { analysis, evidence } = readConversation(turns, speakers, body.notes ?? null, people);
    const id = randomUUID();
    const row = {
      id,
      workspace_id: actor.workspaceId,
      decision_id: decisionId,
      happened_on: body.happenedOn,
      channel: body.channel,
      title: body.title,
      notes: body.notes ?? null,
      transcript_format: transcript?.format ?? null,
      turns,
      speakers,
      analysis,
      warnings: transcript?.warnings ?? [],
      created_by: actor.memberId,
    };
    await insertConversation(trx, row);
    await involveSpeakers(trx, actor, decisionId, speakers);
    await recordCreate(trx, actor, "conversation", id, loggedConversation(row), decisionId);
    await propose(trx, { workspaceId: actor.workspaceId, conversationId: id, decisionId }, evidence);
    return id;
  });
  return conversationView(db, actor, id);
}

export async function conversationView(db: Kysely<Database>, actor: SignedIn, id: string) {
  const row = await findConversation(db, actor.workspaceId, id, true);
  if (!row) throw notFound("The conversation");
  await requireVisibleDecision(db, actor, row.decision_id);
  return presentConversation(row, await proposalsOf(db, actor.workspaceId, id));
}

export async function listConversations(db: Kysely<Database>, actor: SignedIn, decisionId: string) {
  await requireVisibleDecision(db, actor, decisionId);
  return (await conversationsOf(db, actor.workspaceId, decisionId)).map(presentSummary);
}

/** Who a speaker is, as the seller says: a member, a person at the account, or a new person created now. */
async function chosenSpeaker(
  trx: Kysely<Database>,
  actor: SignedIn,
  accountId: string,
  choice: NonNullable<UpdateBody["speakers"]>[number],
  index: number,
): Promise<Who> {
  const path = `body.speakers.${index}`;
  if (choice.newStakeholder) {
    const created = await insertNewStakeholder(trx, actor, { accountId, ...choice.newStakeholder });
    return { memberId: null, stakeholderId: created.id };
  }
  if (choice.memberId) {
    await requireAssignableMember(trx, actor.workspaceId, choice.memberId, `${path}.memberId`, "The member");
    return { memberId: choice.memberId, stakeholderId: null };
  }
  if (choice.stakeholderId) {
    await requireStakeholderOf(
      trx,
      actor.workspaceId,
      accountId,
      choice.stakeholderId,
      `${path}.stakeholderId`,
    );
    return { memberId: null, stakeholderId: choice.stakeholderId };
  }
  return { memberId: null, stakeholderId: null };
}

type Change = { action: "update"; body: UpdateBody } | { action: "delete" | "restore"; version: number };

/**
 * A change to a conversation: its details, or who its speakers are (remembered per name in the workspace; the
 * analysis and the open proposals are worked out again) — or its deletion and restoring.
 */
export async function changeConversation(db: Kysely<Database>, actor: SignedIn, id: string, change: Change) {
  await db.transaction().execute(async (trx) => {
    const row = await findConversation(trx, actor.workspaceId, id, change.action === "restore");
    if (!row) throw notFound("The conversation");
    const decision = await requireVisibleDecision(trx, actor, row.decision_id);
    requireEditableDecision(actor, decision, "change its conversations");
    const patch: Record<string, unknown> = {};
    if (change.action === "update") {
      const { body } = change;
      if (body.title !== undefined) patch.title = body.title;
      if (body.notes !== undefined) patch.notes = body.notes;
      if (body.happenedOn !== undefined) patch.happened_on = body.happenedOn;
      if (body.channel !== undefined) patch.channel = body.channel;
      let speakers = row.speakers as Speaker[];
      if (body.speakers) {
        const next = [...speakers];
        for (const [index, choice] of body.speakers.entries()) {
          const at = next.findIndex((s) => s.name === choice.name);
          if (at < 0) throw invalid(`body.speakers.${index}.name`, `is not a speaker of this conversation`);
          const who = await chosenSpeaker(trx, actor, decision.account_id, choice, index);
          next[at] = {
            ...next[at]!,
            ...who,
            side: who.memberId ? "seller" : "customer",
            mapped: Boolean(who.memberId || who.stakeholderId),
          };
          await rememberSpeaker(trx, actor.workspaceId, nameKey(choice.name), who);
        }
        await involveSpeakers(trx, actor, row.decision_id, next);
        speakers = next;
        patch.speakers = JSON.stringify(next);
      }
      // New speakers or new notes: the analysis and the open proposals are read again.
      if (body.speakers || body.notes !== undefined) {
        const people = await namedPeople(trx, actor.workspaceId, decision.account_id);
        const notes = body.notes !== undefined ? body.notes : row.notes;
        const { analysis, evidence } = readConversation(row.turns as Turn[], speakers, notes ?? null, people);
        patch.analysis = analysis && JSON.stringify(analysis);
        await deleteOpenProposals(trx, actor.workspaceId, id);
        await propose(
          trx,
          { workspaceId: actor.workspaceId, conversationId: id, decisionId: row.decision_id },
          evidence,
        );
      }
    }
    await applyChange(trx, actor, {
      entity: "conversation",
      table: "conversation",
      id,
      version: change.action === "update" ? change.body.version : change.version,
      action: change.action,
      patch,
      current: row,
      load: (includeDeleted) => findConversation(trx, actor.workspaceId, id, includeDeleted),
      present: loggedConversation,
      parentId: (r) => r.decision_id,
      what: "The conversation",
    });
  });
  return conversationView(db, actor, id);
}

/**
 * The seller accepts (perhaps in edited words) or dismisses what a conversation taught. Accepting writes it
 * into the decision in the same transaction, attributed to the stakeholder who said it: the problem in their
 * words, the cost confirmed by them (their figure becomes the recurring cost of inaction), their concern, or the
 * agreed next step as a plan step.
 */
export async function resolveProposal(
  db: Kysely<Database>,
  actor: SignedIn,
  id: string,
  body: z.output<typeof resolveProposalBody>,
) {
  const conversationId = await db.transaction().execute(async (trx) => {
    const row = await findProposal(trx, actor.workspaceId, id);
    if (!row) throw notFound("The proposal");
    const decision = await requireVisibleDecision(trx, actor, row.decision_id);
    requireEditableDecision(actor, decision, "accept evidence into it");
    if (row.status !== "proposed") throw conflict(`This proposal was already ${row.status}.`, "status");
    const text = body.text ?? row.text;
    await applyChange(trx, actor, {
      entity: "conversation_proposal",
      table: "conversation_proposal",
      id,
      version: body.version,
      action: "update",
      patch: { status: body.status, text, resolved_by: actor.memberId, resolved_at: new Date() },
      current: row,
      load: () => findProposal(trx, actor.workspaceId, id),
      present: (r) => ({ kind: r.kind, text: r.text, status: r.status, speaker: r.speaker }),
      parentId: (r) => r.decision_id,
      what: "The proposal",
    });
    if (body.status === "accepted") await acceptInto(trx, actor, decision, { ...row, text });
    return row.conversation_id;
  });
  return conversationView(db, actor, conversationId);
}

async function acceptInto(
  trx: Kysely<Database>,
  actor: SignedIn,
  decision: Awaited<ReturnType<typeof requireVisibleDecision>>,
  proposal: { kind: string; text: string; stakeholder_id: string | null; speaker: string },
) {
  const saidBy = proposal.stakeholder_id;
  if (proposal.kind === "problem")
    await changeDecision(trx, actor, decision.id, {
      version: decision.version,
      problem: { statement: proposal.text, saidBy },
    });
  else if (proposal.kind === "impact") {
    const current = (decision.impact ?? {}) as { assumptions?: string | null };
    const quote = `“${proposal.text}” — ${proposal.speaker}`;
    const cost = costToRecord(proposal.text, decision.currency);
    await changeDecision(trx, actor, decision.id, {
      version: decision.version,
      impact: {
        assumptions: current.assumptions ? `${current.assumptions}\n${quote}` : quote,
        ...(cost ? { recurringCost: { amount: cost.amount, period: cost.period } } : {}),
        ...(saidBy ? { confirmedBy: saidBy } : {}),
      },
    });
  } else if (proposal.kind === "concern")
    await addConcernIn(trx, actor, decision.id, {
      text: proposal.text,
      kind: "organizational",
      category: "other",
      raisedBy: saidBy,
    });
  else
    await addStepIn(trx, actor, decision.id, {
      title: proposal.text.slice(0, 200),
      ownerSide: saidBy ? "customer" : "both",
      ownerStakeholderId: saidBy,
    });
}

const pointOf = (r: TrendRow): ConversationPoint => ({
  conversationId: r.conversation_id,
  decisionId: r.decision_id,
  decisionTitle: r.decision_title,
  happenedOn: r.happened_on,
  sellerWordShare: r.seller_word_share,
  sellerQuestions: r.seller_questions,
  insightQuestions: r.insight_questions,
  nextStepAgreed: r.next_step_agreed,
  discountOffered: r.discount_offered,
});

/**
 * Each seller's trend over their last `last` analysed conversations against the `last` before, for the sellers
 * the caller may see — a seller themself, a manager their team, an admin everyone — and all of them pooled.
 */
export async function conversationTrends(
  db: Kysely<Database>,
  actor: SignedIn,
  query: { teamId?: string; memberId?: string; last: number },
) {
  if (query.teamId) await teamOf(db, actor.workspaceId, query.teamId);
  const rows = await trendRows(db, actor.workspaceId, visibilityOf(actor), {
    teamId: query.teamId ?? null,
    memberId: query.memberId ?? null,
    perMember: query.last * 2,
  });
  const bySeller = new Map<string, TrendRow[]>();
  for (const row of rows) {
    const own = bySeller.get(row.member_id) ?? [];
    own.push(row);
    bySeller.set(row.member_id, own);
  }
  const sellers = [...bySeller.values()].map((own) => ({
    memberId: own[0]!.member_id,
    name: own[0]!.member_name,
    teamId: own[0]!.team_id,
    trend: trendOf(own.map(pointOf), query.last),
  }));
  // Pooled: every seller's recent and earlier conversations once each, newest first.
  const pooled = (from: number, to: number) => {
    const seen = new Map<string, ConversationPoint>();
    for (const own of bySeller.values())
      for (const r of own.slice(from, to)) seen.set(r.conversation_id, pointOf(r));
    return [...seen.values()].sort((a, b) => b.happenedOn.localeCompare(a.happenedOn));
  };
  const recent = pooled(0, query.last);
  const earlier = pooled(query.last, query.last * 2).filter(
    (p) => !recent.some((r) => r.conversationId === p.conversationId),
  );
  return {
    last: query.last,
    sellers,
    together: trendOf([...recent, ...earlier], recent.length || query.last),
  };
}
