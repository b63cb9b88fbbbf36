import type { Member } from "../../../contract/members.ts";
import type { MemberRow } from "./members.repo.ts";

/** The member as the API shows it: never the password hash. */
export function presentMember(row: MemberRow): Member {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    teamId: row.team_id,
    active: row.active,
    invited: row.password_hash === null,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}
