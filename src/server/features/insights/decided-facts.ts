// The decided decisions' facts a member's Insights add up, and their tally (`domain/insights/decided.ts`), kept per
// scope on this app server: after a change, only the decided decisions the change-log entries since name are read
// again and their facts taken out of the tally and in again — thousands of decided decisions are not added up again
// for one that changed. A change to who sees
// whom or to names, and an import, reads them all again; so does a new day, which also catches an entry whose
// transaction committed after a later-numbered one was already seen.
import type { Kysely } from "kysely";
import { type DecidedFact, DecidedTally } from "../../../domain/insights/decided.ts";
import type { Database } from "../../db/schema.ts";
import { decidedFacts, decidedTouched, latestChange, type Scope } from "./insights.repo.ts";

const MAX_SCOPES = 50;

interface Kept {
  since: string;
  day: string;
  facts: Map<string, DecidedFact>;
  tally: DecidedTally;
}

/** Per seat and scope, the facts as of the latest change seen — updates chained, so one runs at a time. */
const kept = new Map<string, Promise<Kept>>();

async function readAll(db: Kysely<Database>, scope: Scope, since: string, day: string): Promise<Kept> {
  const facts = await decidedFacts(db, scope);
  return { since, day, facts: new Map(facts.map((f) => [f.id, f])), tally: new DecidedTally(day, facts) };
}

async function brought(db: Kysely<Database>, scope: Scope, was: Kept, latest: string, day: string) {
  if (was.day !== day) return readAll(db, scope, latest, day);
  if (was.since === latest) return was;
  const touched = await decidedTouched(db, scope.workspaceId, was.since);
  if (touched.everything) return readAll(db, scope, latest, day);
  if (touched.ids.length) {
    const fresh = await decidedFacts(db, scope, touched.ids);
    // Reopened, deleted or out of scope now: not read again, so no longer kept.
    for (const id of touched.ids) {
      const old = was.facts.get(id);
      if (old) was.tally.add(old, -1);
      was.facts.delete(id);
    }
    for (const f of fresh) {
      was.facts.set(f.id, f);
      was.tally.add(f);
    }
  }
  return { ...was, since: latest };
}

/** The tally of the decided decisions in `scope` (whose visibility, which team or seller) as of now. */
export async function decidedTallyOf(db: Kysely<Database>, scope: Scope, day: string) {
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
  return (await next).tally;
}
