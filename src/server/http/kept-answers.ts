import type { DatabaseHandle, DatabaseKind } from "../db/client.ts";
import { onLocalSignedInWrite, SIGNED_IN_CHANNEL } from "../db/signed-in-changes.ts";
import type { SignedIn } from "./auth-context.ts";

export interface Resolved<T extends SignedIn = SignedIn> {
  signedIn: T;
  /** When the session or token ends by itself; null when it does not. */
  expiresAt: Date | null;
}

export interface SignedInCacheOptions {
  ttlMs: number;
  /** Whether this server hears every change (false while its notification connection is down). */
  trusted: () => boolean;
  maxEntries?: number;
}

/**
 * Who a session or API token is, kept for a few seconds so a signed-in request does not read it every time.
 * Whatever could change the answer drops it at once: this process's own writes, other servers' through
 * notifications (both from `signed-in-changes.ts`). While notifications may be missed nothing is kept; an
 * answer read while a change was under way is not kept either (the generation moved on meanwhile).
 */
export class SignedInCache {
  private readonly entries = new Map<string, { resolved: Resolved; until: number }>();
  private generation = 0;
  private readonly maxEntries: number;

  constructor(private readonly options: SignedInCacheOptions) {
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** `key` must name the kind of credential: the same key always loads the same kind of answer. */
  async resolve<T extends SignedIn>(
    key: string,
    load: () => Promise<Resolved<T> | null>,
    now = Date.now(),
  ): Promise<T | null> {
    const trusted = this.options.trusted();
    if (trusted) {
      const kept = this.entries.get(key);
      if (kept && kept.until > now) return kept.resolved.signedIn as T;
      if (kept) this.entries.delete(key);
    }
    const generation = this.generation;
    const resolved = await load();
    if (resolved && trusted && this.options.trusted() && generation === this.generation) {
      const ends = resolved.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { resolved, until: Math.min(now + this.options.ttlMs, ends) });
    }
    return resolved?.signedIn ?? null;
  }

  forgetMember(memberId: string) {
    this.generation++;
    for (const [key, entry] of this.entries)
      if (entry.resolved.signedIn.memberId === memberId) this.entries.delete(key);
  }

  clear() {
    this.generation++;
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }
}

/** Sessions and tokens are kept this long at most; a change reaches every server well before. */
export const SIGNED_IN_CACHE_MS = 5000;

/**
 * A cache kept true: cleared by this process's writes, and on PostgreSQL by every server's through the
 * database's notifications — and bypassed while they cannot be heard. On PostgreSQL without a way to hear them
 * it keeps nothing.
 */
export function watchedSignedInCache(
  kind: DatabaseKind,
  listen: DatabaseHandle["listen"],
): { cache: SignedInCache; stop(): Promise<void> } {
  const listening = kind === "postgres" ? listen?.(SIGNED_IN_CHANNEL, { onNotify, onLive }) : undefined;
  const cache = new SignedInCache({
    ttlMs: SIGNED_IN_CACHE_MS,
    trusted: () => (kind === "embedded" ? true : (listening?.live ?? false)),
  });
  function onNotify(memberId: string) {
    cache.forgetMember(memberId);
  }
  function onLive() {
    cache.clear();
  }
  const stopLocal = onLocalSignedInWrite(() => cache.clear());
  return {
    cache,
    async stop() {
      stopLocal();
      await listening?.stop();
    },
  };
}
