import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Account,
  board,
  DecisionCard,
  DecisionDetail,
  Stakeholder,
  UpdateDecisionBody,
} from "../../../contract/decisions.ts";
import { ApiError, get, patch } from "../../lib/api.ts";
import { notifyError } from "../../lib/errors.ts";

export const decisionQuery = (id: string) =>
  queryOptions({ queryKey: ["decision", id], queryFn: () => get<DecisionDetail>(`/api/v1/decisions/${id}`) });

export const boardQuery = (owner: string) =>
  queryOptions({
    queryKey: ["decisions", "board", owner],
    queryFn: () =>
      get<z.infer<typeof board>>(`/api/v1/decisions/board?perColumn=30${owner === "me" ? "&owner=me" : ""}`),
  });

export const listQuery = (params: Record<string, string>) =>
  queryOptions({
    queryKey: ["decisions", "list", params],
    queryFn: () =>
      get<{ items: DecisionCard[]; nextCursor: string | null }>(
        `/api/v1/decisions?${new URLSearchParams(params)}`,
      ),
  });

export const accountsQuery = (q = "") =>
  queryOptions({
    queryKey: ["accounts", q],
    queryFn: () =>
      get<{ items: Account[] }>(`/api/v1/accounts?limit=200${q ? `&q=${encodeURIComponent(q)}` : ""}`),
  });

export const accountQuery = (id: string) =>
  queryOptions({
    queryKey: ["account", id],
    queryFn: () =>
      get<Account & { stakeholders: Stakeholder[]; decisions: DecisionCard[] }>(`/api/v1/accounts/${id}`),
  });

export const historyQuery = (id: string) =>
  queryOptions({
    queryKey: ["decision", id, "history"],
    queryFn: () =>
      get<{
        items: {
          id: number;
          entity: string;
          action: string;
          memberName: string | null;
          via: string | null;
          at: string;
          before: unknown;
          after: unknown;
        }[];
      }>(`/api/v1/decisions/${id}/history`),
  });

/**
 * Saves part of a decision with the version the page loaded. When someone else saved first (409), the
 * page reloads their version and says so, instead of overwriting it.
 */
export function useUpdateDecision(decision: DecisionDetail) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<UpdateDecisionBody, "version">) =>
      patch<DecisionDetail>(`/api/v1/decisions/${decision.id}`, { ...body, version: decision.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(["decision", decision.id], updated);
      void queryClient.invalidateQueries({ queryKey: ["decisions"] });
      void queryClient.invalidateQueries({ queryKey: ["decision", decision.id, "history"] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.body.code === "stale_version") {
        notifyError(error, "Someone else changed this decision");
        void queryClient.invalidateQueries({ queryKey: ["decision", decision.id] });
      } else notifyError(error, "Could not save");
    },
  });
}

/** After a change to a part (stakeholder, concern), refresh the decision and lists. */
export function useRefreshDecision(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["decision", id] }),
      queryClient.invalidateQueries({ queryKey: ["decisions"] }),
    ]);
}
