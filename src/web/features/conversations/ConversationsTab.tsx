import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconMessages, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import type { DecisionDetail } from "../../../contract/decisions.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { date, percent } from "../../lib/format.ts";
import { AddConversationModal } from "./AddConversationModal.tsx";
import { conversationQuery, conversationsQuery } from "./api.ts";
import { CoachingView } from "./CoachingView.tsx";
import { ConversationNotes } from "./ConversationNotes.tsx";
import { NotesReading } from "./NotesReading.tsx";
import { Proposals } from "./Proposals.tsx";
import { SpeakerMap } from "./SpeakerMap.tsx";

function ConversationDetail({ decision, id }: { decision: DecisionDetail; id: string }) {
  const { data: conversation, isPending, error } = useQuery(conversationQuery(decision.id, id));
  if (isPending) return <Loader />;
  if (error || !conversation)
    return (
      <Alert color="red" variant="light">
        This conversation could not be opened.
      </Alert>
    );
  return (
    <Stack gap="md" data-testid="conversation">
      <div>
        <Title order={4}>{conversation.title}</Title>
        <Text size="sm" c="dimmed">
          {date(conversation.happenedOn)} ·{" "}
          {conversation.turnCount ? `${conversation.turnCount} turns` : "notes typed by hand"}
          {conversation.transcriptFormat
            ? ` · from a ${conversation.transcriptFormat.toUpperCase()} transcript`
            : ""}
        </Text>
      </div>
      {conversation.warnings.map((w) => (
        <Alert key={`${w.line}-${w.message}`} color="yellow" variant="light" p="xs">
          Line {w.line}: {w.message}
        </Alert>
      ))}
      <ConversationNotes decisionId={decision.id} conversation={conversation} canEdit={decision.canEdit} />
      {conversation.speakers.length > 0 && <SpeakerMap decision={decision} conversation={conversation} />}
      {conversation.analysis && <CoachingView analysis={conversation.analysis} />}
      {!conversation.analysis && conversation.notesReading && (
        <NotesReading reading={conversation.notesReading} />
      )}
      {conversation.proposals.length > 0 && (
        <Proposals decisionId={decision.id} currency={decision.currency} conversation={conversation} />
      )}
    </Stack>
  );
}

/** The decision's conversations: what was said, how it went, and what it taught about the customer's decision. */
export function ConversationsTab({ decision }: { decision: DecisionDetail }) {
  const { data: items } = useQuery(conversationsQuery(decision.id));
  const { conversation: open } = useSearch({ from: "/app/decisions/$id" });
  const navigate = useNavigate({ from: "/decisions/$id" });
  const [adding, modal] = useDisclosure(false);
  const show = (id: string | undefined) =>
    navigate({ search: (s) => ({ ...s, tab: "conversations" as const, conversation: id }) });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={4}>Conversations</Title>
          <Text size="sm" c="dimmed">
            What the customer actually said: how much you listened, what you asked, and what it taught.
          </Text>
        </div>
        {decision.canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={modal.open}>
            Add a conversation
          </Button>
        )}
      </Group>
      {items && items.length === 0 ? (
        <EmptyState icon={<IconMessages size={26} />} title="No conversations yet">
          Upload a call transcript (Zoom, Teams, Meet, Otter) or write notes of a meeting: Confidant shows how
          much you listened and what you asked, and proposes what the customer told you as evidence for their
          decision.
        </EmptyState>
      ) : (
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Conversation</Table.Th>
              <Table.Th>You talked</Table.Th>
              <Table.Th>Your questions</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(items ?? []).map((c) => (
              <Table.Tr key={c.id} data-testid="conversation-row">
                <Table.Td>{date(c.happenedOn)}</Table.Td>
                <Table.Td>
                  <Anchor component="button" onClick={() => show(c.id)} fw={c.id === open ? 700 : 500}>
                    {c.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{percent(c.sellerWordShare)}</Table.Td>
                <Table.Td>{c.sellerQuestions ?? "—"}</Table.Td>
                <Table.Td>
                  {c.proposed > 0 && (
                    <Badge color="grape" variant="light">
                      {c.proposed} to review
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && <ConversationDetail decision={decision} id={open} />}
      <AddConversationModal
        decisionId={decision.id}
        opened={adding}
        onClose={modal.close}
        onAdded={(c) => {
          modal.close();
          show(c.id);
        }}
      />
    </Stack>
  );
}
