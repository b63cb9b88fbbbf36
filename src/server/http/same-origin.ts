import type { FastifyRequest } from "fastify";
import { AppError } from "./errors.ts";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const JSON_TYPE = /^application\/json\s*(;|$)/i;

declare module "fastify" {
  interface FastifyContextConfig {
    /** Content types this write takes besides JSON (a raw file upload). */
    bodyTypes?: string[];
  }
}

const crossSite = () =>
  new AppError(
    403,
    "cross_site",
    "This request came from another site. Changes are only accepted from Confidant's own pages.",
  );

/**
 * Refuses state-changing API requests another site could make a browser send. A page on a sibling subdomain
 * is "same-site", so the SameSite cookie alone does not stop it: writes must come from this origin (when the
 * browser says where from) and carry JSON, which no HTML form can send.
 */
export function refuseCrossSiteWrites(publicUrl: string | undefined) {
  const publicHost = publicUrl ? new URL(publicUrl).host : null;
  return async (request: FastifyRequest) => {
    if (!WRITES.has(request.method) || !request.url.startsWith("/api/")) return;
    const site = request.headers["sec-fetch-site"];
    if (site !== undefined && site !== "same-origin" && site !== "none") throw crossSite();
    const origin = request.headers.origin;
    if (origin !== undefined && !sameHost(origin, `${request.protocol}://${request.host}`, publicHost))
      throw crossSite();
    const type = request.headers["content-type"];
    // A body-less DELETE carries no type; every other write names its body's type, and it must be JSON.
    if (type === undefined && request.method === "DELETE") return;
    const allowed = request.routeOptions.config?.bodyTypes ?? [];
    if (type && (JSON_TYPE.test(type) || allowed.some((t) => type.toLowerCase().startsWith(t)))) return;
    const expected = ["application/json", ...allowed].join(" or ");
    throw new AppError(
      415,
      "unsupported_media_type",
      `Send the request body as ${expected} (Content-Type header); it was ${type ?? "missing"}.`,
      [{ path: "headers.content-type", message: `must be ${expected}` }],
    );
  };
}

/** Hosts compared as URLs parse them, so "http://a:80" and Host "a:80" are one host. */
function sameHost(origin: string, requested: string, publicHost: string | null) {
  try {
    const { host: from } = new URL(origin);
    return from === new URL(requested).host || from === publicHost;
  } catch {
    return false; // "null" (a sandboxed page, a file) or garbage: not this site
  }
}
