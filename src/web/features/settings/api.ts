import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { putQuestionBody, questionEntry, questionList } from "../../../contract/questions.ts";
import type { updateWorkspaceBody, workspace } from "../../../contract/workspaces.ts";
import { api, del, get, patch } from "../../lib/api.ts";
import { useWrite, type WriteOptions } from "../../lib/write.ts";

type Entry = z.infer<typeof questionEntry>;

export const questionsQuery = queryOptions({
  queryKey: ["questions"],
  queryFn: () => get<z.infer<typeof questionList>>("/api/v1/questions"),
});

/** Rewords a question; a first wording carries no version, a later one the version it replaces. */
export const useRewordQuestion = (entry: Entry, options?: WriteOptions<Entry, string>) =>
  useWrite(
    (text: string) =>
      api<Entry>("PUT", `/api/v1/questions/${entry.key}`, {
        text,
        ...(entry.version ? { version: entry.version } : {}),
      } satisfies z.input<typeof putQuestionBody>),
    [questionsQuery.queryKey],
    options,
  );

export const useResetQuestion = (entry: Entry) =>
  useWrite(() => del(`/api/v1/questions/${entry.key}`), [questionsQuery.queryKey]);

type Workspace = z.infer<typeof workspace>;

export const workspaceQuery = queryOptions({
  queryKey: ["workspace"],
  queryFn: () => get<Workspace>("/api/v1/workspace"),
});

/** The workspace's policies, changed from the version the form opened with. */
export const useChangePolicies = (options?: WriteOptions<Workspace, z.input<typeof updateWorkspaceBody>>) =>
  useWrite((body) => patch<Workspace>("/api/v1/workspace", body), [workspaceQuery.queryKey], options);
