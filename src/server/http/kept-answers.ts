import type { DatabaseHandle, DatabaseKind } from "../db/client.ts";
import { onLocalWrite, type Written } from "../db/local-writes.ts";
import type { MemberRow } from "../features/members/members.repo.ts";
import type { LinkRow } from "../features/room/room.repo.ts";
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
  /** A buyer room's link and what it shows (the answer's JSON, as sent), by the hash of the link's secret. */
  rooms: KeptAnswers<{ link: LinkRow; body: string }>;
}

/**
 * The channels database triggers notify at commit (migrations 0026–0028): the member whose sessions or record
 * changed, and the workspace whose buyer rooms may show something else.
 */
const SIGNED_IN_CHANNEL = "signed_in_changed";
const ROOM_CHANNEL = "room_changed";

// Writes that can change who a session or token is, or a workspace's member list. A session begun, a workspace
// made or a token marked used changes neither.
const TOKEN_COLUMNS = new Set(["revoked_at", "expires_at", "member_id"]);
function changesSignedIn(write: Written): boolean {
  if (write.table === "member") return true;
  if (write.table === "session" || write.table === "workspace") return write.action !== "insert";
  if (write.table === "api_token") return write.action === "delete" || sets(write, TOKEN_COLUMNS);
  return false;
}

// What a buyer room shows: its decision, account, people, plan, comments, concerns and success, the names of
// members in it, and the link itself — not when the link was last used.
const ROOM_TABLES = new Set([
  "account",
  "member",
  "involvement",
  "stakeholder",
  "plan_step",
  "step_comment",
  "concern",
  "success_measure",
  "success_report",
]);
// Of a decision, only what the room shows: not its readiness, notes or forecast, which change far more often.
// (Migration 0028's triggers name the same columns.)
const DECISION_COLUMNS = new Set([
  "title",
  "outcome",
  "outcome_date",
  "account_id",
  "owner_id",
  "target_date",
  "currency",
  "problem",
  "impact",
  "outcomes_sought",
  "deleted_at",
]);
const LINK_COLUMNS = new Set(["revoked_at", "expires_at", "label", "stakeholder_id", "decision_id"]);
function changesRooms(write: Written): boolean {
  if (write.table === "decision") return write.action !== "update" || sets(write, DECISION_COLUMNS);
  if (write.table === "share_link") return write.action !== "update" || sets(write, LINK_COLUMNS);
  return ROOM_TABLES.has(write.table) || (write.table === "workspace" && write.action === "delete");
}

/** An UPDATE written in SQL may set any column. */
const sets = (write: Written, columns: ReadonlySet<string>) =>
  write.action === "update" && (!write.columns || [...columns].some((c) => write.columns!.has(c)));

/**
 * Kept answers held true: cleared by this process's writes, and on PostgreSQL by every server's through the
 * database's notifications — and bypassed while they cannot be heard. On PostgreSQL without a way to hear them
 * nothing is kept.
 */
export function watchedAnswers(
  kind: DatabaseKind,
  listen: DatabaseHandle["listen"],
): { kept: Kept; stop(): Promise<void> } {
  const listening =
    kind === "postgres" ? listen?.([SIGNED_IN_CHANNEL, ROOM_CHANNEL], { onNotify, onLive }) : undefined;
  const options = {
    ttlMs: KEPT_MS,
    trusted: () => (kind === "embedded" ? true : (listening?.live ?? false)),
  };
  const kept: Kept = {
    signedIn: new KeptAnswers(options),
    members: new KeptAnswers(options),
    rooms: new KeptAnswers(options),
  };
  function onNotify(channel: string, payload: string) {
    if (channel === ROOM_CHANNEL) return kept.rooms.forget((room) => room.link.workspace_id === payload);
    kept.signedIn.forget((signedIn) => signedIn.memberId === payload);
    // Which workspace's list holds the member is not worth a lookup when members change this rarely.
    kept.members.clear();
  }
  function onLive() {
    for (const answers of Object.values(kept)) answers.clear();
  }
  // This process's own writes do not say which workspace they touch: what they may change is dropped whole.
  const stopLocal = onLocalWrite((written) => {
    if (written.some(changesSignedIn)) {
      kept.signedIn.clear();
      kept.members.clear();
    }
    if (written.some(changesRooms)) kept.rooms.clear();
  });
  return {
    kept,
    async stop() {
      stopLocal();
      await listening?.stop();
    },
  };
}
