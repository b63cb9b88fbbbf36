import type { z } from "zod";
import type { PlanStep, planTemplate } from "../../../contract/plan.ts";
import type { StepRow, TemplateRow } from "./plan.repo.ts";

export function presentStep(
  row: StepRow,
  comments: {
    id: string;
    author_name: string;
    body: string;
    share_link_id: string | null;
    created_at: Date;
  }[],
): PlanStep {
  return {
    id: row.id,
    decisionId: row.decision_id,
    title: row.title,
    description: row.description,
    ownerSide: row.owner_side,
    ownerStakeholderId: row.owner_stakeholder_id,
    ownerMemberId: row.owner_member_id,
    ownerName: row.owner_name,
    dueDate: row.due_date,
    firstDueDate: row.first_due_date,
    dueDateMoves: row.due_date_moves,
    status: row.status,
    blockedReason: row.blocked_reason,
    position: row.position,
    dependsOn: row.depends_on,
    doneAt: row.done_at?.toISOString() ?? null,
    comments: comments.map((c) => ({
      id: c.id,
      authorName: c.author_name,
      body: c.body,
      fromBuyer: c.share_link_id !== null,
      at: c.created_at.toISOString(),
    })),
    version: row.version,
  };
}

export const presentTemplate = (row: TemplateRow) => ({
  id: row.id,
  name: row.name,
  description: row.description,
  steps: row.steps as z.infer<typeof planTemplate>["steps"],
  version: row.version,
});
