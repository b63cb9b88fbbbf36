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
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({
      method: method.toUpperCase(),
      path,
      isPublic: publicPaths.has(path),
    })),
  );
}
