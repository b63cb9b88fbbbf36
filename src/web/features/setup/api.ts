import { queryOptions } from "@tanstack/react-query";
import type { CreateWorkspaceBody, Me, SetupStatus } from "../../../contract/auth.ts";
import { get, post } from "../../lib/api.ts";
import type { WriteOptions } from "../../lib/write.ts";
import { useSignsIn } from "../auth/api.ts";

export const setupQuery = queryOptions({
  queryKey: ["setup"],
  queryFn: () => get<SetupStatus>("/api/v1/setup"),
  staleTime: 30_000,
});

/** The installation's first workspace and its admin, who is signed in at once. */
export const useCreateWorkspace = (options?: WriteOptions<Me, CreateWorkspaceBody>) =>
  useSignsIn((body: CreateWorkspaceBody) => post<Me>("/api/v1/setup", body), options, [setupQuery.queryKey]);

export const useEnterDemo = (options?: WriteOptions<Me, string>) =>
  useSignsIn((memberId: string) => post<Me>("/api/v1/demo/enter", { memberId }), options);
