import { z } from "zod";
import { email, id, name, password, role, timestamp, version } from "./common.ts";

export const member = z.object({
  id,
  email: z.string(),
  name: z.string(),
  role,
  teamId: id.nullable(),
  active: z.boolean(),
  invited: z.boolean().describe("true until the member opens their invitation and chooses a password"),
  createdAt: timestamp,
  version,
});

export type Member = z.infer<typeof member>;

export const memberList = z.object({ items: z.array(member) });

export const createMemberBody = z.object({
  email,
  name,
  role,
  teamId: id.nullable().optional(),
  password: password.optional(),
});

export type CreateMemberBody = z.input<typeof createMemberBody>;

const linkPurpose = z.enum(["invitation", "password_reset"]);

export const memberLink = z.object({
  purpose: linkPurpose,
  url: z.string(),
  token: z.string().describe("Shown only in this answer; only its hash is stored"),
  expiresAt: timestamp,
});

export type MemberLink = z.infer<typeof memberLink>;

export const createdMember = z.object({
  member,
  invitation: memberLink.optional().describe("When no password was given: the link the member joins with"),
});

export const memberLinkParams = z.object({ token: z.string().min(10).max(100) });

export const memberLinkView = z.object({
  purpose: linkPurpose,
  memberName: z.string(),
  email: z.string(),
  workspaceName: z.string(),
  expiresAt: timestamp,
});

export type MemberLinkView = z.infer<typeof memberLinkView>;

export const useMemberLinkBody = z.object({ password }).strict();

export const updateMemberBody = z
  .object({
    version,
    name: name.optional(),
    role: role.optional(),
    teamId: id.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict();

export type UpdateMemberBody = z.input<typeof updateMemberBody>;
