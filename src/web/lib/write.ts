import { type QueryKey, type UseMutationOptions, useMutation, useQueryClient } from "@tanstack/react-query";

/** What a page adds to a write: its own reactions (reset a form, say it failed). */
export type WriteOptions<Result, Vars> = Omit<UseMutationOptions<Result, Error, Vars>, "mutationFn">;

/**
 * A write to the API that, once answered — done or refused (a 409 brings the other person's version) —
 * refreshes the queries it changed. Each feature's api.ts declares its writes with this, so a page never
 * names a URL or decides what to refresh.
 */
export function useWrite<Vars, Result>(
  write: (vars: Vars) => Promise<Result>,
  changes: QueryKey[] | ((vars: Vars, result: Result | undefined) => QueryKey[]),
  options: WriteOptions<Result, Vars> = {},
) {
  const queryClient = useQueryClient();
  return useMutation<Result, Error, Vars>({
    ...options,
    mutationFn: write,
    onSettled: async (result, error, vars, onMutateResult, context) => {
      const keys = typeof changes === "function" ? changes(vars, result) : changes;
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      return options.onSettled?.(result, error, vars, onMutateResult, context);
    },
  });
}
