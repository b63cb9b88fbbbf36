// Insights' figures are a pure function of the workspace's data and the day. Every change to the data writes
// a change-log entry, so while the workspace's latest entry and the day stay the same, a member asking again
// gets the figures already worked out — on whichever app server answers, each keeping its own. What is learned
// from decided decisions alone is kept longer: until a change touches a decided decision (or who sees whom),
// which the entries since it was learned tell.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { decidedTouched, latestChange } from "./insights.repo.ts";

const MAX_ENTRIES = 500;

interface Kept {
  /** The latest change-log entry when the figures were worked out (and, for the day-bound ones, the day). */
  since: string;
  day: string;
  /** Which background learning had landed: the figures worked out with an earlier model are not answered. */
  generation: number;
  value: Promise<unknown>;
}

/** Per workspace, how many background learnings have landed. */
const generations = new Map<string, number>();
const generationOf = (workspaceId: string) => generations.get(workspaceId) ?? 0;

const kept = new Map<string, Kept>();

function keep(key: string, entry: Kept) {
  kept.delete(key);
  kept.set(key, entry);
  if (kept.size > MAX_ENTRIES) kept.delete(kept.keys().next().value!);
  // A refusal (an unknown team) or a failure is never kept.
  entry.value.catch(() => kept.get(key)?.value === entry.value && kept.delete(key));
  return entry.value;
}

// Whose figures (visibility is by member and role) and which: the same question from the same seat.
type Seat = Pick<SignedIn, "workspaceId"> & { memberId: string | null; role: string };

const keyOf = (actor: Seat, what: string, query: object) =>
  JSON.stringify([actor.workspaceId, actor.memberId, actor.role, what, query]);

/** Figures of the whole workspace as of `day`: worked out again after any change. */
export async function whileUnchanged<T>(
  db: Kysely<Database>,
  actor: SignedIn,
  what: string,
  query: object,
  day: string,
  compute: () => Promise<T>,
): Promise<T> {
  const since = await latestChange(db, actor.workspaceId);
  const key = keyOf(actor, what, query);
  const hit = kept.get(key);
  const generation = generationOf(actor.workspaceId);
  if (hit?.since === since && hit.day === day && hit.generation === generation)
    return hit.value as Promise<T>;
  return keep(key, { since, day, generation, value: compute() }) as Promise<T>;
}

/**
 * Figures learned from decided decisions (the forecast's model): learned again only when a change since touched
 * one of those, or who sees whom. Changes to open decisions — most of a day's — keep them. After such a change the
 * previous figures answer while the new ones are worked out (a model learned from thousands of decisions barely
 * moves with one), and replace them once ready; a second request does not start another, nor one during the
 * rest after a learning.
 */
export async function whileDecidedUnchanged<T>(
  db: Kysely<Database>,
  actor: Seat,
  what: string,
  query: object,
  compute: () => Promise<T>,
  /** How long the work took, to rest three times as long before the next. */
  took: (value: T) => number,
): Promise<T> {
  const latest = await latestChange(db, actor.workspaceId);
  const key = keyOf(actor, what, query);
  const generation = generationOf(actor.workspaceId);
  const hit = kept.get(key);
  if (hit && (hit.since === latest || !(await touchesDecided(db, actor.workspaceId, hit.since)))) {
    hit.since = latest;
    return hit.value as Promise<T>;
  }
  if (!hit) return keep(key, { since: latest, day: "", generation, value: compute() }) as Promise<T>;
  const last = learned.get(key);
  const rested = !last || Date.now() >= last.endedAt + REST * last.took;
  if (!learning.has(key) && rested) {
    const next = compute();
    learning.set(key, next);
    next
      .then((value) => {
        learned.set(key, { endedAt: Date.now(), took: took(value) });
        if (kept.get(key) !== hit) return;
        keep(key, { since: latest, day: "", generation, value: next });
        generations.set(actor.workspaceId, generationOf(actor.workspaceId) + 1);
      })
      .catch(() => {})
      .finally(() => learning.delete(key));
  }
  return hit.value as Promise<T>;
}

const learning = new Map<string, Promise<unknown>>();

// Between two learnings of the same figures, a rest of three times as long as the last took: on a busy
// workspace, closes arriving every few seconds would otherwise keep a core learning all the time, taken from
// requests. A learning of milliseconds rests milliseconds; one of four seconds, twelve.
const REST = 3;
const learned = new Map<string, { endedAt: number; took: number }>();

async function touchesDecided(db: Kysely<Database>, workspaceId: string, since: string) {
  const touched = await decidedTouched(db, workspaceId, since);
  return touched.everything || touched.ids.length > 0;
}
