import { z } from "zod";
import { id, isoDate, LIMITS, name, optionalText, timestamp, version } from "./common.ts";

export const CHANNELS = ["call", "video", "meeting", "email", "note"] as const;
export const TRANSCRIPT_FORMATS = ["auto", "vtt", "srt", "txt", "otter", "json"] as const;
/** A three-hour call is about 200 KB of text; 5 MB is generous and bounded. */
export const TRANSCRIPT_LIMIT = 5 * 1024 * 1024;

export const createConversationBody = z
  .object({
    happenedOn: isoDate,
    channel: z.enum(CHANNELS),
    title: name,
    notes: optionalText,
    transcript: z
      .string()
      .max(TRANSCRIPT_LIMIT, `must be at most ${TRANSCRIPT_LIMIT / 1024 / 1024} MB of text`)
      .optional()
      .describe("WebVTT, SRT, Name: text lines, Otter-style text or JSON [{speaker,text,start,end}]"),
    format: z.enum(TRANSCRIPT_FORMATS).default("auto"),
  })
  .strict();

export type CreateConversationBody = z.input<typeof createConversationBody>;

const speakerChoice = z
  .object({
    name: z.string().trim().min(1).max(LIMITS.name),
    memberId: id.nullable().optional(),
    stakeholderId: id.nullable().optional(),
    newStakeholder: z
      .object({ name, title: z.string().trim().max(LIMITS.name).optional() })
      .strict()
      .optional(),
  })
  .strict();

export const updateConversationBody = z
  .object({
    version,
    title: name.optional(),
    notes: optionalText,
    happenedOn: isoDate.optional(),
    channel: z.enum(CHANNELS).optional(),
    speakers: z.array(speakerChoice).max(50).optional().describe("Who each speaker is; remembered per name"),
  })
  .strict();

export type UpdateConversationBody = z.input<typeof updateConversationBody>;

export const speaker = z.object({
  name: z.string(),
  side: z.enum(["seller", "customer"]),
  memberId: id.nullable(),
  stakeholderId: id.nullable(),
  /** A name nobody has said who it is yet: counted on the customer side until mapped. */
  mapped: z.boolean(),
  words: z.number(),
});

export const proposal = z.object({
  id,
  kind: z.enum(["problem", "impact", "concern", "next_step"]),
  text: z.string(),
  speaker: z.string(),
  stakeholderId: id.nullable(),
  turn: z.number().describe("the transcript turn it was said in; 0 when read from the notes"),
  at: z.number().nullable(),
  noteLine: z.number().nullable().describe("the line of the hand-typed notes it was read from"),
  status: z.enum(["proposed", "accepted", "dismissed"]),
  version,
});

export type Proposal = z.infer<typeof proposal>;

const question = z.object({
  turn: z.number(),
  speaker: z.string(),
  side: z.enum(["seller", "customer"]),
  type: z.enum(["open", "closed", "insight"]),
  text: z.string(),
  hasQuestionMark: z.boolean(),
});

/** The analysis the coaching view shows; the full field list is in docs/conversations.md. */
export const conversationAnalysis = z.looseObject({
  sellerWordShare: z.number(),
  words: z.object({ seller: z.number(), customer: z.number(), total: z.number() }),
  turns: z.object({ seller: z.number(), customer: z.number(), total: z.number() }),
  questions: z.object({ seller: z.number(), customer: z.number(), total: z.number() }),
  questionTypes: z.object({
    seller: z.object({ open: z.number(), closed: z.number(), insight: z.number() }),
    customer: z.object({ open: z.number(), closed: z.number(), insight: z.number() }),
  }),
  questionsList: z.array(question),
  longestSellerMonologue: z.object({
    words: z.number(),
    speaker: z.string().nullable(),
    turn: z.number().nullable(),
  }),
  sellerTalkTopics: z.object({
    words: z.object({ customer_problem: z.number(), our_product: z.number(), other: z.number() }),
    customerProblemShare: z.number(),
    ourProductShare: z.number(),
  }),
  discountOffered: z.object({ offered: z.boolean(), sentences: z.array(z.string()) }),
  nextStep: z.object({
    agreed: z.boolean(),
    owner: z.string().nullable(),
    date: z.string().nullable(),
    sentences: z.array(z.string()),
  }),
  callType: z.enum(["pitch", "discovery", "mixed"]),
  minimalBackchannelTurns: z.number(),
});

export type ConversationAnalysis = z.infer<typeof conversationAnalysis>;

export const conversationSummary = z.object({
  id,
  decisionId: id,
  happenedOn: z.string(),
  channel: z.enum(CHANNELS),
  title: z.string(),
  turnCount: z.number(),
  sellerWordShare: z.number().nullable(),
  sellerQuestions: z.number().nullable(),
  proposed: z.number().describe("proposals still waiting for the seller"),
  accepted: z.number().describe("proposals accepted into the decision"),
  createdAt: timestamp,
  version,
});

export const conversationList = z.object({ items: z.array(conversationSummary) });

export const conversation = conversationSummary.extend({
  notes: z.string().nullable(),
  transcriptFormat: z.string().nullable(),
  turns: z.array(
    z.object({
      turn: z.number(),
      speaker: z.string(),
      text: z.string(),
      start: z.number().nullable(),
      end: z.number().nullable(),
    }),
  ),
  speakers: z.array(speaker),
  analysis: conversationAnalysis.nullable(),
  notesReading: z
    .object({
      questions: z.array(
        z.object({ line: z.number(), type: z.enum(["open", "closed", "insight"]), text: z.string() }),
      ),
      nextStep: z.object({
        agreed: z.boolean(),
        owner: z.string().nullable(),
        date: z.string().nullable(),
        line: z.number().nullable(),
        text: z.string().nullable(),
      }),
    })
    .nullable()
    .describe("What the hand-typed notes say was asked and agreed (their statements are proposals)"),
  proposals: z.array(proposal),
  warnings: z.array(z.object({ line: z.number(), message: z.string() })),
});

export type Conversation = z.infer<typeof conversation>;

export const resolveProposalBody = z
  .object({
    version,
    status: z.enum(["accepted", "dismissed"]),
    text: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(LIMITS.text)
      .optional()
      .describe("the words, edited"),
  })
  .strict();

// ---------- trends over a seller's last conversations ----------
export const trendQuery = z.object({
  teamId: id.optional().describe("only this team's members"),
  memberId: id.optional().describe("only this member"),
  last: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(10)
    .describe("how many recent conversations per seller"),
});

const trendFigures = z.object({
  conversations: z.number(),
  talkShare: z.number().nullable(),
  questions: z.number().nullable(),
  insightQuestions: z.number().nullable(),
  nextStepRate: z.number().nullable(),
  discountRate: z.number().nullable(),
});

const trend = z.object({
  recent: trendFigures,
  earlier: trendFigures.describe("the same number of conversations before the recent ones"),
  points: z.array(
    z.object({
      conversationId: id,
      decisionId: id,
      decisionTitle: z.string(),
      happenedOn: z.string(),
      sellerWordShare: z.number(),
      sellerQuestions: z.number(),
      insightQuestions: z.number(),
      nextStepAgreed: z.boolean(),
      discountOffered: z.boolean(),
    }),
  ),
  said: z.array(z.string()).describe("the trend in words, with the counts behind it"),
});

export const conversationTrends = z.object({
  last: z.number(),
  sellers: z.array(z.object({ memberId: id, name: z.string(), teamId: id.nullable(), trend })),
  together: trend.describe("all the sellers shown, their recent conversations pooled"),
});

export type ConversationTrends = z.infer<typeof conversationTrends>;
