import type { Team } from "../../../contract/teams.ts";
import type { TeamRow } from "./teams.repo.ts";

export function presentTeam(row: TeamRow): Team {
  return {
    id: row.id,
    name: row.name,
    managerId: row.manager_id,
    memberIds: row.member_ids ?? [],
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}
