/**
 * Finding the people a deal names among the contacts already imported: by the CRM's id, or by name or email,
 * preferring someone at the deal's account when several share a name.
 */

import type { PersonRef } from "./record.ts";

export interface KnownPerson {
  id: string;
  /** The CRM's id for the person, when they came from the same CRM as the deal. */
  sourceId: string | null;
  name: string;
  email: string | null;
  accountId: string;
}

/** "Leslie Knope (leslie@example.com)" is known by the email; a plain name by itself, in any case. */
export function personKey(value: string) {
  const email = /[<(]\s*([^<>()\s]+@[^<>()\s]+)\s*[>)]\s*$/.exec(value)?.[1] ?? value;
  return email.trim().toLowerCase();
}

export type Found = { id: string } | { problem: string };

export function personFinder(people: KnownPerson[]) {
  const byId = new Map<string, string>();
  const byKey = new Map<string, KnownPerson[]>();
  for (const person of people) {
    if (person.sourceId) byId.set(person.sourceId, person.id);
    for (const key of new Set([person.name.toLowerCase(), person.email?.toLowerCase()]))
      if (key) byKey.set(key, [...(byKey.get(key) ?? []), person]);
  }
  const none = { problem: "no imported contact answers to this; they are not added to the decision" };
  return (ref: PersonRef, accountId: string | null): Found => {
    if (ref.by === "id") {
      const id = byId.get(ref.value);
      return id ? { id } : none;
    }
    const found = byKey.get(personKey(ref.value)) ?? [];
    const inAccount = found.filter((p) => p.accountId === accountId);
    const pick = inAccount.length ? inAccount : found;
    if (pick.length > 1) return { problem: "more than one imported contact answers to this; none was added" };
    return pick[0] ? { id: pick[0].id } : none;
  };
}
