import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { Concession, concessionBody } from "../../../contract/concessions.ts";
import { del, get, patch, post } from "../../lib/api.ts";
import { useWrite, type WriteOptions } from "../../lib/write.ts";

export const concessionsQuery = (decisionId: string) =>
  queryOptions({
    queryKey: ["decision", decisionId, "concessions"],
    queryFn: () =>
      get<{ items: Concession[] }>(`/api/v1/decisions/${decisionId}/concessions`).then((r) => r.items),
  });

// A concession shows in the decision's history and in Insights' discounts.
const changed = (decisionId: string) => [["decision", decisionId], ["insights"]];

export const useAskConcession = (
  decisionId: string,
  options?: WriteOptions<Concession, z.input<typeof concessionBody>>,
) =>
  useWrite(
    (body) => post<Concession>(`/api/v1/decisions/${decisionId}/concessions`, body),
    changed(decisionId),
    options,
  );

export const useDecideConcession = (decisionId: string) =>
  useWrite(
    ({ concession, status }: { concession: Concession; status: "approved" | "declined" }) =>
      patch<Concession>(`/api/v1/concessions/${concession.id}`, { version: concession.version, status }),
    changed(decisionId),
  );

export const useWithdrawConcession = (decisionId: string) =>
  useWrite(
    (concession: Concession) =>
      del<Concession>(`/api/v1/concessions/${concession.id}?version=${concession.version}`),
    changed(decisionId),
  );
