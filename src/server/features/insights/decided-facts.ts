// The decided decisions' facts a member's Insights add up (`domain/insights/decided.ts`), kept per scope
// on this app server: after a change, only the decided decisions the change-log entries since name are read
// again — thousands of decided decisions are not re-added-up in the database on each change. A change to who sees
// whom or to names, and an import, reads them all again; so does a new day, which also catches an entry whose
// transaction committed after a later-numbered one was already seen.
import type { Kysely } from "kysely";
import type { DecidedFact } from "../../../domain/insights/decided.ts";
import type { Database } from "../../db/schema.ts";
import { decidedFacts, decidedTouched, latestChange, type Scope } from "./insights.repo.ts";

const MAX_SCOPES = 50;

interface Kept {
  since: string;
  day: string;
  facts: Map<string, DecidedFact>;
  /** The facts as a list: a new one when any changed, so what is added up of them can be kept by it. */
  list: DecidedFact[];
}

/** Per seat and scope, the facts as of the latest change seen — updates chained, so one runs at a time. */
const kept = new Map<string, Promise<Kept>>();

async function readAll(db: Kysely<Database>, scope: Scope, since: string, day: string): Promise<Kept> {
  const facts = await decidedFacts(db, scope);
  return { since, day, facts: new Map(facts.map((f) => [f.id, f])), list: facts };
}

async function brought(db: Kysely<Database>, scope: Scope, was: Kept, latest: string, day: string) {
  if (was.day !== day) return readAll(db, scope, latest, day);
  if (was.since === latest) return was;
  const touched = await decidedTouched(db, scope.workspaceId, was.since);
  if (touched.everything) return readAll(db, scope, latest, day);
  if (!touched.ids.length) return { ...was, since: latest };
  const fresh = await decidedFacts(db, scope, touched.ids);
  // Reopened, deleted or out of scope now: not read again, so no longer kept.
  for (const id of touched.ids) was.facts.delete(id);
  for (const f of fresh) was.facts.set(f.id, f);
  return { since: latest, day, facts: was.facts, list: [...was.facts.values()] };
}

/**
 * The decided decisions in `scope` (whose visibility, which team or seller) as of now: the same list while none
 * of them changed.
 */
export async function decidedFactsOf(db: Kysely<Database>, scope: Scope, day: string) {
  const key = JSON.stringify([scope.workspaceId, scope.visibility, scope.teamId, scope.memberId]);
  const latest = await latestChange(db, scope.workspaceId);
  const previous = kept.get(key);
  const next = previous
    ? previous
        .then((was) => brought(db, scope, was, latest, day))
        .catch(() => readAll(db, scope, latest, day))
    : readAll(db, scope, latest, day);
  kept.delete(key);
  kept.set(key, next);
  if (kept.size > MAX_SCOPES) kept.delete(kept.keys().next().value!);
  next.catch(() => kept.get(key) === next && kept.delete(key));
  return (await next).list;
}
