import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  activityList,
  consensus,
  correction,
  Plan,
  planTemplateList,
  shareLinkList,
} from "../../../contract/plan.ts";
import { get } from "../../lib/api.ts";

export const planQuery = (decisionId: string) =>
  queryOptions({
    queryKey: ["decision", decisionId, "plan"],
    queryFn: () => get<Plan>(`/api/v1/decisions/${decisionId}/plan`),
  });
export const templatesQuery = queryOptions({
  queryKey: ["plan-templates"],
  queryFn: () => get<z.infer<typeof planTemplateList>>("/api/v1/plan-templates"),
});
export const linksQuery = (decisionId: string) =>
  queryOptions({
    queryKey: ["decision", decisionId, "links"],
    queryFn: () => get<z.infer<typeof shareLinkList>>(`/api/v1/decisions/${decisionId}/share-links`),
  });
export const consensusQuery = (decisionId: string) =>
  queryOptions({
    queryKey: ["decision", decisionId, "consensus"],
    queryFn: () => get<z.infer<typeof consensus>>(`/api/v1/decisions/${decisionId}/consensus`),
  });
export const correctionsQuery = (decisionId: string) =>
  queryOptions({
    queryKey: ["decision", decisionId, "corrections"],
    queryFn: () =>
      get<{ items: z.infer<typeof correction>[] }>(`/api/v1/decisions/${decisionId}/corrections`),
  });
export const activityQuery = (decisionId?: string) =>
  queryOptions({
    queryKey: ["activity", decisionId ?? "mine"],
    queryFn: () =>
      get<z.infer<typeof activityList>>(`/api/v1/activity${decisionId ? `?decisionId=${decisionId}` : ""}`),
  });
