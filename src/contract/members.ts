import { z } from "zod";
import { email, id, name, password, role, timestamp, version } from "./common.ts";

export const member = z.object({
  id,
  email: z.string(),
  name: z.string(),
  role,
  teamId: id.nullable(),
  active: z.boolean(),
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

export const createdMember = z.object({
  member,
  generatedPassword: z.string().optional().describe("Shown once when no password was given"),
});

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
