// Insights' figures are a pure function of the workspace's data and the day. Every change to the data writes
// a change-log entry, so while the workspace's latest entry and the day stay the same, a member asking again
// gets the figures already worked out — on whichever app server answers, each keeping its own.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { latestChange } from "./insights.repo.ts";

const MAX_ENTRIES = 500;
const kept = new Map<string, { state: string; value: Promise<unknown> }>();

export async function whileUnchanged<T>(
  db: Kysely<Database>,
  actor: SignedIn,
  what: string,
  query: object,
  day: string,
  compute: () => Promise<T>,
): Promise<T> {
  const state = `${await latestChange(db, actor.workspaceId)}|${day}`;
  // Whose figures (visibility is by member and role) and which: the same question from the same seat.
  const key = JSON.stringify([actor.workspaceId, actor.memberId, actor.role, what, query]);
  const hit = kept.get(key);
  if (hit?.state === state) return hit.value as Promise<T>;
  const value = compute();
  kept.delete(key);
  kept.set(key, { state, value });
  if (kept.size > MAX_ENTRIES) kept.delete(kept.keys().next().value!);
  // A refusal (an unknown team) or a failure is never kept.
  value.catch(() => kept.get(key)?.value === value && kept.delete(key));
  return value;
}
