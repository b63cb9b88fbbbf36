import type { FastifyRequest } from "fastify";
import { invalid } from "./errors.ts";

// Half of a UTF-16 pair with no other half beside it (matched on code units: no `u` flag).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why PostgreSQL could not keep this text, if it could not: a NUL character, or half of a UTF-16 pair (which
 * no encoding can write). Said in the user's words.
 */
export function unstorable(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain a NUL character (\\u0000)";
  if (LONE_SURROGATE.test(text))
    return "must be valid text (it holds half of a character: a lone UTF-16 surrogate)";
  return null;
}

function firstUnstorable(value: unknown, path: string): { path: string; message: string } | null {
  if (typeof value === "string") {
    const message = unstorable(value);
    return message ? { path, message } : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = firstUnstorable(item, `${path}.${index}`);
      if (found) return found;
    }
    return null;
  }
  // Parsed JSON and query strings are walked; an upload's body is a stream of a file, not text to store.
  if (value && typeof value === "object" && typeof (value as { pipe?: unknown }).pipe !== "function") {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = unstorable(key);
      if (keyProblem) return { path: `${path}.${key}`, message: keyProblem };
      const found = firstUnstorable(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Every request's text — body, query and path — is checked once, before any route's schema: a string the
 * database cannot store is refused with 400 naming the field, whichever route and field it arrived in.
 */
export async function refuseUnstorableText(request: FastifyRequest) {
  for (const [part, value] of [
    ["body", request.body],
    ["querystring", request.query],
    ["params", request.params],
  ] as const) {
    const found = firstUnstorable(value, part);
    if (found) throw invalid(found.path, found.message);
  }
}
