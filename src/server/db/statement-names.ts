import { createHash } from "node:crypto";

/**
 * Names for prepared statements, on PostgreSQL and in the embedded database alike. Sent unnamed, a statement
 * with values is parsed, analysed and planned afresh every time — for the buyer room's view about 2 ms of
 * PostgreSQL's time (5 ms embedded) against half a millisecond named. Named, it is parsed once per connection
 * and, once its generic plan proves no worse (after five runs), planned once too. The app's statements are few
 * distinct texts with the values apart, so each text is named by its hash. A text with many values (a batch of
 * rows, a list of ids) varies with their number and stays unnamed, and past MAX_NAMED texts in a process so does
 * the rest: that bounds what each connection keeps. Statements without values (migrations: several statements in
 * one text) stay unnamed too.
 */
const MAX_NAMED = 400;
const MAX_VALUES = 32;
const names = new Map<string, string>();

function sharedName(text: string) {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `c${createHash("sha1").update(text).digest("base64url")}`;
    names.set(text, name);
  }
  return name;
}

/** PostgreSQL's answer when a table a prepared statement reads changed shape (a migration while serving). */
export const isPlanOutdated = (error: Error & { code?: unknown }) =>
  error.code === "0A000" && /cached plan must not change result type/.test(error.message);

/** One connection's names: a statement whose tables changed shape is prepared again under a new one. */
export class StatementNames {
  private readonly retired = new Map<string, string>();

  of(text: string, values: number) {
    if (values === 0 || values > MAX_VALUES) return undefined;
    return this.retired.get(text) ?? sharedName(text);
  }

  /** After a failure: the statement that failed for an outdated plan gets a new name (and a new Parse). */
  failed(text: string, name: string, error: Error) {
    if (isPlanOutdated(error)) this.retired.set(text, `${name}_${this.retired.size + 1}`);
  }
}
