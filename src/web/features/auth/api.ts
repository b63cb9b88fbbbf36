import { type QueryKey, queryOptions, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { changePasswordBody, Me, SignInBody } from "../../../contract/auth.ts";
import type { MemberLinkView } from "../../../contract/members.ts";
import { ApiError, get, post } from "../../lib/api.ts";
import { useWrite, type WriteOptions } from "../../lib/write.ts";

export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: async (): Promise<Me | null> => {
    try {
      return await get<Me>("/api/v1/me");
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

/** Whoever a write signed in (sign-in, a new workspace, the demo) is the page's member from then on. */
export function useSignsIn<Vars>(
  write: (vars: Vars) => Promise<Me>,
  options: WriteOptions<Me, Vars> = {},
  changes: QueryKey[] = [],
) {
  const queryClient = useQueryClient();
  return useWrite(write, changes, {
    ...options,
    onSuccess: (me, ...rest) => {
      queryClient.setQueryData(meQuery.queryKey, me);
      return options.onSuccess?.(me, ...rest);
    },
  });
}

export const useSignIn = (options?: WriteOptions<Me, SignInBody>) =>
  useSignsIn((body: SignInBody) => post<Me>("/api/v1/auth/sign-in", body), options);

/** Signs out and forgets everything the page had loaded for the member. */
export function useSignOut(options?: WriteOptions<unknown, void>) {
  const queryClient = useQueryClient();
  return useWrite(() => post("/api/v1/auth/sign-out"), [], {
    ...options,
    onSuccess: (...args) => {
      queryClient.clear();
      return options?.onSuccess?.(...args);
    },
  });
}

/** Changes the member's own password; the server ends their other sessions and renews this one. */
export const useChangePassword = (options?: WriteOptions<unknown, z.input<typeof changePasswordBody>>) =>
  useWrite((body: z.input<typeof changePasswordBody>) => post("/api/v1/me/password", body), [], options);

/** Whom an invitation or password-reset link is for; an error when it no longer works. */
export const memberLinkQuery = (token: string) =>
  queryOptions({
    queryKey: ["member-link", token],
    queryFn: () => get<MemberLinkView>(`/api/v1/member-links/${encodeURIComponent(token)}`),
  });

/** Chooses a password through the link; the link is spent and this browser is signed in. */
export const useAcceptMemberLink = (token: string, options?: WriteOptions<Me, string>) =>
  useSignsIn(
    (password: string) => post<Me>(`/api/v1/member-links/${encodeURIComponent(token)}`, { password }),
    options,
  );
