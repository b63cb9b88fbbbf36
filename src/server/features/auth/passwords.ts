import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (OWASP-recommended memory and time costs).
export const hashPassword = (password: string) => hash(password);

/** False for a member who has no password yet (invited, not joined) — after the same work as a wrong one. */
export async function verifyPassword(passwordHash: string | null, password: string) {
  if (passwordHash === null) {
    await verifyPassword(await decoyPasswordHash(), password);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Used for unknown emails, so a wrong email costs as much time as a wrong password. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash() {
  decoyHash ??= hash(randomBytes(16).toString("hex"));
  return decoyHash;
}

export const generatePassword = () => randomBytes(12).toString("base64url");
