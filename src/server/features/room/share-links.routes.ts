import { randomUUID } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, ok } from "../../../contract/common.ts";
import {
  activityList,
  activityQuery,
  consensus,
  correction,
  createdShareLink,
  resolveCorrectionBody,
  shareLinkBody,
  shareLinkList,
} from "../../../contract/plan.ts";
import { DAY_MS } from "../../../domain/time.ts";
import { recordChange } from "../../db/change-log.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { requireMember } from "../../http/auth-context.ts";
import { AppError, forbidden, invalid, notFound } from "../../http/errors.ts";
import { requireVisibleDecision } from "../decisions/decisions.service.ts";
import { decisionFacts } from "../decisions/readiness.service.ts";
import { consensusOf } from "./consensus.ts";
import { resolveCorrection } from "./corrections.service.ts";
import { checkInsOf, linksOf } from "./room.repo.ts";
import { hashSecret, newRoomToken } from "./room.service.ts";

async function ownDecision(
  app: { db: Parameters<typeof requireVisibleDecision>[0] },
  actor: SignedIn,
  id: string,
) {
  const decision = await requireVisibleDecision(app.db, actor, id);
  if (actor.role !== "admin" && decision.owner_id !== actor.memberId)
    throw forbidden("Only the decision's owner or an admin can share it.");
  return decision;
}

