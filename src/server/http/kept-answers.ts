import type { DatabaseHandle, DatabaseKind } from "../db/client.ts";
import { onLocalSignedInWrite, SIGNED_IN_CHANNEL } from "../db/signed-in-changes.ts";
import type { MemberRow } from "../features/members/members.repo.ts";
import type { SignedIn } from "./auth-context.ts";

export interface Loaded<V> {
  value: V;
  /** When the answer stops being true by itself (a session's end); null when it does not. */
  expiresAt: Date | null;
}

export interface KeptAnswersOptions {
  ttlMs: number;
  /** Whether this server hears every change (false while its notification connection is down). */
  trusted: () => boolean;
  maxEntries?: number;
}

/**
 * Answers read from the database, kept for a few seconds so a request does not read them every time.
 * Whatever could change an answer drops it at once: this process's own writes, other servers' through
 * notifications (both from `signed-in-changes.ts`). While notifications may be missed nothing is kept; an
 * answer read while a change was under way is not kept either (the generation moved on meanwhile).
 */
export class KeptAnswers<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private generation = 0;
  private readonly maxEntries: number;

  constructor(private readonly options: KeptAnswersOptions) {
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** `key` must name what is loaded: the same key always loads the same kind of answer. */
  async get(key: string, load: () => Promise<Loaded<V> | null>, now = Date.now()): Promise<V | null> {
    const trusted = this.options.trusted();
    if (trusted) {
      const kept = this.entries.get(key);
      if (kept && kept.until > now) return kept.value;
      if (kept) this.entries.delete(key);
    }
    const generation = this.generation;
    const loaded = await load();
    if (loaded && trusted && this.options.trusted() && generation === this.generation) {
      const ends = loaded.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value: loaded.value, until: Math.min(now + this.options.ttlMs, ends) });
    }
    return loaded?.value ?? null;
  }

  forget(which: (value: V) => boolean) {
    this.generation++;
    for (const [key, entry] of this.entries) if (which(entry.value)) this.entries.delete(key);
  }

  clear() {
    this.generation++;
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }
}

/** Answers are kept this long at most; a change reaches every server well before. */
export const KEPT_MS = 5000;

/** What every request may read from memory rather than the database. */
export interface Kept {
  /** Who a session or API token is, by credential. */
  signedIn: KeptAnswers<SignedIn>;
  /** A workspace's members (the list every page's owner pickers read), by workspace. */
  members: KeptAnswers<MemberRow[]>;
}

/**
 * Kept answers held true: cleared by this process's writes, and on PostgreSQL by every server's through the
 * database's notifications — and bypassed while they cannot be heard. On PostgreSQL without a way to hear them
 * nothing is kept.
 */
export function watchedAnswers(
  kind: DatabaseKind,
  listen: DatabaseHandle["listen"],
): { kept: Kept; stop(): Promise<void> } {
  const listening = kind === "postgres" ? listen?.(SIGNED_IN_CHANNEL, { onNotify, onLive }) : undefined;
  const options = {
    ttlMs: KEPT_MS,
    trusted: () => (kind === "embedded" ? true : (listening?.live ?? false)),
  };
  const kept: Kept = { signedIn: new KeptAnswers(options), members: new KeptAnswers(options) };
  // A notification names the member whose sessions or record changed; which workspace's list holds them is
  // not worth a lookup when members change this rarely.
  function onNotify(memberId: string) {
    kept.signedIn.forget((signedIn) => signedIn.memberId === memberId);
    kept.members.clear();
  }
  function onLive() {
    kept.signedIn.clear();
    kept.members.clear();
  }
  const stopLocal = onLocalSignedInWrite(onLive);
  return {
    kept,
    async stop() {
      stopLocal();
      await listening?.stop();
    },
  };
}
