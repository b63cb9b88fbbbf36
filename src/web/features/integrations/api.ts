import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { ApiToken, createdToken, createTokenBody, tokenList } from "../../../contract/tokens.ts";
import { del, get, post } from "../../lib/api.ts";
import { useWrite, type WriteOptions } from "../../lib/write.ts";

export const OPENAPI_URL = "/api/openapi.json";

/** The command the API page shows: listing decisions with a token, against this server. */
export const curlExample = (origin: string) =>
  `curl -H "Authorization: Bearer $CONFIDANT_TOKEN" \\\n  ${origin}/api/v1/decisions`;

export const tokensQuery = queryOptions({
  queryKey: ["tokens"],
  queryFn: async () => (await get<z.infer<typeof tokenList>>("/api/v1/tokens")).tokens,
});

type Created = z.infer<typeof createdToken>;
export const useCreateToken = (options?: WriteOptions<Created, z.input<typeof createTokenBody>>) =>
  useWrite((body) => post<Created>("/api/v1/tokens", body), [tokensQuery.queryKey], options);

export const useRevokeToken = (options?: WriteOptions<ApiToken, string>) =>
  useWrite((id) => del<ApiToken>(`/api/v1/tokens/${id}`), [tokensQuery.queryKey], options);
