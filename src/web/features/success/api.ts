import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AccountSuccess,
  DeliveredInsights,
  SuccessMeasure,
  SuccessView,
  successMeasureBody,
  successReportBody,
} from "../../../contract/success.ts";
import { del, get, patch, post } from "../../lib/api.ts";
import { useVersionedEdit } from "../../lib/versioned-edit.ts";
import { useWrite, type WriteOptions } from "../../lib/write.ts";

export const successQuery = (decisionId: string) =>
  queryOptions({
    queryKey: ["decision", decisionId, "success"],
    queryFn: () => get<SuccessView>(`/api/v1/decisions/${decisionId}/success`),
  });

export const deliveredQuery = (scope: { teamId?: string | undefined; memberId?: string | undefined }) =>
  queryOptions({
    queryKey: ["insights", "delivered", scope],
    queryFn: () => {
      const params = new URLSearchParams(
        Object.entries(scope).filter((e): e is [string, string] => Boolean(e[1])),
      );
      return get<DeliveredInsights>(`/api/v1/insights/delivered${params.size ? `?${params}` : ""}`);
    },
  });

// What the customer reported moves the decision's history and Insights' "decisions that delivered".
const changed = (decisionId: string) => [["decision", decisionId], ["insights"]];

export const useAddMeasure = (
  decisionId: string,
  options?: WriteOptions<SuccessMeasure, z.input<typeof successMeasureBody>>,
) =>
  useWrite(
    (body) => post<SuccessMeasure>(`/api/v1/decisions/${decisionId}/success-measures`, body),
    changed(decisionId),
    options,
  );

/** A measure's wording, figures or date, edited from the version the form opened with. */
export const useEditMeasure = (measure: SuccessMeasure, onRefused: (error: unknown) => void) =>
  useVersionedEdit<Partial<z.input<typeof successMeasureBody>>, SuccessMeasure>({
    version: measure.version,
    write: (body, version) =>
      patch<SuccessMeasure>(`/api/v1/success-measures/${measure.id}`, { ...body, version }),
    changes: changed(measure.decisionId),
    onRefused,
  });

export const useRemoveMeasure = (decisionId: string) =>
  useWrite(
    (measure: SuccessMeasure) =>
      del<SuccessMeasure>(`/api/v1/success-measures/${measure.id}?version=${measure.version}`),
    changed(decisionId),
  );

export const useRecordReport = (
  decisionId: string,
  options?: WriteOptions<SuccessView, z.input<typeof successReportBody>>,
) =>
  useWrite(
    (body) => post<SuccessView>(`/api/v1/decisions/${decisionId}/success-reports`, body),
    changed(decisionId),
    options,
  );

export const accountSuccessQuery = (accountId: string) =>
  queryOptions({
    queryKey: ["account", accountId, "success"],
    queryFn: () => get<AccountSuccess>(`/api/v1/accounts/${accountId}/success`),
  });
