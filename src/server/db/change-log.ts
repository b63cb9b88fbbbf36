import { type Kysely, sql } from "kysely";
import { eventsOf } from "../../domain/webhooks/events.ts";
import { raiseEvents } from "./outbox.ts";
import type { ChangeAction, Database } from "./schema.ts";

export interface Actor {
  workspaceId: string;
  memberId: string | null;
  /** Set when the change did not come from a signed-in member, e.g. "cli" or "share_link:<id>". */
  via?: string;
}

/** Appends one entry to the change log; call it inside the transaction that makes the change. */
export async function recordChange(
  db: Kysely<Database>,
  actor: Actor,
  change: {
    entity: string;
    entityId: string;
    action: ChangeAction;
    before?: unknown;
    after?: unknown;
    /** The record this one belongs to (a concern's decision), so the parent's history includes it. */
    parentId?: string;
  },
) {
  await db
    .insertInto("change_log")
    .values({
      workspace_id: actor.workspaceId,
      member_id: actor.memberId,
      via: actor.via ?? null,
      entity: change.entity,
      entity_id: change.entityId,
      action: change.action,
      before: change.before === undefined ? undefined : JSON.stringify(change.before),
      after: change.after === undefined ? undefined : JSON.stringify(change.after),
      parent_id: change.parentId ?? null,
    })
    .execute();
  await raiseEvents(
    db,
    actor.workspaceId,
    eventsOf(change).map((type) => ({
      type,
      entity: change.entity,
      entityId: change.entityId,
      decisionId: change.entity === "decision" ? change.entityId : (change.parentId ?? null),
      snapshot: change.after,
    })),
  );
  if (teaches(actor, change)) {
    // The decision this change is about (itself, or the one its part belongs to) has just taught us something.
    await db
      .updateTable("decision")
      .set({ learned_at: sql`now()` })
      .where("workspace_id", "=", actor.workspaceId)
      .where("id", "=", change.parentId ?? change.entityId)
      .execute();
  }
}

/** A change teaches us about a decision unless it is the demo's seeding or an import's bulk copy. */
const teaches = (actor: Actor, change: { entity: string; parentId?: string }) =>
  (change.entity === "decision" || Boolean(change.parentId)) &&
  actor.via !== "demo" &&
  !actor.via?.startsWith("import:");

/** A new record in the change log, as it was created (under its decision when it is part of one). */
export function recordCreate(
  db: Kysely<Database>,
  actor: Actor,
  entity: string,
  entityId: string,
  after: unknown,
  parentId?: string,
) {
  return recordChange(db, actor, {
    entity,
    entityId,
    action: "create",
    after,
    ...(parentId ? { parentId } : {}),
  });
}

/** Change-log entries of a workspace, newest first, with who made each: the one read of the history. */
export function changeEntries(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom("change_log")
    .leftJoin("member", "member.id", "change_log.member_id")
    .select([
      "change_log.public_id",
      "change_log.entity",
      "change_log.entity_id",
      "change_log.action",
      "change_log.member_id",
      "member.name as member_name",
      "change_log.via",
      "change_log.before",
      "change_log.after",
      "change_log.at",
    ])
    .where("change_log.workspace_id", "=", workspaceId)
    .orderBy("change_log.id", "desc");
}

/**
 * The updates of one record after a version, oldest first, with who made each: what a stale edit is merged
 * against (each entry's presented `after` carries the version it produced).
 */
export function updatesSince(
  db: Kysely<Database>,
  workspaceId: string,
  entity: string,
  entityId: string,
  version: number,
) {
  return db
    .selectFrom("change_log")
    .leftJoin("member", "member.id", "change_log.member_id")
    .select(["change_log.member_id", "member.name as member_name", "change_log.before", "change_log.after"])
    .where("change_log.workspace_id", "=", workspaceId)
    .where("change_log.entity", "=", entity)
    .where("change_log.entity_id", "=", entityId)
    .where("change_log.action", "=", "update")
    .where(sql<number>`(change_log.after->>'version')::int`, ">", version)
    .orderBy("change_log.id")
    .execute();
}
