import { z } from "zod";
import { INT4_MAX, id, isoDate, LIMITS, name, timestamp, version } from "./common.ts";

export const ownerSide = z.enum(["customer", "us", "both"]);

const stepStatus = z.enum(["not_started", "in_progress", "done", "blocked"]);

export const planStep = z.object({
  id,
  decisionId: id,
  title: z.string(),
  description: z.string().nullable(),
  ownerSide,
  ownerStakeholderId: id.nullable(),
  ownerMemberId: id.nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string().nullable(),
  firstDueDate: z.string().nullable(),
  dueDateMoves: z.number(),
  status: stepStatus,
  blockedReason: z.string().nullable(),
  position: z.number(),
  dependsOn: id.nullable(),
  doneAt: timestamp.nullable(),
  comments: z.array(
    z.object({ id, authorName: z.string(), body: z.string(), fromBuyer: z.boolean(), at: timestamp }),
  ),
  version,
});

export type PlanStep = z.infer<typeof planStep>;

export const slippage = z.object({
  overdue: z.array(z.object({ id, title: z.string(), daysLate: z.number() })),
  moved: z.array(z.object({ id, title: z.string(), moves: z.number(), daysMoved: z.number() })),
  blocked: z.array(z.object({ id, title: z.string() })),
  projectedDecisionDate: z.string().nullable(),
  daysAfterTarget: z.number().nullable(),
  summary: z.string(),
});

export const plan = z.object({ steps: z.array(planStep), targetDate: z.string().nullable(), slippage });

export type Plan = z.infer<typeof plan>;

const stepFields = {
  description: z.string().max(LIMITS.text).nullable().optional(),
  ownerSide: ownerSide.optional(),
  ownerStakeholderId: id.nullable().optional(),
  ownerMemberId: id.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  status: stepStatus.optional(),
  blockedReason: z.string().max(1000).nullable().optional(),
  dependsOn: id.nullable().optional(),
};

export const createStepBody = z.object({ title: name, ...stepFields }).strict();

export const updateStepBody = z.object({ version, title: name.optional(), ...stepFields }).strict();

export const reorderBody = z
  .object({ stepIds: z.array(id).min(1).max(200) })
  .strict()
  .refine((b) => new Set(b.stepIds).size === b.stepIds.length, {
    message: "must not repeat a step",
    path: ["stepIds"],
  });

export const stepCommentBody = z
  .object({ body: z.string().trim().min(1, "must not be empty").max(2000) })
  .strict();

const templateStep = z
  .object({
    title: name,
    description: z.string().max(2000).optional(),
    ownerSide,
    offsetDays: z.number().int().min(0).max(3650),
    dependsOn: z.number().int().min(0).max(INT4_MAX).optional(),
  })
  .strict();

export const planTemplate = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  steps: z.array(templateStep),
  version,
});

export const planTemplateList = z.object({ items: z.array(planTemplate) });

export const templateBody = z
  .object({
    name,
    description: z.string().max(2000).nullable().optional(),
    steps: z.array(templateStep).min(1).max(50),
  })
  .strict()
  .refine((t) => t.steps.every((s, i) => s.dependsOn === undefined || s.dependsOn < i), {
    message: "a step can only wait for a step before it",
    path: ["steps"],
  });

export const updateTemplateBody = z
  .object({
    version,
    name: name.optional(),
    description: z.string().max(2000).nullable().optional(),
    steps: z.array(templateStep).min(1).max(50).optional(),
  })
  .strict();

export const applyTemplateBody = z.object({ templateId: id, startDate: isoDate.optional() }).strict();
