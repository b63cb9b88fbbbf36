import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
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

/** A field someone changed since the page loaded it, beside the value this edit would give it. */
export interface FieldConflict {
  field: string;
  message: string;
  theirs: unknown;
  mine: unknown;
}

/**
 * Saves part of a decision with the version the page loaded. The server merges it when the fields it sets
 * did not change since; when one did (409), the conflict holds those fields — theirs and mine — until the
 * member keeps theirs or takes ours, so nothing is overwritten unseen.
 */
export function useUpdateDecision(decision: DecisionDetail) {
  const queryClient = useQueryClient();
  // The version the form was opened on: the page may reload a newer one while the member types, but their
  // edit is still based on what they saw when they began.
  const opened = useRef<number | null>(null);
  // Input the server refused, in the member's words, shown in the form rather than as a passing toast.
  const [invalid, setInvalid] = useState<string[]>([]);
  const [conflict, setConflict] = useState<{
    fields: FieldConflict[];
    body: DecisionEdit;
    version: number;
    onSuccess?: () => void;
  } | null>(null);
  const mutation = useMutation({
    mutationFn: ({ body, version }: { body: DecisionEdit; version: number; onSuccess?: () => void }) =>
      patch<DecisionDetail>(`/api/v1/decisions/${decision.id}`, { ...body, version }),
    onSuccess: (updated, { onSuccess }) => {
      queryClient.setQueryData(["decision", decision.id], updated);
      void queryClient.invalidateQueries({ queryKey: ["decisions"] });
      void queryClient.invalidateQueries({ queryKey: ["decision", decision.id, "history"] });
      setConflict(null);
      opened.current = null;
      onSuccess?.();
    },
    onError: (error, { body, onSuccess }) => {
      if (error instanceof ApiError && error.status === 400) return setInvalid(fieldErrorsOf(error, body));
      if (!(error instanceof ApiError && error.body.code === "stale_version"))
        return notifyError(error, "Could not save");
      const current = (error.body.current ?? {}) as Record<string, unknown> & { version: number };
      const fields = error.body.fields
        .filter((f) => f.path !== "version")
        .map((f) => ({
          field: f.path,
          message: f.message,
          theirs: current[f.path],
          mine: (body as Record<string, unknown>)[f.path],
        }));
      if (fields.length) setConflict({ fields, body, version: current.version, onSuccess });
      else notifyError(error, "This decision changed since you opened it");
      void queryClient.invalidateQueries({ queryKey: ["decision", decision.id] });
    },
  });
  return {
    isPending: mutation.isPending,
    error: mutation.error,
    conflict: conflict?.fields ?? null,
    /** Marks the start of an edit: its save is checked against the version shown now. */
    begin: () => {
      opened.current = decision.version;
      setConflict(null);
    },
    invalid,
    mutate: (body: DecisionEdit, options?: { onSuccess?: () => void }) => {
      setConflict(null);
      setInvalid([]);
      mutation.mutate({
        body,
        version: opened.current ?? decision.version,
        onSuccess: options?.onSuccess,
      });
    },
    /** Saves this edit over theirs, now that the member has seen what they changed. */
    keepMine: () =>
      conflict &&
      mutation.mutate({ body: conflict.body, version: conflict.version, onSuccess: conflict.onSuccess }),
    /** Drops this edit: the page shows their version. */
    takeTheirs: () => {
      conflict?.onSuccess?.();
      setConflict(null);
      opened.current = null;
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
