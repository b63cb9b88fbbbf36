import type { FastifyRequest } from "fastify";
import { unauthenticated } from "./errors.ts";

/**
 * The API token an `Authorization` header carries; undefined without the header. A header of another kind (or
 * none after "Bearer") is a mistake worth naming, not a reason to fall back to the cookie.
 */
export function bearerTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthenticated("Send an API token as `Authorization: Bearer <token>`.");
  return match[1];
}
