import type { ColumnType, Generated } from "kysely";

/** Kysely's view of the tables in db/migrations. Keep in step with the SQL. */
type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type Version = ColumnType<number, number | undefined, number>;
export type Json = ColumnType<unknown, string | undefined, string>;

export interface WorkspaceTable {
  id: string;
  name: string;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface TeamTable {
  id: string;
  workspace_id: string;
  name: string;
  manager_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: Date | null;
  version: Version;
}

export type Role = "seller" | "manager" | "admin";

export interface MemberTable {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  password_hash: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: Date | null;
  version: Version;
}

export interface SessionTable {
  id: string;
  token_hash: string;
  member_id: string;
  workspace_id: string;
  created_at: CreatedAt;
  expires_at: Date;
}

export type ChangeAction = "create" | "update" | "delete" | "restore";

export interface ChangeLogTable {
  id: Generated<number>;
  workspace_id: string;
  member_id: string | null;
  via: string | null;
  entity: string;
  entity_id: string;
  action: ChangeAction;
  before: Json;
  after: Json;
  at: CreatedAt;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: CreatedAt;
}

export interface Database {
  workspace: WorkspaceTable;
  team: TeamTable;
  member: MemberTable;
  session: SessionTable;
  change_log: ChangeLogTable;
  schema_migration: SchemaMigrationTable;
}
