import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import helmet from "helmet";
import type { Kysely } from "kysely";
import { health } from "../contract/auth.ts";
import type { Config } from "./config.ts";
import type { DatabaseHandle, DatabaseKind } from "./db/client.ts";
import type { Database } from "./db/schema.ts";
import { accountsRoutes } from "./features/accounts/accounts.routes.ts";
import { authRoutes } from "./features/auth/auth.routes.ts";
import { resolveSession } from "./features/auth/auth.service.ts";
import { SESSION_COOKIE } from "./features/auth/session-token.ts";
import { calendarRoutes } from "./features/calendar/calendar.routes.ts";
import { changesRoutes } from "./features/changes/changes.routes.ts";
import { concessionsRoutes } from "./features/concessions/concessions.routes.ts";
import { conversationsRoutes } from "./features/conversations/conversations.routes.ts";
import { correctionsRoutes } from "./features/corrections/corrections.routes.ts";
import { decisionsRoutes } from "./features/decisions/decisions.routes.ts";
import { emailRoutes } from "./features/email/email.routes.ts";
import { Mailer } from "./features/email/mailer.ts";
import { exportRoutes } from "./features/exports/export.routes.ts";
import { importsRoutes } from "./features/imports/imports.routes.ts";
import { mappingsRoutes } from "./features/imports/mappings.routes.ts";
import { insightsRoutes } from "./features/insights/insights.routes.ts";
import { membersRoutes } from "./features/members/members.routes.ts";
import { planRoutes } from "./features/plan/plan.routes.ts";
import { questionsRoutes } from "./features/questions/questions.routes.ts";
import { reviewsRoutes } from "./features/reviews/reviews.routes.ts";
import { roomRoutes } from "./features/room/room.routes.ts";
import { shareLinksRoutes } from "./features/room/share-links.routes.ts";
import { successRoutes } from "./features/success/success.routes.ts";
import { teamsRoutes } from "./features/teams/teams.routes.ts";
import { tokensRoutes } from "./features/tokens/tokens.routes.ts";
import { resolveApiToken } from "./features/tokens/tokens.service.ts";
import { webhooksRoutes } from "./features/webhooks/webhooks.routes.ts";
import { setupRoutes } from "./features/workspaces/setup.routes.ts";
import { workspaceRoutes } from "./features/workspaces/workspace.routes.ts";
import type { SignedIn } from "./http/auth-context.ts";
import { bearerTokenOf } from "./http/bearer.ts";
import {
  AppError,
  handleError,
  handleFrameworkError,
  handleNotFound,
  unauthenticated,
} from "./http/errors.ts";
import { type Kept, type Loaded, watchedAnswers } from "./http/kept-answers.ts";
import { requireTokenScope } from "./http/policies.ts";
import { sharedRateLimitStore } from "./http/rate-limit-store.ts";
import { refuseCrossSiteWrites } from "./http/same-origin.ts";
import { refuseUnstorableText } from "./http/storable-text.ts";
import { registerWebApp } from "./http/web-app.ts";
import { SharedCounter } from "./http/window-counter.ts";
import { JobQueue } from "./jobs/queue.ts";
import { APP_VERSION } from "./version.ts";

declare module "fastify" {
  interface FastifyInstance {
    db: Kysely<Database>;
    dbKind: DatabaseKind;
    config: Config;
    jobs: JobQueue;
    mailer: Mailer;
    kept: Kept;
  }
}

