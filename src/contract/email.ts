import { z } from "zod";
import { id } from "./common.ts";

export const emailStatus = z.object({
  enabled: z.boolean().describe("false when SMTP_URL is not set: Confidant sends no mail"),
  ok: z.boolean(),
  problem: z.string().nullable().describe("What is wrong with the mail settings, in words"),
  from: z.string(),
});

export const roomMailBody = z
  .object({
    stakeholderId: id,
    kind: z.enum(["invitation", "checkin_request", "success_check"]),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();

export const roomMailQueued = z.object({ to: z.string(), name: z.string() });

export const weeklyQueued = z.object({ queued: z.number().int() });

export const unsubscribeParams = z.object({ token: z.string().min(20).max(100) });

export const unsubscribeView = z.object({
  address: z.string(),
  kind: z.enum(["room", "digest", "actions", "notices"]),
  unsubscribed: z.boolean(),
});
