import { createHash, randomBytes } from "node:crypto";

export const SESSION_COOKIE = "confidant_session";

/** 256 random bits for the cookie; only their SHA-256 is stored, so a leaked table opens no session. */
export function newSessionToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/** An API token: recognisable by its `cfd_` start (secret scanners, people), 256 random bits, stored hashed. */
export function newApiToken() {
  const token = `cfd_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, 12) };
}