export const BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  config: Config;
  logger?: boolean;
  serveWeb?: boolean;
  /** How this server hears other servers' changes (PostgreSQL); without it nothing signed-in is cached there. */
  listen?: DatabaseHandle["listen"];
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: options.config.logLevel } : false,
    bodyLimit: BODY_LIMIT,
    trustProxy: "127.0.0.1",
    frameworkErrors: handleFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorate("db", options.db);
  app.decorate("dbKind", options.dbKind);
  app.decorate("config", options.config);
  // Sending jobs needs no worker; `startWorkers` (the serve command, tests that need it) works them.
  const jobs = new JobQueue(options.db, (error) => app.log.error(error, "job queue"));
  app.decorate("jobs", jobs);
  app.decorate("mailer", new Mailer(options.config.email.smtpUrl, options.config.email.from));
  app.addHook("onClose", () => jobs.stop());
  app.decorateRequest("signedIn", null);

  // Helmet's headers, its middleware made once: the Fastify plugin made it again on every request (parsing the
  // content security policy each time), a tenth of a signed-in read's time.
  const securityHeaders = helmet({
    // HSTS is only meaningful (and only sent) over HTTPS: see the onSend hook below.
    hsts: false,
    contentSecurityPolicy: {
      directives: { "img-src": ["'self'", "data:"], "style-src": ["'self'", "'unsafe-inline'"] },
    },
  });
  app.addHook("onRequest", (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false, store: sharedRateLimitStore(options.db) });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Confidant API",
        version: APP_VERSION,
        description: "The customer's decision, as an API.",
      },
    },
    transform: jsonSchemaTransform,
  });

  app.addHook("onSend", async (request, reply) => {
    // Answers carry customers' data: no browser or proxy cache keeps them.
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
    if (request.protocol === "https")
      reply.header("strict-transport-security", "max-age=15552000; includeSubDomains");
  });
  app.addHook("onRequest", refuseCrossSiteWrites(options.config.publicUrl));
  app.addHook("preValidation", refuseUnstorableText);
  const perToken = new SharedCounter(
    app.db,
    "api-token",
    options.config.apiRateLimit,
    60_000,
    { flushMs: 1000 },
    app.log,
  );
  app.addHook("onClose", () => perToken.stop());
  const watched = watchedAnswers(options.dbKind, options.listen);
  app.decorate("kept", watched.kept);
  app.addHook("onClose", () => watched.stop());
  const signedInBy = <T extends SignedIn>(key: string, load: () => Promise<Loaded<T> | null>) =>
    watched.kept.signedIn.get(key, load) as Promise<T | null>;
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/v1/")) return;
    const bearer = bearerTokenOf(request);
    if (bearer !== undefined) {
      // A revoked, expired or unknown token is refused at once, even where no sign-in is needed.
      const signedIn = await signedInBy(`token:${bearer}`, () => resolveApiToken(app.db, bearer, new Date()));
      if (!signedIn)
        throw unauthenticated("This API token is not valid: it was revoked, has expired or never existed.");
      if (!(await perToken.allow(signedIn.via))) {
        reply.header("retry-after", "60");
        throw new AppError(
          429,
          "rate_limited",
          `This API token made more than ${options.config.apiRateLimit} requests this minute. Wait a minute and try again.`,
        );
      }
      requireTokenScope(signedIn, request.method);
      request.signedIn = signedIn;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token)
      request.signedIn = await signedInBy(`session:${token}`, () =>
        resolveSession(app.db, token, new Date()),
      );
    if (!request.signedIn && !request.routeOptions.config.public) throw unauthenticated();
  });

  app.get("/api/health", { schema: { tags: ["health"], response: { 200: health } } }, async () => ({
    status: "ok" as const,
    database: app.dbKind,
    version: APP_VERSION,
  }));

  await app.register(
    async (api) => {
      await api.register(setupRoutes);
      await api.register(authRoutes);
      await api.register(membersRoutes);
      await api.register(teamsRoutes);
      await api.register(changesRoutes);
      await api.register(accountsRoutes);
      await api.register(decisionsRoutes);
      await api.register(questionsRoutes);
      await api.register(reviewsRoutes);
      await api.register(workspaceRoutes);
      await api.register(planRoutes);
      await api.register(shareLinksRoutes);
      await api.register(roomRoutes);
      await api.register(importsRoutes);
      await api.register(mappingsRoutes);
      await api.register(exportRoutes);
      await api.register(conversationsRoutes);
      await api.register(correctionsRoutes);
      await api.register(insightsRoutes);
      await api.register(concessionsRoutes);
      await api.register(successRoutes);
      await api.register(tokensRoutes);
      await api.register(webhooksRoutes);
      await api.register(emailRoutes);
      await api.register(calendarRoutes);
    },
    { prefix: "/api/v1" },
  );

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  if (options.serveWeb !== false) await registerWebApp(app);
  else app.setNotFoundHandler(handleNotFound);
  return app;
}
