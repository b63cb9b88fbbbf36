import { z } from "zod";
import { id, name, optionalShort, optionalText, source, timestamp, version } from "./common.ts";
import { decisionCard } from "./decisions.ts";

// ---------- accounts and stakeholders ----------
const accountFields = {
  industry: optionalShort,
  size: optionalShort,
  website: optionalShort,
  goals: optionalText,
  challenges: optionalText,
  currentApproach: optionalText,
  approachReason: optionalText,
  notes: optionalText,
};

export const createAccountBody = z.object({ name, ...accountFields }).strict();

export const updateAccountBody = z.object({ version, name: name.optional(), ...accountFields }).strict();

export type AccountInput = z.input<typeof createAccountBody>;

export const account = z.object({
  id,
  name: z.string(),
  industry: z.string().nullable(),
  size: z.string().nullable(),
  website: z.string().nullable(),
  goals: z.string().nullable(),
  challenges: z.string().nullable(),
  currentApproach: z.string().nullable(),
  approachReason: z.string().nullable(),
  notes: z.string().nullable(),
  source,
  decisionCount: z.number(),
  stakeholderCount: z.number(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});

export type Account = z.infer<typeof account>;

const stakeholderFields = {
  title: optionalShort,
  email: z
    .union([z.email({ message: "must be an email address" }), z.literal("")])
    .nullable()
    .optional(),
  phone: z.string().trim().max(50).nullable().optional(),
  notes: optionalText,
};

export const createStakeholderBody = z.object({ accountId: id, name, ...stakeholderFields }).strict();

export const updateStakeholderBody = z
  .object({ version, name: name.optional(), ...stakeholderFields })
  .strict();

export const stakeholder = z.object({
  id,
  accountId: id,
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: timestamp,
  version,
});

export type Stakeholder = z.infer<typeof stakeholder>;

export const accountListQuery = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const accountDetail = account.extend({
  stakeholders: z.array(stakeholder),
  decisions: z.array(decisionCard),
});

export const accountList = z.object({ items: z.array(account), nextCursor: z.string().nullable() });

export const stakeholderList = z.object({ items: z.array(stakeholder) });
