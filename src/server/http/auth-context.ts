import type { FastifyRequest } from "fastify";
import type { Role } from "../../contract/common.ts";
import type { Actor } from "../db/change-log.ts";
import { forbidden, unauthenticated } from "./errors.ts";

export interface SignedIn extends Actor {
  memberId: string;
  role: Role;
  teamId: string | null;
  /** Set when the request came with an API token rather than a session: what that token may do. */
  tokenScope?: "read" | "write";
}

declare module "fastify" {
  interface FastifyRequest {
    signedIn: SignedIn | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
  }
}

export function requireMember(request: FastifyRequest): SignedIn {
  if (!request.signedIn) throw unauthenticated();
  return request.signedIn;
}

export function requireRole(request: FastifyRequest, roles: Role[]): SignedIn {
  const signedIn = requireMember(request);
  if (!roles.includes(signedIn.role)) {
    throw forbidden(`This needs the ${roles.join(" or ")} role; you are signed in as ${signedIn.role}.`);
  }
  return signedIn;
}
