import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams, versionQuery } from "../../../contract/common.ts";
import {
  actionBody,
  actionList,
  actionsQuery,
  answerParams,
  diagnosis,
  diagnosticsBody,
  putAnswerBody,
  queue,
  queueQuery,
  review,
  reviewAction,
  reviewAnswer,
  reviewList,
  updateActionBody,
  updateReviewBody,
} from "../../../contract/reviews.ts";
import { diagnose } from "../../../domain/diagnostics/diagnose.ts";
import { requireMember } from "../../http/auth-context.ts";
import { reviewQueue } from "./queue.service.ts";
import {
  actionsFor,
  addAction,
  answerQuestion,
  changeAction,
  coach,
  completeReview,
  decisionReviews,
  openReview,
  reviewDetail,
} from "./reviews.service.ts";

export const reviewsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["reviews"];

  app.post(
    "/diagnostics",
    { schema: { tags, body: diagnosticsBody, response: { 200: diagnosis } } },
    async (request) => {
      requireMember(request);
      const { label, reason, explanation, suggestion, signals, truncated } = diagnose(
        request.body.question,
        request.body.answer,
      );
      return { label, reason, explanation, suggestion, signals, truncated };
    },
  );

  app.get(
    "/reviews/queue",
    { schema: { tags, querystring: queueQuery, response: { 200: queue } } },
    async (request) => reviewQueue(app.db, requireMember(request), request.query.limit),
  );

  app.post(
    "/decisions/:id/reviews",
    { schema: { tags, params: idParams, response: { 201: review } } },
    async (request, reply) => {
      const created = await openReview(app.db, requireMember(request), request.params.id);
      reply.status(201);
      return created;
    },
  );

  app.get(
    "/decisions/:id/reviews",
    { schema: { tags, params: idParams, response: { 200: reviewList } } },
    async (request) => ({
      items: await decisionReviews(app.db, requireMember(request), request.params.id),
    }),
  );

  app.get(
    "/reviews/:id",
    { schema: { tags, params: idParams, response: { 200: review } } },
    async (request) => reviewDetail(app.db, requireMember(request), request.params.id),
  );

  app.patch(
    "/reviews/:id",
    { schema: { tags, params: idParams, body: updateReviewBody, response: { 200: review } } },
    async (request) => coach(app.db, requireMember(request), request.params.id, request.body),
  );

  app.put(
    "/reviews/:id/answers/:question",
    { schema: { tags, params: answerParams, body: putAnswerBody, response: { 200: reviewAnswer } } },
    async (request) =>
      answerQuestion(
        app.db,
        requireMember(request),
        request.params.id,
        request.params.question,
        request.body,
      ),
  );

  app.post(
    "/reviews/:id/complete",
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: review } } },
    async (request) =>
      completeReview(app.db, requireMember(request), request.params.id, request.query.version),
  );

  app.post(
    "/reviews/:id/actions",
    { schema: { tags, params: idParams, body: actionBody, response: { 201: reviewAction } } },
    async (request, reply) => {
      const created = await addAction(app.db, requireMember(request), request.params.id, request.body);
      reply.status(201);
      return created;
    },
  );

  app.get(
    "/actions",
    { schema: { tags, querystring: actionsQuery, response: { 200: actionList } } },
    async (request) => ({
      items: await actionsFor(app.db, requireMember(request), request.query.owner, request.query.status),
    }),
  );

  app.patch(
    "/actions/:id",
    { schema: { tags, params: idParams, body: updateActionBody, response: { 200: reviewAction } } },
    async (request) => changeAction(app.db, requireMember(request), request.params.id, request.body),
  );
};
