import type { Account, Stakeholder } from "../../../contract/accounts.ts";
import type { AccountRow, StakeholderRow } from "./accounts.repo.ts";

export function presentAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    industry: row.industry,
    size: row.size,
    website: row.website,
    goals: row.goals,
    challenges: row.challenges,
    currentApproach: row.current_approach,
    approachReason: row.approach_reason,
    notes: row.notes,
    source:
      row.source_system && row.source_id
        ? { system: row.source_system, id: row.source_id, stage: null }
        : null,
    decisionCount: row.decision_count,
    stakeholderCount: row.stakeholder_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function presentStakeholder(row: StakeholderRow): Stakeholder {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    title: row.title,
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}