/** The seller's side of the buyer room: links, what buyers said (check-ins, corrections), and their activity. */
export const shareLinksRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["buyer room"];

  app.post(
    "/decisions/:id/share-links",
    { schema: { tags, params: idParams, body: shareLinkBody, response: { 201: createdShareLink } } },
    async (request, reply) => {
      const actor = requireMember(request);
      const decision = await ownDecision(app, actor, request.params.id);
      const origin = app.config.publicUrl;
      if (!origin)
        throw new AppError(
          409,
          "public_url_missing",
          "This server does not know the address buyers use to reach it, so it cannot hand out a link. Ask your administrator to set CONFIDANT_PUBLIC_URL.",
        );
      const expiresAt = request.body.expiresAt
        ? new Date(request.body.expiresAt)
        : new Date(Date.now() + 30 * DAY_MS);
      if (expiresAt.getTime() <= Date.now()) throw invalid("expiresAt", "must be in the future");
      if (expiresAt.getTime() > Date.now() + 366 * DAY_MS)
        throw invalid("expiresAt", "must be within a year");
      const token = newRoomToken();
      const id = randomUUID();
      await app.db.transaction().execute(async (trx) => {
        await trx
          .insertInto("share_link")
          .values({
            id,
            workspace_id: actor.workspaceId,
            decision_id: decision.id,
            token_hash: hashSecret(token),
            label: request.body.label,
            expires_at: expiresAt,
            created_by: actor.memberId,
          })
          .execute();
        await recordChange(trx, actor, {
          entity: "share_link",
          entityId: id,
          action: "create",
          after: { label: request.body.label, expiresAt },
          parentId: decision.id,
        });
      });
      reply.status(201);
      return {
        id,
        url: `${origin.replace(/\/$/, "")}/room/${token}`,
        token,
        label: request.body.label,
        expiresAt: expiresAt.toISOString(),
      };
    },
  );

  app.get(
    "/decisions/:id/share-links",
    { schema: { tags, params: idParams, response: { 200: shareLinkList } } },
    async (request) => {
      const actor = requireMember(request);
      await requireVisibleDecision(app.db, actor, request.params.id);
      const now = new Date();
      return {
        items: (await linksOf(app.db, actor.workspaceId, request.params.id)).map((l) => ({
          id: l.id,
          decisionId: l.decision_id,
          label: l.label,
          expiresAt: l.expires_at.toISOString(),
          revokedAt: l.revoked_at?.toISOString() ?? null,
          createdAt: l.created_at.toISOString(),
          createdByName: l.created_by_name,
          lastOpenedAt: l.last_opened_at?.toISOString() ?? null,
          openCount: l.open_count,
          active: !l.revoked_at && l.expires_at > now,
        })),
      };
    },
  );

  app.delete(
    "/share-links/:id",
    { schema: { tags, params: idParams, response: { 200: ok } } },
    async (request) => {
      const actor = requireMember(request);
      const link = await app.db
        .selectFrom("share_link")
        .selectAll()
        .where("workspace_id", "=", actor.workspaceId)
        .where("id", "=", request.params.id)
        .executeTakeFirst();
      if (!link) throw notFound("The share link");
      await ownDecision(app, actor, link.decision_id);
      await app.db.transaction().execute(async (trx) => {
        await trx
          .updateTable("share_link")
          .set({ revoked_at: new Date() })
          .where("id", "=", link.id)
          .where("revoked_at", "is", null)
          .execute();
        await recordChange(trx, actor, {
          entity: "share_link",
          entityId: link.id,
          action: "delete",
          before: { label: link.label },
          parentId: link.decision_id,
        });
      });
      return { ok: true as const };
    },
  );

  app.get(
    "/decisions/:id/consensus",
    { schema: { tags, params: idParams, response: { 200: consensus } } },
    async (request) => {
      const actor = requireMember(request);
      await requireVisibleDecision(app.db, actor, request.params.id);
      const { involvements } = await decisionFacts(app.db, actor.workspaceId, request.params.id);
      return consensusOf(involvements, await checkInsOf(app.db, actor.workspaceId, request.params.id));
    },
  );

  app.get(
    "/decisions/:id/corrections",
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(correction) }) } } },
    async (request) => {
      const actor = requireMember(request);
      await requireVisibleDecision(app.db, actor, request.params.id);
      const rows = await app.db
        .selectFrom("problem_correction")
        .selectAll()
        .where("workspace_id", "=", actor.workspaceId)
        .where("decision_id", "=", request.params.id)
        .orderBy("created_at", "desc")
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          verdict: r.verdict,
          text: r.text,
          proposedBy: r.proposed_by,
          status: r.status,
          createdAt: r.created_at.toISOString(),
          version: r.version,
        })),
      };
    },
  );

  app.patch(
    "/corrections/:id",
    { schema: { tags, params: idParams, body: resolveCorrectionBody, response: { 200: ok } } },
    async (request) => {
      const actor = requireMember(request);
      await resolveCorrection(app.db, actor, request.params.id, request.body, (trx, decisionId) =>
        ownDecision({ db: trx }, actor, decisionId),
      );
      return { ok: true as const };
    },
  );

  app.get(
    "/activity",
    { schema: { tags, querystring: activityQuery, response: { 200: activityList } } },
    async (request) => {
      const actor = requireMember(request);
      let query = app.db
        .selectFrom("buyer_activity")
        .innerJoin("decision", "decision.id", "buyer_activity.decision_id")
        .select([
          "buyer_activity.id",
          "buyer_activity.decision_id",
          "decision.title",
          "buyer_activity.kind",
          "buyer_activity.summary",
          "buyer_activity.created_at",
        ])
        .where("buyer_activity.workspace_id", "=", actor.workspaceId);
      if (request.query.decisionId) {
        await requireVisibleDecision(app.db, actor, request.query.decisionId);
        query = query.where("buyer_activity.decision_id", "=", request.query.decisionId);
      } else if (actor.role !== "admin") {
        // Everyone's home shows buyer activity on the decisions they own.
        query = query.where("decision.owner_id", "=", actor.memberId);
      }
      const rows = await query.orderBy("buyer_activity.id", "desc").limit(request.query.limit).execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          decisionId: r.decision_id,
          decisionTitle: r.title,
          kind: r.kind,
          summary: r.summary,
          at: r.created_at.toISOString(),
        })),
      };
    },
  );
};
