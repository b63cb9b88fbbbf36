import { z } from "zod";
import { email, id, name, password, role } from "./common.ts";

export const signInBody = z.object({ email, password: z.string().min(1, "is required").max(200) });

export type SignInBody = z.input<typeof signInBody>;

export const changePasswordBody = z
  .object({ currentPassword: z.string().min(1, "is required").max(200), newPassword: password })
  .strict()
  .refine((b) => b.currentPassword !== b.newPassword, {
    message: "must differ from the current password",
    path: ["newPassword"],
  });

export const me = z.object({
  member: z.object({ id, email: z.string(), name: z.string(), role, teamId: id.nullable() }),
  workspace: z.object({ id, name: z.string(), isDemo: z.boolean() }),
});

export type Me = z.infer<typeof me>;

export const setupStatus = z.object({
  hasWorkspace: z.boolean().describe("false on a fresh installation: offer to create the first workspace"),
  openSignup: z.boolean().describe("true when anyone may create another workspace on this server"),
  demo: z.object({
    enabled: z.boolean(),
    workspaceName: z.string().nullable(),
    members: z.array(z.object({ id, name: z.string(), email: z.string(), role })),
  }),
});

export type SetupStatus = z.infer<typeof setupStatus>;

export const createWorkspaceBody = z.object({
  workspaceName: name,
  name,
  email,
  password,
});

export type CreateWorkspaceBody = z.input<typeof createWorkspaceBody>;

export const enterDemoBody = z.object({ memberId: id });

export const health = z.object({
  status: z.literal("ok"),
  database: z.enum(["embedded", "postgres"]),
  version: z.string(),
});
