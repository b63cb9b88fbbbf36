import { type Kysely, type Selectable, sql } from "kysely";
import type { AccountTable, Database, StakeholderTable } from "../../db/schema.ts";

export type AccountRow = Selectable<AccountTable> & { decision_count: number; stakeholder_count: number };
export type StakeholderRow = Selectable<StakeholderTable>;

const accountsWithCounts = (db: Kysely<Database>, workspaceId: string) =>
  db
    .selectFrom("account")
    .selectAll("account")
    .select([
      sql<number>`(SELECT count(*)::int FROM decision d WHERE d.workspace_id = account.workspace_id AND d.account_id = account.id AND d.deleted_at IS NULL)`.as(
        "decision_count",
      ),
      sql<number>`(SELECT count(*)::int FROM stakeholder s WHERE s.workspace_id = account.workspace_id AND s.account_id = account.id AND s.deleted_at IS NULL)`.as(
        "stakeholder_count",
      ),
    ])
    .where("account.workspace_id", "=", workspaceId);

export function listAccounts(
  db: Kysely<Database>,
  workspaceId: string,
  options: { q?: string | undefined; limit: number; after?: { name: string; id: string } | undefined },
) {
  let query = accountsWithCounts(db, workspaceId).where("account.deleted_at", "is", null);
  if (options.q)
    query = query.where(sql<boolean>`account.name ILIKE ${`%${options.q.replace(/[%_\\]/g, "\\$&")}%`}`);
  if (options.after) {
    query = query.where(
      sql<boolean>`(lower(account.name), account.id) > (lower(${options.after.name}), ${options.after.id}::uuid)`,
    );
  }
  return query
    .orderBy(sql`lower(account.name)`)
    .orderBy("account.id")
    .limit(options.limit + 1)
    .execute();
}

export function findAccount(db: Kysely<Database>, workspaceId: string, id: string, includeDeleted = false) {
  let query = accountsWithCounts(db, workspaceId).where("account.id", "=", id);
  if (!includeDeleted) query = query.where("account.deleted_at", "is", null);
  return query.executeTakeFirst();
}

export async function insertAccount(
  db: Kysely<Database>,
  row: Omit<AccountTable, "created_at" | "updated_at" | "version" | "deleted_at">,
) {
  await db.insertInto("account").values(row).execute();
}

export function listStakeholders(db: Kysely<Database>, workspaceId: string, accountId: string) {
  return db
    .selectFrom("stakeholder")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("account_id", "=", accountId)
    .where("deleted_at", "is", null)
    .orderBy("name")
    .execute();
}

export function findStakeholder(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  includeDeleted = false,
) {
  let query = db
    .selectFrom("stakeholder")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id);
  if (!includeDeleted) query = query.where("deleted_at", "is", null);
  return query.executeTakeFirst();
}

export async function insertStakeholder(
  db: Kysely<Database>,
  row: Omit<StakeholderTable, "created_at" | "updated_at" | "version" | "deleted_at">,
) {
  await db.insertInto("stakeholder").values(row).execute();
}

export async function accountExists(db: Kysely<Database>, workspaceId: string, id: string) {
  const row = await db
    .selectFrom("account")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row !== undefined;
}
