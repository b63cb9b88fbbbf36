import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { calendarFeed, createdFeed, feedList } from "../../../contract/calendar.ts";
import type { ApiToken, createdToken, createTokenBody, tokenList } from "../../../contract/tokens.ts";
import type {
  createdWebhook,
  createWebhookBody,
  deliveryList,
  updateWebhookBody,
  Webhook,
  WebhookDelivery,
  webhookList,
} from "../../../contract/webhooks.ts";
import { del, get, patch, post } from "../../lib/api.ts";
import { useWrite, type WriteOptions } from "../../lib/write.ts";

export const OPENAPI_URL = "/api/openapi.json";

/** The command the API page shows: listing decisions with a token, against this server. */
export const curlExample = (origin: string) =>
  `curl -H "Authorization: Bearer $CONFIDANT_TOKEN" \\\n  ${origin}/api/v1/decisions`;

export const tokensQuery = queryOptions({
  queryKey: ["tokens"],
  queryFn: async () => (await get<z.infer<typeof tokenList>>("/api/v1/tokens")).tokens,
});

type Created = z.infer<typeof createdToken>;
export const useCreateToken = (options?: WriteOptions<Created, z.input<typeof createTokenBody>>) =>
  useWrite((body) => post<Created>("/api/v1/tokens", body), [tokensQuery.queryKey], options);

export const useRevokeToken = (options?: WriteOptions<ApiToken, string>) =>
  useWrite((id) => del<ApiToken>(`/api/v1/tokens/${id}`), [tokensQuery.queryKey], options);

type WebhookList = z.infer<typeof webhookList>;
type CreatedWebhook = z.infer<typeof createdWebhook>;

export const webhooksQuery = queryOptions({
  queryKey: ["webhooks"],
  queryFn: () => get<WebhookList>("/api/v1/webhooks"),
});

export const deliveriesQuery = (id: string) =>
  queryOptions({
    queryKey: ["webhooks", id, "deliveries"],
    queryFn: async () => (await get<z.infer<typeof deliveryList>>(`/api/v1/webhooks/${id}/deliveries`)).items,
    // Deliveries settle in the background: the log follows them while it is open.
    refetchInterval: 2000,
  });

export const useRegisterWebhook = (
  options?: WriteOptions<CreatedWebhook, z.input<typeof createWebhookBody>>,
) => useWrite((body) => post<CreatedWebhook>("/api/v1/webhooks", body), [webhooksQuery.queryKey], options);

export const useChangeWebhook = (
  options?: WriteOptions<Webhook, { id: string } & z.input<typeof updateWebhookBody>>,
) =>
  useWrite(
    ({ id, ...body }) => patch<Webhook>(`/api/v1/webhooks/${id}`, body),
    [webhooksQuery.queryKey],
    options,
  );

export const useDeleteWebhook = (options?: WriteOptions<Webhook, Webhook>) =>
  useWrite(
    (hook) => del<Webhook>(`/api/v1/webhooks/${hook.id}?version=${hook.version}`),
    [webhooksQuery.queryKey],
    options,
  );

export const useRedeliver = (webhookId: string, options?: WriteOptions<WebhookDelivery, string>) =>
  useWrite(
    (deliveryId) => post<WebhookDelivery>(`/api/v1/webhooks/${webhookId}/deliveries/${deliveryId}/redeliver`),
    [deliveriesQuery(webhookId).queryKey],
    options,
  );

export const useRestoreWebhook = (options?: WriteOptions<Webhook, Webhook>) =>
  useWrite(
    (hook) => post<Webhook>(`/api/v1/webhooks/${hook.id}/restore?version=${hook.version}`),
    [webhooksQuery.queryKey],
    options,
  );

type Feed = z.infer<typeof calendarFeed>;
type CreatedFeed = z.infer<typeof createdFeed>;

export const feedsQuery = queryOptions({
  queryKey: ["calendar-feeds"],
  queryFn: async () => (await get<z.infer<typeof feedList>>("/api/v1/calendar-feeds")).items,
});

/** A new secret feed address: a decision's plan, or (no decision) the member's own steps. */
export const useCreateFeed = (options?: WriteOptions<CreatedFeed, string | null>) =>
  useWrite(
    (decisionId) =>
      post<CreatedFeed>(
        decisionId ? `/api/v1/decisions/${decisionId}/calendar-feed` : "/api/v1/me/calendar-feed",
      ),
    [feedsQuery.queryKey],
    options,
  );

export const useRevokeFeed = (options?: WriteOptions<Feed, string>) =>
  useWrite((id) => del<Feed>(`/api/v1/calendar-feeds/${id}`), [feedsQuery.queryKey], options);
