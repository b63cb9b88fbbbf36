import type { FastifyInstance } from "fastify";

export interface Operation {
  method: string;
  path: string;
  isPublic: boolean;
}

/** Every operation the API documents, read from the generated OpenAPI document. */
export function listOperations(app: FastifyInstance): Operation[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const publicPaths = new Set([
    "/api/health",
    "/api/v1/setup",
    "/api/v1/demo/enter",
    "/api/v1/auth/sign-in",
    "/api/v1/auth/sign-out",
  ]);
  // Reached without signing in: the secret in the path is the proof (a buyer's room, an invitation, an
  // unsubscribe link, a calendar feed).
  const openedBySecret = [
    "/api/v1/room/",
    "/api/v1/member-links/",
    "/api/v1/unsubscribe/",
    "/api/v1/calendar/",
  ];
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({
      method: method.toUpperCase(),
      path,
      isPublic: publicPaths.has(path) || openedBySecret.some((prefix) => path.startsWith(prefix)),
    })),
  );
}
