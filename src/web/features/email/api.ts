import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  emailStatus,
  roomMailBody,
  roomMailQueued,
  unsubscribeView,
  weeklyQueued,
} from "../../../contract/email.ts";
import { get, post } from "../../lib/api.ts";
import { useWrite, type WriteOptions } from "../../lib/write.ts";

export const emailStatusQuery = queryOptions({
  queryKey: ["email"],
  queryFn: () => get<z.infer<typeof emailStatus>>("/api/v1/email"),
});

type Queued = z.infer<typeof roomMailQueued>;
export const useRoomMail = (
  decisionId: string,
  options?: WriteOptions<Queued, z.input<typeof roomMailBody>>,
) => useWrite((body) => post<Queued>(`/api/v1/decisions/${decisionId}/room-mail`, body), [], options);

export const useSendWeekly = (options?: WriteOptions<z.infer<typeof weeklyQueued>, void>) =>
  useWrite(() => post<z.infer<typeof weeklyQueued>>("/api/v1/email/weekly"), [], options);

type Unsubscribe = z.infer<typeof unsubscribeView>;
export const unsubscribeQuery = (token: string) =>
  queryOptions({
    queryKey: ["unsubscribe", token],
    queryFn: () => get<Unsubscribe>(`/api/v1/unsubscribe/${token}`),
    retry: false,
  });

export const useUnsubscribe = (token: string, options?: WriteOptions<Unsubscribe, void>) =>
  useWrite(
    () => post<Unsubscribe>(`/api/v1/unsubscribe/${token}`),
    [unsubscribeQuery(token).queryKey],
    options,
  );
