import { isDeepStrictEqual } from "node:util";
import type { Kysely } from "kysely";
import { notFound, staleVersion } from "../http/errors.ts";
import { type Actor, recordChange, updatesSince } from "./change-log.ts";
import type { Database } from "./schema.ts";

/**
 * Every table whose rows carry a version, and how a row of it is kept: `soft` rows are deleted and restored
 * through `deleted_at`; the workspace row is its own scope (its id is the workspace).
 */
const VERSIONED = {
  team: "soft",
  member: "soft",
  account: "soft",
  stakeholder: "soft",
  decision: "soft",
  involvement: "soft",
  concern: "soft",
  concession: "soft",
  success_measure: "soft",
  import_mapping: "soft",
  plan_step: "soft",
  plan_template: "soft",
  review: "soft",
  review_action: "soft",
  review_answer: "kept",
  question: "kept",
  problem_correction: "kept",
  conversation: "soft",
  conversation_proposal: "kept",
  diagnosis_correction: "soft",
  webhook_endpoint: "soft",
  workspace: "workspace",
} as const;

type VersionedTable = keyof typeof VERSIONED;

export interface ChangeSpec<Row extends object> {
  entity: string;
  table: VersionedTable;
  id: string;
  version: number;
  action: "update" | "delete" | "restore";
  /** The columns to set, or how to work them out from the row as it stood. */
  patch?: Record<string, unknown> | ((before: Row) => Record<string, unknown>);
  /** The row as the caller already read it in this transaction, so it is not read again. */
  current?: Row;
  /** Loads the row of the caller's workspace, including soft-deleted rows when asked. */
  load: (includeDeleted: boolean) => Promise<Row | undefined>;
  present: (row: Row) => unknown;
  parentId?: (row: Row) => string;
  what: string;
}

const deletedAt = (row: object) => (row as { deleted_at?: Date | null }).deleted_at ?? null;

/**
 * The one path for changing a record: `WHERE version = expected` (a miss is 404 or 409 with the current
 * record), soft delete and restore as updates of `deleted_at`, and the before/after in the change log —
 * all inside the caller's transaction.
 */
export async function applyChange<Row extends object>(
  trx: Kysely<Database>,
  actor: Actor,
  spec: ChangeSpec<Row>,
): Promise<{ before: Row; after: Row }> {
  const kept = VERSIONED[spec.table];
  const restoring = spec.action === "restore";
  if (kept !== "soft" && spec.action !== "update") throw new Error(`${spec.table} rows are not soft-deleted`);
  const before = spec.current ?? (await spec.load(restoring));
  if (!before || (restoring && !deletedAt(before))) throw notFound(spec.what);
  const now = new Date();
  const set =
    spec.action === "delete"
      ? { deleted_at: now }
      : spec.action === "restore"
        ? { deleted_at: null }
        : typeof spec.patch === "function"
          ? spec.patch(before)
          : (spec.patch ?? {});
  // The table name varies by caller; every versioned table has these columns.
  const db = trx as unknown as Kysely<
    Record<
      string,
      { workspace_id: string; id: string; version: number; deleted_at: Date | null; updated_at: Date }
    >
  >;
  let update = db
    .updateTable(spec.table)
    .set({ ...set, version: spec.version + 1, updated_at: now })
    .where(kept === "workspace" ? "id" : "workspace_id", "=", actor.workspaceId)
    .where("id", "=", spec.id)
    .where("version", "=", spec.version);
  if (kept === "soft") update = update.where("deleted_at", restoring ? "is not" : "is", null);
  const updated = await update.returning("id").executeTakeFirst();
  if (!updated) {
    const current = await spec.load(restoring);
    if (!current) throw notFound(spec.what);
    const version = (current as { version: number }).version;
    if (spec.action === "update" && version > spec.version) {
      const merge = await mergeable(trx, actor, spec, current, set);
      if (merge.ok) return applyChange(trx, actor, { ...spec, version, current });
      throw staleVersion(spec.present(current), merge.conflict);
    }
    throw staleVersion(spec.present(current));
  }
  const after = (await spec.load(true))!;
  await recordChange(trx, actor, {
    entity: spec.entity,
    entityId: spec.id,
    action: spec.action,
    before: spec.present(before),
    after: spec.present(after),
    ...(spec.parentId ? { parentId: spec.parentId(after) } : {}),
  });
  return { before, after };
}

const camel = (column: string) => column.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
/** A value as JSON data: a JSON column may be set as its text and read back as an object, in any key order. */
const asData = (value: unknown): unknown => {
  if (typeof value === "string" && /^[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return JSON.parse(JSON.stringify(value ?? null));
};
const same = (a: unknown, b: unknown) => isDeepStrictEqual(asData(a), asData(b));

/**
 * Whether an edit made on an older version can still be applied: it can when none of the fields it sets has
 * changed since that version (the change log knows what each update changed). When one has, the conflict names
 * those fields with their current values and who changed them.
 */
async function mergeable<Row extends object>(
  trx: Kysely<Database>,
  actor: Actor,
  spec: ChangeSpec<Row>,
  current: Row,
  set: Record<string, unknown>,
) {
  const updates = await updatesSince(trx, actor.workspaceId, spec.entity, spec.id, spec.version);
  const presented = spec.present(current) as Record<string, unknown>;
  const steps = (current as { version: number }).version - spec.version;
  const changed = new Map<string, string | null>();
  for (const u of updates) {
    const before = (u.before ?? {}) as Record<string, unknown>;
    const after = (u.after ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(after))
      if (key !== "version" && key !== "updatedAt" && !same(before[key], after[key]))
        changed.set(key, u.member_id === actor.memberId && actor.memberId ? "you" : (u.member_name ?? null));
  }
  // A field counts as set only when the edit gives it a value other than the one it has now.
  const row = current as Record<string, unknown>;
  const clashes = Object.entries(set)
    .filter(([column, value]) => changed.has(camel(column)) && !same(value, row[column]))
    .map(([column]) => camel(column));
  // Every version since is accounted for by a logged update; otherwise we cannot tell what changed.
  if (updates.length === steps && clashes.length === 0) return { ok: true as const };
  return {
    ok: false as const,
    conflict: (clashes.length ? clashes : [...changed.keys()]).map((field) => ({
      field,
      current: presented[field] ?? null,
      changedBy: changed.get(field) ?? null,
    })),
  };
}

/** What a client asks of a record: an edit (its body carries the version it saw), or a delete or restore. */
export type EditOrRemove<Body extends { version: number }> =
  | { action: "update"; body: Body }
  | { action: "delete" | "restore"; version: number };

export const versionOf = (change: EditOrRemove<{ version: number }>) =>
  change.action === "update" ? change.body.version : change.version;
