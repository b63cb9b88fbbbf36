import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import type { ChangeEntry } from "../../../contract/common.ts";
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
import { fieldErrorsOf } from "../../lib/field-errors.ts";
import { useVersionedEdit } from "../../lib/versioned-edit.ts";
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
        items: ChangeEntry[];
      }>(`/api/v1/decisions/${id}/history`),
  });

type DecisionEdit = Omit<UpdateDecisionBody, "version">;

/** Saves part of a decision through the one versioned-edit path; refused input is shown in the form itself. */
export function useUpdateDecision(decision: DecisionDetail) {
  const queryClient = useQueryClient();
  const [invalid, setInvalid] = useState<string[]>([]);
  const edit = useVersionedEdit<DecisionEdit, DecisionDetail>({
    version: decision.version,
    write: (body, version) => patch<DecisionDetail>(`/api/v1/decisions/${decision.id}`, { ...body, version }),
    changes: [["decisions"], ["decision", decision.id]],
    onSaved: (updated) => queryClient.setQueryData(["decision", decision.id], updated),
    onRefused: (error, body) =>
      error instanceof ApiError && error.status === 400
        ? setInvalid(fieldErrorsOf(error, body))
        : notifyError(error, "Could not save"),
  });
  return {
    ...edit,
    invalid,
    mutate: (body: DecisionEdit, options?: { onSuccess?: () => void }) => {
      setInvalid([]);
      edit.mutate(body, options);
    },
  };
}

export type DecisionUpdate = ReturnType<typeof useUpdateDecision>;

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

/** How a concern is handled, edited from the version the form opened with. */
export const useEditConcern = (
  decisionId: string,
  concern: { id: string; version: number },
  onRefused: (error: unknown) => void,
) =>
  useVersionedEdit<Omit<z.input<typeof updateConcernBody>, "version">, unknown>({
    version: concern.version,
    write: (body, version) => patch(`/api/v1/concerns/${concern.id}`, { ...body, version }),
    changes: decisionAndLists(decisionId),
    onRefused,
  });
