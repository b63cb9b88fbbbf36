import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Conversation,
  ConversationTrends,
  CreateConversationBody,
  conversationList,
  resolveProposalBody,
  UpdateConversationBody,
} from "../../../contract/conversations.ts";
import { get, patch, post } from "../../lib/api.ts";
import { useWrite, type WriteOptions } from "../../lib/write.ts";

export const conversationsQuery = (decisionId: string) =>
  queryOptions({
    queryKey: ["decision", decisionId, "conversations"],
    queryFn: () =>
      get<z.infer<typeof conversationList>>(`/api/v1/decisions/${decisionId}/conversations`).then(
        (r) => r.items,
      ),
  });

export const conversationQuery = (decisionId: string, id: string) =>
  queryOptions({
    queryKey: ["decision", decisionId, "conversations", id],
    queryFn: () => get<Conversation>(`/api/v1/conversations/${id}`),
  });

export const trendsQuery = (filter: { teamId: string | null; last: number }) =>
  queryOptions({
    queryKey: ["conversation-trends", filter],
    queryFn: () => {
      const query = new URLSearchParams({ last: String(filter.last) });
      if (filter.teamId) query.set("teamId", filter.teamId);
      return get<ConversationTrends>(`/api/v1/conversations/trends?${query}`);
    },
  });

/** A new conversation; the decision and its lists refresh (the transcript may propose evidence). */
export const useAddConversation = (
  decisionId: string,
  options?: WriteOptions<Conversation, CreateConversationBody>,
) =>
  useWrite(
    (body) => post<Conversation>(`/api/v1/decisions/${decisionId}/conversations`, body),
    [["decision", decisionId]],
    options,
  );

/** Who the speakers are: the analysis and proposals are worked out again. */
export const useChangeConversation = (
  decisionId: string,
  options?: WriteOptions<
    Conversation,
    { conversation: Conversation; body: Omit<UpdateConversationBody, "version"> }
  >,
) =>
  useWrite(
    ({ conversation, body }) =>
      patch<Conversation>(`/api/v1/conversations/${conversation.id}`, {
        version: conversation.version,
        ...body,
      }),
    // A speaker may have become a new person at the account.
    [["decision", decisionId], ["account"]],
    options,
  );

/** Accept (perhaps in edited words) or dismiss what the conversation taught; accepting changes the decision. */
export const useResolveProposal = (
  decisionId: string,
  options?: WriteOptions<Conversation, { id: string; body: z.input<typeof resolveProposalBody> }>,
) =>
  useWrite(
    ({ id, body }) => patch<Conversation>(`/api/v1/conversation-proposals/${id}`, body),
    [["decision", decisionId], ["decisions"]],
    options,
  );
