import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Account,
  createAccountBody,
  createStakeholderBody,
  Stakeholder,
  updateAccountBody,
  updateStakeholderBody,
} from "../../../contract/accounts.ts";
import type { DecisionCard } from "../../../contract/decisions.ts";
import { get, patch, post } from "../../lib/api.ts";
import { useVersionedEdit } from "../../lib/versioned-edit.ts";
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
/** An edit to an account's profile, through the one versioned-edit path (theirs beside mine on a clash). */
export const useEditAccount = (account: Account, onRefused: (error: unknown) => void) =>
  useVersionedEdit<Omit<z.input<typeof updateAccountBody>, "version">, Account>({
    version: account.version,
    write: (body, version) => patch<Account>(`/api/v1/accounts/${account.id}`, { ...body, version }),
    changes: [["account", account.id], ["accounts"]],
    onRefused,
  });

/** A person's details, edited from the version the form opened with. */
export const useEditStakeholder = (person: Stakeholder, onRefused: (error: unknown) => void) =>
  useVersionedEdit<Omit<z.input<typeof updateStakeholderBody>, "version">, Stakeholder>({
    version: person.version,
    write: (body, version) => patch<Stakeholder>(`/api/v1/stakeholders/${person.id}`, { ...body, version }),
    changes: [["account", person.accountId]],
    onRefused,
  });

export const useAddStakeholder = (
  options?: WriteOptions<Stakeholder, z.input<typeof createStakeholderBody>>,
) =>
  useWrite(
    (body) => post<Stakeholder>("/api/v1/stakeholders", body),
    (body) => [["account", body.accountId]],
    options,
  );
