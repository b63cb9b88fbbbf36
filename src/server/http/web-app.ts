import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { projectRoot } from "../project-root.ts";
import { handleNotFound } from "./errors.ts";

export const webDist = path.join(projectRoot, "dist/web/");

/** Serves the built SPA; any non-API path answers index.html so the client router can take it. */
export async function registerWebApp(app: FastifyInstance) {
  if (!existsSync(webDist)) {
    app.log.warn(
      "The web app is not built (dist/web is missing): run `npm run build`. The API works without it.",
    );
    app.setNotFoundHandler(handleNotFound);
    return;
  }
  await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || request.method !== "GET") return handleNotFound(request, reply);
    return reply.type("text/html").sendFile("index.html");
  });
}
