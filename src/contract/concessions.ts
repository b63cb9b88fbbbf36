import { z } from "zod";
import { id, money, text, timestamp, version } from "./common.ts";

export const concessionBody = z
  .object({
    amount: money
      .refine((v) => v > 0, "must be more than 0")
      .optional()
      .describe("an amount off, in minor units of the decision's currency"),
    percent: z.number().gt(0, "must be more than 0").max(100, "must be at most 100").optional(),
    inReturn: text.nullable().optional().describe("what the customer gave in return"),
    reason: text.min(1, "must say why, in the customer's terms"),
  })
  .strict()
  .refine((b) => (b.amount === undefined) !== (b.percent === undefined), {
    message: "give either an amount or a percent off, not both",
    path: ["amount"],
  });
export type ConcessionBody = z.infer<typeof concessionBody>;

export const decideConcessionBody = z.object({ version, status: z.enum(["approved", "declined"]) }).strict();

export const concession = z.object({
  id,
  decisionId: id,
  amount: z.number().nullable(),
  percent: z.number().nullable(),
  depth: z
    .number()
    .nullable()
    .describe("the share off, 0–1; unknown for an amount without the decision's value"),
  inReturn: z.string().nullable(),
  reason: z.string(),
  status: z.enum(["requested", "approved", "declined"]),
  approver: z.enum(["seller", "manager", "admin"]).describe("who the workspace's policy asks to approve it"),
  approverWhy: z.string(),
  canDecide: z.boolean(),
  requestedBy: z.object({ id, name: z.string() }),
  decidedBy: z.object({ id, name: z.string() }).nullable(),
  decidedAt: timestamp.nullable(),
  createdAt: timestamp,
  version,
});
export type Concession = z.infer<typeof concession>;

export const concessionList = z.object({ items: z.array(concession) });
