import type { ChangeEntry } from "../../../contract/common.ts";
import type { ChangeSummary } from "../../../domain/history/describe.ts";

export interface ChangeRow {
  public_id: string;
  entity: string;
  entity_id: string;
  action: ChangeEntry["action"];
  member_id: string | null;
  member_name: string | null;
  via: string | null;
  before: unknown;
  after: unknown;
  at: Date;
}

export function presentChange({ row, summary }: { row: ChangeRow; summary: ChangeSummary }): ChangeEntry {
  return {
    summary,
    id: row.public_id,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    memberId: row.member_id,
    memberName: row.member_name,
    via: row.via,
    before: row.before,
    after: row.after,
    at: row.at.toISOString(),
  };
}
