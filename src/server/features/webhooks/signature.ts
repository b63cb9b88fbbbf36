import { createHmac, randomBytes } from "node:crypto";

/** A new endpoint's signing secret: `whsec_` and 256 random bits. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

/**
 * The `Confidant-Signature` header for a body sent at `unixSeconds`: `t=<seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">`. The time is signed with the body, so a receiver that refuses old times refuses replays.
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number) {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}
