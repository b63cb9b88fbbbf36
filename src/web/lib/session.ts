import { queryOptions } from "@tanstack/react-query";
import type { Me, SetupStatus } from "../../contract/auth.ts";
import { ApiError, get } from "./api.ts";

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

export const setupQuery = queryOptions({
  queryKey: ["setup"],
  queryFn: () => get<SetupStatus>("/api/v1/setup"),
  staleTime: 30_000,
});
