import type { Kysely } from "kysely";
import { describeChange } from "../../../domain/history/describe.ts";
import { UUID } from "../../../domain/ids.ts";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import type { ChangeRow } from "./changes.presenter.ts";
import { listChanges, namesFor } from "./changes.repo.ts";

/** The workspace's history as this member may read it: a decision's entries follow that decision's visibility. */
export const changesFor = async (
  db: Kysely<Database>,
  actor: SignedIn,
  filter: { entity?: string | undefined; entityId?: string | undefined; limit: number },
) => described(db, actor.workspaceId, await listChanges(db, actor.workspaceId, actor, filter));

/** Every id-like string in a recorded value, a few levels deep. */
function idsIn(value: unknown, found: Set<string>, depth = 0) {
  if (depth > 3 || value === null || value === undefined) return;
  if (typeof value === "string") {
    if (UUID.test(value)) found.add(value);
  } else if (typeof value === "object") for (const v of Object.values(value)) idsIn(v, found, depth + 1);
}

/** History entries with each one told in words: who, what, before → after, and where on the page. */
export async function described<Row extends ChangeRow>(
  db: Kysely<Database>,
  workspaceId: string,
  rows: Row[],
) {
  const ids = new Set<string>();
  const links = new Set<string>();
  for (const row of rows) {
    idsIn(row.before, ids);
    idsIn(row.after, ids);
    const link = /^share_link:([0-9a-f-]{36})/.exec(row.via ?? "")?.[1];
    if (link) links.add(link);
  }
  const found = await namesFor(db, workspaceId, [...ids], [...links]);
  const names = {
    people: Object.fromEntries(found.people.map((p) => [p.id, p.name])),
    links: Object.fromEntries(
      found.links.map((l) => [
        l.id,
        { label: l.stakeholder_name ?? l.label, personal: l.stakeholder_name !== null },
      ]),
    ),
  };
  return rows.map((row) => ({
    row,
    summary: describeChange(
      {
        entity: row.entity,
        action: row.action,
        memberName: row.member_name,
        via: row.via,
        before: row.before,
        after: row.after,
      },
      names,
    ),
  }));
}
