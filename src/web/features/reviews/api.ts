import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { queue, Review, ReviewAction, ReviewSummary } from "../../../contract/reviews.ts";
import { get } from "../../lib/api.ts";

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
