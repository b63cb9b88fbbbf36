import { queryOptions } from "@tanstack/react-query";
import type { Correction, CorrectionList, CreateCorrectionBody } from "../../../contract/corrections.ts";
import { del, get, post } from "../../lib/api.ts";
import { useWrite, type WriteOptions } from "../../lib/write.ts";

export const correctionsQuery = queryOptions({
  queryKey: ["diagnosis-corrections"],
  queryFn: () => get<CorrectionList>("/api/v1/diagnosis-corrections"),
});

/** Where the verdicts download as labelled answers (JSONL in the shared schema). */
export const correctionsExportUrl = "/api/v1/diagnosis-corrections/export";

export const useCorrectDiagnosis = (options?: WriteOptions<Correction, CreateCorrectionBody>) =>
  useWrite(
    (body) => post<Correction>("/api/v1/diagnosis-corrections", body),
    [correctionsQuery.queryKey],
    options,
  );

export const useRemoveCorrection = (options?: WriteOptions<Correction, Correction>) =>
  useWrite(
    (c) => del<Correction>(`/api/v1/diagnosis-corrections/${c.id}?version=${c.version}`),
    [correctionsQuery.queryKey],
    options,
  );

export const useRestoreCorrection = (options?: WriteOptions<Correction, Correction>) =>
  useWrite(
    (c) => post<Correction>(`/api/v1/diagnosis-corrections/${c.id}/restore?version=${c.version}`),
    [correctionsQuery.queryKey],
    options,
  );
