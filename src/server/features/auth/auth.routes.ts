import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { changePasswordBody, me, signInBody } from "../../../contract/auth.ts";
import { errorBody, ok } from "../../../contract/common.ts";
import { memberLinkParams, memberLinkView, useMemberLinkBody } from "../../../contract/members.ts";
import { requireMember } from "../../http/auth-context.ts";
import { AppError } from "../../http/errors.ts";
import { SharedCounter } from "../../http/window-counter.ts";
import { changePassword, endSession, meOf, signIn } from "./auth.service.ts";
import { useMemberLink, memberLinkView as viewOfLink } from "./member-links.service.ts";
import { clearSessionCookie, setSessionCookie } from "./session-cookie.ts";
import { SESSION_COOKIE } from "./session-token.ts";

/** Sign-in attempts per minute from one address, whatever the emails: a busy office stays well below it. */
export const SIGN_INS_PER_ADDRESS = 60;

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  // Every attempt is counted in the database before it is tried: the limit holds exactly across servers.
  const perAddress = new SharedCounter(app.db, "sign-in-address", SIGN_INS_PER_ADDRESS, 60_000, {
    immediate: true,
  });
  app.post(
    "/auth/sign-in",
    {
      // Per client alone as well: one address trying one password on many emails (spraying) is stopped too.
      onRequest: async (request) => {
        if (!(await perAddress.allow(request.ip)))
          throw new AppError(
            429,
            "rate_limited",
            "Too many sign-in attempts from your network. Wait a minute and try again.",
          );
      },
      config: {
        public: true,
        // Per client and per email, so one attacker cannot lock out a member from another network.
        rateLimit: {
          hook: "preHandler",
          max: 10,
          timeWindow: "1 minute",
          keyGenerator: (request) => {
            const body = request.body as { email?: unknown } | undefined;
            return `${request.ip}|${typeof body?.email === "string" ? body.email.toLowerCase() : ""}`;
          },
        },
      },
      schema: { tags: ["auth"], body: signInBody, response: { 200: me, 401: errorBody } },
    },
    async (request, reply) => {
      const session = await signIn(app.db, request.body, app.config.sessionDays, new Date());
      setSessionCookie(reply, session);
      return meOf(app.db, session.workspaceId, session.memberId);
    },
  );

  app.post(
    "/auth/sign-out",
    { config: { public: true }, schema: { tags: ["auth"], response: { 200: ok } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSession(app.db, token);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    "/me/password",
    {
      config: { rateLimit: { max: 10, timeWindow: "1 minute" } },
      schema: { tags: ["auth"], body: changePasswordBody, response: { 200: ok } },
    },
    async (request, reply) => {
      const session = await changePassword(
        app.db,
        requireMember(request),
        request.body,
        app.config.sessionDays,
        new Date(),
      );
      setSessionCookie(reply, session);
      return { ok: true as const };
    },
  );

  // An invitation or password-reset link: public (the token is the proof), limited against guessing.
  const linkConfig = { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } };
  app.get(
    "/member-links/:token",
    {
      config: linkConfig,
      schema: { tags: ["auth"], params: memberLinkParams, response: { 200: memberLinkView } },
    },
    async (request) => viewOfLink(app.db, request.params.token, new Date()),
  );

  app.post(
    "/member-links/:token",
    {
      config: linkConfig,
      schema: { tags: ["auth"], params: memberLinkParams, body: useMemberLinkBody, response: { 200: me } },
    },
    async (request, reply) => {
      const session = await useMemberLink(
        app.db,
        request.params.token,
        request.body.password,
        app.config.sessionDays,
        new Date(),
      );
      setSessionCookie(reply, session);
      return meOf(app.db, session.workspaceId, session.memberId);
    },
  );

  app.get("/me", { schema: { tags: ["auth"], response: { 200: me } } }, async (request) => {
    const signedIn = requireMember(request);
    return meOf(app.db, signedIn.workspaceId, signedIn.memberId);
  });
};
