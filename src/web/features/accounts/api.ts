import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Account,
  createAccountBody,
  createStakeholderBody,
  Stakeholder,
  updateAccountBody,
} from "../../../contract/accounts.ts";
import type { DecisionCard } from "../../../contract/decisions.ts";
import { get, patch, post } from "../../lib/api.ts";
import { useWrite, type WriteOptions } from "../../lib/write.ts";

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

export const stakeholdersQuery = (accountId: string) =>
  queryOptions({
    queryKey: ["account", accountId, "stakeholders"],
    queryFn: () => get<{ items: Stakeholder[] }>(`/api/v1/accounts/${accountId}/stakeholders`),
  });

export const createAccount = (body: z.input<typeof createAccountBody>) =>
  post<Account>("/api/v1/accounts", body);

export const useCreateAccount = (options?: WriteOptions<Account, z.input<typeof createAccountBody>>) =>
  useWrite(createAccount, [["accounts"]], options);

/** A change to the account's profile, sent with the version the page showed. */
export const useChangeAccount = (
  account: { id: string; version: number },
  options?: WriteOptions<Account, Omit<z.input<typeof updateAccountBody>, "version">>,
) =>
  useWrite(
    (body) => patch<Account>(`/api/v1/accounts/${account.id}`, { version: account.version, ...body }),
    [["account", account.id], ["accounts"]],
    options,
  );

export const useAddStakeholder = (
  options?: WriteOptions<Stakeholder, z.input<typeof createStakeholderBody>>,
) =>
  useWrite(
    (body) => post<Stakeholder>("/api/v1/stakeholders", body),
    (body) => [["account", body.accountId]],
    options,
  );
