import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  board,
  CreateDecisionBody,
  concernBody,
  DecisionCard,
  DecisionDetail,
  Involvement,
  involvementBody,
  UpdateDecisionBody,
  updateConcernBody,
  updateInvolvementBody,
} from "../../../contract/decisions.ts";
import { ApiError, del, get, patch, post } from "../../lib/api.ts";
import { notifyError } from "../../lib/errors.ts";
import { useWrite, type WriteOptions } from "../../lib/write.ts";
import { createAccount } from "../accounts/api.ts";

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

/** What a change to a decision's part (a person, a concern) refreshes: the decision and the lists. */
const decisionAndLists = (id: string) => [["decision", id], ["decisions"]];

type NewDecision = Omit<CreateDecisionBody, "accountId"> & { account: { id: string } | { name: string } };

/** A new decision, for a customer we know or for a new one named in the same step. */
export const useCreateDecision = (options?: WriteOptions<DecisionDetail, NewDecision>) =>
  useWrite(
    async ({ account, ...body }: NewDecision) => {
      const accountId = "id" in account ? account.id : (await createAccount({ name: account.name })).id;
      return post<DecisionDetail>("/api/v1/decisions", { ...body, accountId } satisfies CreateDecisionBody);
    },
    [["decisions"], ["accounts"]],
    options,
  );

export const useInvolve = (
  decisionId: string,
  options?: WriteOptions<Involvement, z.input<typeof involvementBody>>,
) =>
  useWrite(
    (body) => post<Involvement>(`/api/v1/decisions/${decisionId}/stakeholders`, body),
    decisionAndLists(decisionId),
    options,
  );

export const useChangeInvolvement = (
  decisionId: string,
  options?: WriteOptions<
    Involvement,
    { involvement: Involvement; body: Omit<z.input<typeof updateInvolvementBody>, "version"> }
  >,
) =>
  useWrite(
    ({ involvement, body }) =>
      patch<Involvement>(`/api/v1/involvements/${involvement.id}`, { version: involvement.version, ...body }),
    decisionAndLists(decisionId),
    options,
  );

export const useRemoveInvolvement = (decisionId: string, options?: WriteOptions<Involvement, Involvement>) =>
  useWrite(
    (involvement: Involvement) =>
      del<Involvement>(`/api/v1/involvements/${involvement.id}?version=${involvement.version}`),
    decisionAndLists(decisionId),
    options,
  );

export const useAddConcern = (
  decisionId: string,
  options?: WriteOptions<unknown, z.input<typeof concernBody>>,
) =>
  useWrite(
    (body) => post(`/api/v1/decisions/${decisionId}/concerns`, body),
    decisionAndLists(decisionId),
    options,
  );

export const useChangeConcern = (
  decisionId: string,
  concern: { id: string; version: number },
  options?: WriteOptions<unknown, Omit<z.input<typeof updateConcernBody>, "version">>,
) =>
  useWrite(
    (body) => patch(`/api/v1/concerns/${concern.id}`, { version: concern.version, ...body }),
    decisionAndLists(decisionId),
    options,
  );
