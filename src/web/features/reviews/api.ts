import { queryOptions, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  actionBody,
  DiagnosisView,
  diagnosticsBody,
  putAnswerBody,
  queue,
  Review,
  ReviewAction,
  ReviewAnswer,
  ReviewSummary,
  updateActionBody,
  updateReviewBody,
} from "../../../contract/reviews.ts";
import { api, get, patch, post } from "../../lib/api.ts";
import { useWrite, type WriteOptions } from "../../lib/write.ts";

export const queueQuery = queryOptions({
  queryKey: ["reviews", "queue"],
  queryFn: () => get<z.infer<typeof queue>>("/api/v1/reviews/queue?limit=100"),
});

export const reviewQuery = (id: string) =>
  queryOptions({ queryKey: ["review", id], queryFn: () => get<Review>(`/api/v1/reviews/${id}`) });

export const decisionReviewsQuery = (decisionId: string) =>
  queryOptions({
    queryKey: ["decision", decisionId, "reviews"],
    queryFn: () => get<{ items: ReviewSummary[] }>(`/api/v1/decisions/${decisionId}/reviews`),
  });

export const myActionsQuery = queryOptions({
  queryKey: ["actions", "mine"],
  queryFn: () => get<{ items: ReviewAction[] }>("/api/v1/actions?owner=me&status=open"),
});

/** The diagnosis of an answer as it is being typed (a read, though it is a POST: the answer is the question). */
export const diagnosisQuery = (body: z.input<typeof diagnosticsBody>) =>
  queryOptions({
    queryKey: ["diagnosis", body.question, body.answer],
    queryFn: () => post<DiagnosisView>("/api/v1/diagnostics", body),
    staleTime: Number.POSITIVE_INFINITY,
  });

const reviewKeys = (id: string) => [["review", id], ["reviews"], ["actions"]];

/** Opens a review of the decision (or answers with the open one). */
export const useStartReview = (options?: WriteOptions<Review, string>) =>
  useWrite(
    (decisionId: string) => post<Review>(`/api/v1/decisions/${decisionId}/reviews`),
    (decisionId) => [["decision", decisionId], ["reviews"]],
    options,
  );

/**
 * Saves an answer with the version the page showed. Once saved, only that answer is replaced in the page's
 * review, so an answer being typed next to it is not reloaded under the seller's cursor.
 */
export function useSaveAnswer(
  review: Review,
  options?: WriteOptions<ReviewAnswer, ReviewAnswer & { text: string }>,
) {
  const queryClient = useQueryClient();
  return useWrite(
    (answer: ReviewAnswer & { text: string }) =>
      api<ReviewAnswer>("PUT", `/api/v1/reviews/${review.id}/answers/${answer.question}`, {
        answer: answer.text,
        version: answer.version,
      } satisfies z.input<typeof putAnswerBody>),
    // Refused (409: someone else saved first): the page reloads the review to show their answer.
    (_answer, saved) => (saved ? [] : [["review", review.id]]),
    {
      ...options,
      onSuccess: (saved, ...rest) => {
        queryClient.setQueryData<Review>(["review", review.id], (current) =>
          current
            ? { ...current, answers: current.answers.map((a) => (a.question === saved.question ? saved : a)) }
            : current,
        );
        return options?.onSuccess?.(saved, ...rest);
      },
    },
  );
}

export const useCoach = (review: Review, options?: WriteOptions<Review, string | null>) =>
  useWrite(
    (coachingNotes: string | null) =>
      patch<Review>(`/api/v1/reviews/${review.id}`, {
        version: review.version,
        coachingNotes,
      } satisfies z.input<typeof updateReviewBody>),
    [["review", review.id]],
    options,
  );

export const useCompleteReview = (review: Review, options?: WriteOptions<Review, void>) =>
  useWrite(
    () => post<Review>(`/api/v1/reviews/${review.id}/complete?version=${review.version}`),
    [...reviewKeys(review.id), ["decision", review.decisionId]],
    options,
  );

export const useAddAction = (
  reviewId: string,
  options?: WriteOptions<ReviewAction, z.input<typeof actionBody>>,
) =>
  useWrite(
    (body) => post<ReviewAction>(`/api/v1/reviews/${reviewId}/actions`, body),
    reviewKeys(reviewId),
    options,
  );

/** A change to an agreed action (its status, mostly), with the version the page showed. */
export const useChangeAction = (
  options?: WriteOptions<
    ReviewAction,
    { action: ReviewAction; body: Omit<z.input<typeof updateActionBody>, "version"> }
  >,
) =>
  useWrite(
    ({ action, body }) =>
      patch<ReviewAction>(`/api/v1/actions/${action.id}`, { version: action.version, ...body }),
    ({ action }) => reviewKeys(action.reviewId),
    options,
  );
