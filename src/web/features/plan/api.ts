import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  applyTemplateBody,
  createStepBody,
  Plan,
  PlanStep,
  planTemplateList,
  reorderBody,
  updateStepBody,
} from "../../../contract/plan.ts";
import type {
  activityList,
  consensus,
  correction,
  createdShareLink,
  resolveCorrectionBody,
  shareLinkBody,
  shareLinkList,
} from "../../../contract/room.ts";
import { api, del, get, patch, post } from "../../lib/api.ts";
import { useVersionedEdit } from "../../lib/versioned-edit.ts";
import { useWrite, type WriteOptions } from "../../lib/write.ts";

export const planQuery = (decisionId: string) =>
  queryOptions({
    queryKey: ["decision", decisionId, "plan"],
    queryFn: () => get<Plan>(`/api/v1/decisions/${decisionId}/plan`),
  });
export const templatesQuery = queryOptions({
  queryKey: ["plan-templates"],
  queryFn: () => get<z.infer<typeof planTemplateList>>("/api/v1/plan-templates"),
});
export const linksQuery = (decisionId: string) =>
  queryOptions({
    queryKey: ["decision", decisionId, "links"],
    queryFn: () => get<z.infer<typeof shareLinkList>>(`/api/v1/decisions/${decisionId}/share-links`),
  });
export const consensusQuery = (decisionId: string) =>
  queryOptions({
    queryKey: ["decision", decisionId, "consensus"],
    queryFn: () => get<z.infer<typeof consensus>>(`/api/v1/decisions/${decisionId}/consensus`),
  });
export const correctionsQuery = (decisionId: string) =>
  queryOptions({
    queryKey: ["decision", decisionId, "corrections"],
    queryFn: () =>
      get<{ items: z.infer<typeof correction>[] }>(`/api/v1/decisions/${decisionId}/corrections`),
  });
export const activityQuery = (decisionId?: string) =>
  queryOptions({
    queryKey: ["activity", decisionId ?? "mine"],
    queryFn: () =>
      get<z.infer<typeof activityList>>(`/api/v1/activity${decisionId ? `?decisionId=${decisionId}` : ""}`),
  });

const decisionKey = (decisionId: string) => ["decision", decisionId];

export const useAddStep = (
  decisionId: string,
  options?: WriteOptions<PlanStep, z.input<typeof createStepBody>>,
) =>
  useWrite(
    (body) => post<PlanStep>(`/api/v1/decisions/${decisionId}/plan/steps`, body),
    [decisionKey(decisionId)],
    options,
  );

/** A change to a step, sent with the version the page showed (a 409 brings the current step back). */
export const useChangeStep = (
  decisionId: string,
  options?: WriteOptions<PlanStep, { step: PlanStep; body: Omit<z.input<typeof updateStepBody>, "version"> }>,
) =>
  useWrite(
    ({ step, body }) => patch<PlanStep>(`/api/v1/plan-steps/${step.id}`, { version: step.version, ...body }),
    [decisionKey(decisionId)],
    options,
  );

/** A step renamed, rescheduled or given to someone, edited from the version the form opened with. */
export const useEditStep = (decisionId: string, step: PlanStep, onRefused: (error: unknown) => void) =>
  useVersionedEdit<Omit<z.input<typeof updateStepBody>, "version">, PlanStep>({
    version: step.version,
    write: (body, version) => patch<PlanStep>(`/api/v1/plan-steps/${step.id}`, { ...body, version }),
    changes: [decisionKey(decisionId)],
    onRefused,
  });

export const useRemoveStep = (decisionId: string) =>
  useWrite(
    (step: PlanStep) => del<PlanStep>(`/api/v1/plan-steps/${step.id}?version=${step.version}`),
    [decisionKey(decisionId)],
  );

export const useReorderSteps = (decisionId: string, options?: WriteOptions<unknown, string[]>) =>
  useWrite(
    (stepIds: string[]) =>
      api("PUT", `/api/v1/decisions/${decisionId}/plan/order`, { stepIds } satisfies z.input<
        typeof reorderBody
      >),
    [decisionKey(decisionId)],
    options,
  );

export const useApplyTemplate = (decisionId: string, options?: WriteOptions<Plan, string>) =>
  useWrite(
    (templateId: string) =>
      post<Plan>(`/api/v1/decisions/${decisionId}/plan/apply-template`, {
        templateId,
      } satisfies z.input<typeof applyTemplateBody>),
    [decisionKey(decisionId)],
    options,
  );

export const useCreateShareLink = (
  decisionId: string,
  options?: WriteOptions<z.infer<typeof createdShareLink>, z.input<typeof shareLinkBody>>,
) =>
  useWrite(
    (body) => post<z.infer<typeof createdShareLink>>(`/api/v1/decisions/${decisionId}/share-links`, body),
    [linksQuery(decisionId).queryKey],
    options,
  );

export const useRevokeShareLink = (decisionId: string) =>
  useWrite((id: string) => del(`/api/v1/share-links/${id}`), [linksQuery(decisionId).queryKey]);

/** The seller accepts or dismisses a buyer's correction; accepting rewrites the problem, so the decision reloads. */
export const useResolveCorrection = (
  decisionId: string,
  options?: WriteOptions<unknown, { id: string } & z.input<typeof resolveCorrectionBody>>,
) =>
  useWrite(({ id, ...body }) => patch(`/api/v1/corrections/${id}`, body), [decisionKey(decisionId)], options);
