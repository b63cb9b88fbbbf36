import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type {
  createAccountBody,
  createStakeholderBody,
  updateAccountBody,
  updateStakeholderBody,
} from "../../../contract/accounts.ts";
import { type Actor, recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange, type EditOrRemove, versionOf } from "../../db/versioned-change.ts";
import { invalid, notFound, unknownReference } from "../../http/errors.ts";
import { presentAccount, presentStakeholder } from "./accounts.presenter.ts";
import {
  accountExists,
  findAccount,
  findStakeholder,
  insertAccount,
  insertStakeholder,
  listAccounts,
  listStakeholders,
} from "./accounts.repo.ts";

type AccountBody = z.output<typeof createAccountBody>;
type AccountPatch = z.output<typeof updateAccountBody>;

const blank = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

function accountColumns(input: Partial<AccountBody>) {
  const columns: Record<string, unknown> = {};
  const map: [keyof AccountBody, string][] = [
    ["name", "name"],
    ["industry", "industry"],
    ["size", "size"],
    ["website", "website"],
    ["goals", "goals"],
    ["challenges", "challenges"],
    ["currentApproach", "current_approach"],
    ["approachReason", "approach_reason"],
    ["notes", "notes"],
  ];
  for (const [field, column] of map) {
    if (input[field] !== undefined) columns[column] = field === "name" ? input[field] : blank(input[field]);
  }
  return columns;
}

export async function createAccount(
  db: Kysely<Database>,
  actor: Actor,
  input: AccountBody,
  source?: { system: string; id: string },
) {
  return db.transaction().execute(async (trx) => {
    const id = randomUUID();
    await insertAccount(trx, {
      id,
      workspace_id: actor.workspaceId,
      name: input.name,
      industry: blank(input.industry),
      size: blank(input.size),
      website: blank(input.website),
      goals: blank(input.goals),
      challenges: blank(input.challenges),
      current_approach: blank(input.currentApproach),
      approach_reason: blank(input.approachReason),
      notes: blank(input.notes),
      source_system: source?.system ?? null,
      source_id: source?.id ?? null,
    });
    const account = presentAccount((await findAccount(trx, actor.workspaceId, id))!);
    await recordCreate(trx, actor, "account", id, account);
    return account;
  });
}

export async function changeAccount(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  change: EditOrRemove<AccountPatch>,
) {
  return db.transaction().execute(async (trx) => {
    const { after } = await applyChange(trx, actor, {
      entity: "account",
      table: "account",
      id,
      version: versionOf(change),
      action: change.action,
      patch: change.action === "update" ? accountColumns(change.body) : {},
      load: (includeDeleted) => findAccount(trx, actor.workspaceId, id, includeDeleted),
      present: presentAccount,
      what: "The account",
    });
    return presentAccount(after);
  });
}

type StakeholderBody = z.output<typeof createStakeholderBody>;
type StakeholderPatch = z.output<typeof updateStakeholderBody>;

function stakeholderColumns(input: Partial<StakeholderBody>) {
  const columns: Record<string, unknown> = {};
  if (input.name !== undefined) columns.name = input.name;
  for (const field of ["title", "email", "phone", "notes"] as const) {
    if (input[field] !== undefined) columns[field] = blank(input[field]);
  }
  return columns;
}

export async function createStakeholder(db: Kysely<Database>, actor: Actor, input: StakeholderBody) {
  return db.transaction().execute((trx) => insertNewStakeholder(trx, actor, input));
}

/** A new person at an account, inside the caller's transaction (a speaker becoming a stakeholder). */
export async function insertNewStakeholder(trx: Kysely<Database>, actor: Actor, input: StakeholderBody) {
  if (!(await findAccount(trx, actor.workspaceId, input.accountId)))
    throw unknownReference("accountId", "The account");
  const id = randomUUID();
  await insertStakeholder(trx, {
    id,
    workspace_id: actor.workspaceId,
    account_id: input.accountId,
    name: input.name,
    title: blank(input.title),
    email: blank(input.email),
    phone: blank(input.phone),
    notes: blank(input.notes),
    source_system: null,
    source_id: null,
  });
  const stakeholder = presentStakeholder((await findStakeholder(trx, actor.workspaceId, id))!);
  await recordCreate(trx, actor, "stakeholder", id, stakeholder);
  return stakeholder;
}

export async function changeStakeholder(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  change: EditOrRemove<StakeholderPatch>,
) {
  return db.transaction().execute(async (trx) => {
    const { after } = await applyChange(trx, actor, {
      entity: "stakeholder",
      table: "stakeholder",
      id,
      version: versionOf(change),
      action: change.action,
      patch: change.action === "update" ? stakeholderColumns(change.body) : {},
      load: (includeDeleted) => findStakeholder(trx, actor.workspaceId, id, includeDeleted),
      present: presentStakeholder,
      what: "The stakeholder",
    });
    return presentStakeholder(after);
  });
}

/** An account a record may name: in this workspace and not deleted; else "not found" at `path`. */
export async function requireLiveAccount(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  path = "accountId",
) {
  if (!(await accountExists(db, workspaceId, id))) throw unknownReference(path, "The account");
}

/** A stakeholder a record of this account may name: live, of this workspace and of that account. */
export async function requireStakeholderOf(
  db: Kysely<Database>,
  workspaceId: string,
  accountId: string,
  id: string,
  path: string,
) {
  const stakeholder = await findStakeholder(db, workspaceId, id);
  if (!stakeholder) throw unknownReference(path, "The stakeholder");
  if (stakeholder.account_id !== accountId)
    throw invalid(path, "must be a stakeholder of the decision's account");
  return stakeholder;
}

/** A page of the workspace's accounts by name, after the last one of the page before. */
export const accountPage = (
  db: Kysely<Database>,
  workspaceId: string,
  options: { q?: string | undefined; limit: number; after?: { name: string; id: string } | undefined },
) => listAccounts(db, workspaceId, options);

/** An account with the people known there; "not found" for another workspace's or a deleted one. */
export async function accountWithPeople(db: Kysely<Database>, workspaceId: string, id: string) {
  const row = await findAccount(db, workspaceId, id);
  if (!row) throw notFound("The account");
  return { row, stakeholders: await listStakeholders(db, workspaceId, id) };
}

export async function requireStakeholder(db: Kysely<Database>, workspaceId: string, id: string) {
  const row = await findStakeholder(db, workspaceId, id);
  if (!row) throw notFound("The stakeholder");
  return row;
}
