import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type {
  createStepBody,
  templateBody,
  updateStepBody,
  updateTemplateBody,
} from "../../../contract/plan.ts";
import { slippageOf } from "../../../domain/plan/slippage.ts";
import { DEFAULT_TEMPLATES, type TemplateStep } from "../../../domain/plan/templates.ts";
import { DAY_MS } from "../../../domain/time.ts";
import { type Actor, recordChange, recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { invalid, notFound, unknownReference } from "../../http/errors.ts";
import { requireEditableDecision } from "../../http/policies.ts";
import { requireStakeholderOf } from "../accounts/accounts.service.ts";
import { requireVisibleDecision } from "../decisions/access.service.ts";
import { refreshDerived } from "../decisions/readiness.service.ts";
import { memberName, requireAssignableMember } from "../members/members.service.ts";
import { presentStep, presentTemplate } from "./plan.presenter.ts";
import {
  commentsOf,
  findStep,
  findTemplate,
  insertStepComment,
  insertSteps,
  insertTemplates,
  lockPlan,
  nextPosition,
  type StepRow,
  setStepPositions,
  stepsOf,
  templatesOf,
} from "./plan.repo.ts";

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The plan with each step's comments and where it stands against the customer's target date. */
export async function planOf(
  db: Kysely<Database>,
  workspaceId: string,
  decisionId: string,
  targetDate: string | null,
) {
  const rows = await stepsOf(db, workspaceId, decisionId);
  const comments = await commentsOf(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  const steps = rows.map((row) =>
    presentStep(
      row,
      comments.filter((c) => c.step_id === row.id),
    ),
  );
  const slippage = slippageOf(steps, targetDate, new Date());
  return { steps, targetDate, slippage };
}

/** The decision whose plan the caller changes, locked for the rest of the caller's transaction. */
async function editableDecision(trx: Kysely<Database>, actor: SignedIn, decisionId: string) {
  const decision = await requireVisibleDecision(trx, actor, decisionId);
  requireEditableDecision(actor, decision, "change its plan");
  await lockPlan(trx, actor.workspaceId, decisionId);
  return decision;
}

type StepInput = Partial<z.output<typeof createStepBody>>;

async function checkStepReferences(
  db: Kysely<Database>,
  actor: SignedIn,
  decision: { id: string; account_id: string },
  input: StepInput,
  stepId?: string,
) {
  if (input.ownerStakeholderId)
    await requireStakeholderOf(
      db,
      actor.workspaceId,
      decision.account_id,
      input.ownerStakeholderId,
      "ownerStakeholderId",
    );
  if (input.ownerMemberId)
    await requireAssignableMember(db, actor.workspaceId, input.ownerMemberId, "ownerMemberId", "The member");
  if (input.dependsOn) {
    if (input.dependsOn === stepId) throw invalid("dependsOn", "a step cannot wait for itself");
    const dep = await findStep(db, actor.workspaceId, input.dependsOn);
    if (!dep || dep.decision_id !== decision.id) throw unknownReference("dependsOn", "The step in this plan");
  }
  if (input.status === "blocked" && !input.blockedReason?.trim())
    throw invalid("blockedReason", "say why the step is blocked");
}

export async function addStep(
  db: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  input: z.output<typeof createStepBody>,
) {
  const id = await db.transaction().execute((trx) => addStepIn(trx, actor, decisionId, input));
  return presentStep((await findStep(db, actor.workspaceId, id))!, []);
}

/** A step added inside the caller's transaction (a next step a conversation agreed); answers its id. */
export async function addStepIn(
  trx: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  input: z.output<typeof createStepBody>,
) {
  const decision = await editableDecision(trx, actor, decisionId);
  await checkStepReferences(trx, actor, decision, input);
  const id = randomUUID();
  await insertSteps(trx, [
    {
      id,
      workspace_id: actor.workspaceId,
      decision_id: decisionId,
      title: input.title,
      description: input.description ?? null,
      owner_side: input.ownerSide ?? "customer",
      owner_stakeholder_id: input.ownerStakeholderId ?? null,
      owner_member_id: input.ownerMemberId ?? null,
      due_date: input.dueDate ?? null,
      first_due_date: input.dueDate ?? null,
      status: input.status ?? "not_started",
      blocked_reason: input.blockedReason ?? null,
      position: await nextPosition(trx, actor.workspaceId, decisionId),
      depends_on: input.dependsOn ?? null,
    },
  ]);
  await recordCreate(trx, actor, "plan_step", id, input, decisionId);
  await refreshDerived(trx, actor.workspaceId, decisionId);
  return id;
}

/** Column changes for a step, counting moves of its due date (the plan's slippage history). */
export function stepPatch(before: StepRow, input: StepInput & { status?: string }) {
  const patch: Record<string, unknown> = {};
  if (input.title !== undefined) patch.title = input.title;
  if (input.description !== undefined) patch.description = input.description;
  if (input.ownerSide !== undefined) patch.owner_side = input.ownerSide;
  if (input.ownerStakeholderId !== undefined) patch.owner_stakeholder_id = input.ownerStakeholderId;
  if (input.ownerMemberId !== undefined) patch.owner_member_id = input.ownerMemberId;
  if (input.dependsOn !== undefined) patch.depends_on = input.dependsOn;
  if (input.blockedReason !== undefined) patch.blocked_reason = input.blockedReason;
  if (input.dueDate !== undefined && input.dueDate !== before.due_date) {
    patch.due_date = input.dueDate;
    if (before.due_date && input.dueDate) patch.due_date_moves = before.due_date_moves + 1;
    if (!before.first_due_date) patch.first_due_date = input.dueDate;
  }
  if (input.status !== undefined && input.status !== before.status) {
    patch.status = input.status;
    patch.done_at = input.status === "done" ? new Date() : null;
    if (input.status !== "blocked") patch.blocked_reason = null;
  }
  return patch;
}

/** A change to a step by the seller (or, `tick`, by a buyer through the room), inside the caller's transaction. */
export async function applyStepChange(
  trx: Kysely<Database>,
  actor: Actor,
  step: StepRow,
  change: { action: "update"; version: number; input: StepInput } | { action: "delete"; version: number },
) {
  await applyChange(trx, actor, {
    entity: "plan_step",
    table: "plan_step",
    id: step.id,
    version: change.version,
    action: change.action,
    patch: change.action === "update" ? (before: StepRow) => stepPatch(before, change.input) : {},
    current: step,
    load: (includeDeleted) => findStep(trx, step.workspace_id, step.id, includeDeleted),
    present: (row) => presentStep(row, []),
    parentId: (row) => row.decision_id,
    what: "The step",
  });
  await refreshDerived(trx, step.workspace_id, step.decision_id);
}

export async function changeStep(
  db: Kysely<Database>,
  actor: SignedIn,
  id: string,
  change: { action: "update"; body: z.output<typeof updateStepBody> } | { action: "delete"; version: number },
) {
  await db.transaction().execute(async (trx) => {
    const before = await findStep(trx, actor.workspaceId, id);
    if (!before) throw notFound("The step");
    const decision = await editableDecision(trx, actor, before.decision_id);
    if (change.action === "delete") return applyStepChange(trx, actor, before, change);
    await checkStepReferences(
      trx,
      actor,
      decision,
      { ...change.body, blockedReason: change.body.blockedReason ?? before.blocked_reason },
      id,
    );
    await applyStepChange(trx, actor, before, {
      action: "update",
      version: change.body.version,
      input: change.body,
    });
  });
  const row = await findStep(db, actor.workspaceId, id, true);
  return presentStep(row!, []);
}

/** A comment on a step: by a member, or by a buyer through the room (`linkId`), inside the caller's transaction. */
export async function addStepComment(
  trx: Kysely<Database>,
  actor: Actor,
  step: StepRow,
  author: { name: string; memberId: string | null; linkId: string | null },
  body: unknown & { body: string },
) {
  const id = randomUUID();
  await insertStepComment(trx, {
    id,
    workspace_id: step.workspace_id,
    decision_id: step.decision_id,
    step_id: step.id,
    author_name: author.name,
    author_member: author.memberId,
    share_link_id: author.linkId,
    body: body.body,
  });
  await recordCreate(trx, actor, "step_comment", id, body, step.decision_id);
}

/** A member comments on a step of a decision they can see (managers coach in the plan too). */
export async function commentOnStep(db: Kysely<Database>, actor: SignedIn, stepId: string, body: string) {
  await db.transaction().execute(async (trx) => {
    const step = await findStep(trx, actor.workspaceId, stepId);
    if (!step) throw notFound("The step");
    await requireVisibleDecision(trx, actor, step.decision_id);
    const name = await memberName(trx, actor.workspaceId, actor.memberId);
    await addStepComment(trx, actor, step, { name, memberId: actor.memberId, linkId: null }, { body });
  });
}

/** New order of the plan's steps (drag and drop): every step of the plan, once. */
export async function reorderSteps(
  db: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  stepIds: string[],
) {
  await db.transaction().execute(async (trx) => {
    const decision = await editableDecision(trx, actor, decisionId);
    const current = await stepsOf(trx, actor.workspaceId, decisionId);
    const known = new Set(current.map((s) => s.id));
    if (stepIds.length !== current.length || !stepIds.every((s) => known.has(s))) {
      throw invalid("stepIds", "must list every step of this plan exactly once");
    }
    await setStepPositions(trx, actor.workspaceId, stepIds);
    await recordChange(trx, actor, {
      entity: "plan",
      entityId: decision.id,
      action: "update",
      before: current.map((s) => s.id),
      after: stepIds,
      parentId: decision.id,
    });
  });
}

/** Lazily gives a workspace the shipped templates the first time it looks; afterwards they are its own. */
export async function listTemplates(db: Kysely<Database>, actor: SignedIn) {
  let rows = await templatesOf(db, actor.workspaceId);
  if (rows.length === 0) {
    await insertTemplates(
      db,
      DEFAULT_TEMPLATES.map((t) => ({
        id: randomUUID(),
        workspace_id: actor.workspaceId,
        name: t.name,
        description: t.description,
        steps: JSON.stringify(t.steps),
      })),
    );
    rows = await templatesOf(db, actor.workspaceId);
  }
  return rows;
}

export async function applyTemplate(
  db: Kysely<Database>,
  actor: SignedIn,
  decisionId: string,
  templateId: string,
  startDate: string,
) {
  await db.transaction().execute(async (trx) => {
    const decision = await editableDecision(trx, actor, decisionId);
    const template = await findTemplate(trx, actor.workspaceId, templateId);
    if (!template) throw unknownReference("templateId", "The template");
    const templateSteps = template.steps as TemplateStep[];
    const ids = templateSteps.map(() => randomUUID());
    const first = await nextPosition(trx, actor.workspaceId, decisionId);
    await insertSteps(
      trx,
      templateSteps.map((step, index) => {
        const due = addDays(startDate, step.offsetDays);
        return {
          id: ids[index]!,
          workspace_id: actor.workspaceId,
          decision_id: decisionId,
          title: step.title,
          description: step.description ?? null,
          owner_side: step.ownerSide,
          owner_stakeholder_id: null,
          owner_member_id: step.ownerSide === "us" ? decision.owner_id : null,
          due_date: due,
          first_due_date: due,
          status: "not_started",
          blocked_reason: null,
          position: first + index,
          depends_on: step.dependsOn === undefined ? null : ids[step.dependsOn]!,
        };
      }),
    );
    await recordCreate(
      trx,
      actor,
      "plan",
      decisionId,
      { template: template.name, steps: ids.length },
      decisionId,
    );
    await refreshDerived(trx, actor.workspaceId, decisionId);
  });
}

export async function saveTemplate(
  db: Kysely<Database>,
  actor: SignedIn,
  id: string | null,
  body: z.output<typeof templateBody> | z.output<typeof updateTemplateBody>,
) {
  return db.transaction().execute(async (trx) => {
    if (id === null) {
      const created = {
        id: randomUUID(),
        workspace_id: actor.workspaceId,
        name: (body as z.output<typeof templateBody>).name,
        description: body.description ?? null,
        steps: JSON.stringify(body.steps),
      };
      await insertTemplates(trx, [created]);
      await recordCreate(trx, actor, "plan_template", created.id, body);
      return (await findTemplate(trx, actor.workspaceId, created.id))!;
    }
    const { after } = await applyChange(trx, actor, {
      entity: "plan_template",
      table: "plan_template",
      id,
      version: (body as { version: number }).version,
      action: "update",
      patch: {
        ...(body.name ? { name: body.name } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.steps ? { steps: JSON.stringify(body.steps) } : {}),
      },
      load: () => findTemplate(trx, actor.workspaceId, id),
      present: presentTemplate,
      what: "The template",
    });
    return after;
  });
}

/** A plan step of this workspace (a buyer's room reaches only its own decision's: the caller checks). */
export const planStep = (db: Kysely<Database>, workspaceId: string, id: string) =>
  findStep(db, workspaceId, id);
