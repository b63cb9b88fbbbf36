import { describe, expect, it } from "vitest";
import type { SignedIn } from "./auth-context.ts";
import { KeptAnswers } from "./kept-answers.ts";

const ann: SignedIn = { memberId: "m-ann", workspaceId: "w", role: "seller", teamId: null };
const bob: SignedIn = { memberId: "m-bob", workspaceId: "w", role: "manager", teamId: null };

function counting(signedIn: SignedIn | null, expiresAt: Date | null = null) {
  const load = async () => {
    load.calls++;
    return signedIn && { value: signedIn, expiresAt };
  };
  load.calls = 0;
  return load;
}

describe("KeptAnswers (who a session is)", () => {
  it("reads a session once within its time, again after", async () => {
    const cache = new KeptAnswers<SignedIn>({ ttlMs: 1000, trusted: () => true });
    const load = counting(ann);
    expect(await cache.get("s:1", load, 0)).toEqual(ann);
    expect(await cache.get("s:1", load, 999)).toEqual(ann);
    expect(load.calls).toBe(1);
    await cache.get("s:1", load, 1000);
    expect(load.calls).toBe(2);
  });

  it("never keeps a session past its own end, nor an unknown one", async () => {
    const cache = new KeptAnswers<SignedIn>({ ttlMs: 60_000, trusted: () => true });
    const ending = counting(ann, new Date(500));
    await cache.get("s:1", ending, 0);
    await cache.get("s:1", ending, 500);
    expect(ending.calls).toBe(2);
    const unknown = counting(null);
    expect(await cache.get("s:2", unknown, 0)).toBeNull();
    expect(await cache.get("s:2", unknown, 1)).toBeNull();
    expect(unknown.calls).toBe(2);
  });

  it("forgets one member's sessions at once, leaving others", async () => {
    const cache = new KeptAnswers<SignedIn>({ ttlMs: 60_000, trusted: () => true });
    const annLoad = counting(ann);
    const bobLoad = counting(bob);
    await cache.get("s:ann", annLoad, 0);
    await cache.get("s:bob", bobLoad, 0);
    cache.forget((s) => s.memberId === "m-ann");
    await cache.get("s:ann", annLoad, 1);
    await cache.get("s:bob", bobLoad, 1);
    expect([annLoad.calls, bobLoad.calls]).toEqual([2, 1]);
  });

  it("does not keep an answer read while a change happened", async () => {
    const cache = new KeptAnswers<SignedIn>({ ttlMs: 60_000, trusted: () => true });
    const load = counting(ann);
    await cache.get(
      "s:1",
      async () => {
        cache.forget((s) => s.memberId === "m-ann");
        return load();
      },
      0,
    );
    await cache.get("s:1", load, 1);
    expect(load.calls).toBe(2);
  });

  it("keeps nothing while changes cannot be heard", async () => {
    let live = false;
    const cache = new KeptAnswers<SignedIn>({ ttlMs: 60_000, trusted: () => live });
    const load = counting(ann);
    await cache.get("s:1", load, 0);
    await cache.get("s:1", load, 1);
    expect(load.calls).toBe(2);
    live = true;
    await cache.get("s:1", load, 2);
    await cache.get("s:1", load, 3);
    expect(load.calls).toBe(3);
    live = false;
    await cache.get("s:1", load, 4);
    expect(load.calls).toBe(4);
  });

  it("stays within its size, dropping the oldest", async () => {
    const cache = new KeptAnswers<SignedIn>({ ttlMs: 60_000, trusted: () => true, maxEntries: 2 });
    for (const key of ["a", "b", "c"]) await cache.get(key, counting(ann), 0);
    expect(cache.size).toBe(2);
    const a = counting(ann);
    await cache.get("a", a, 1);
    expect(a.calls).toBe(1);
  });
});
