import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Conversation } from "../../../contract/conversations.ts";
import type { DecisionDetail } from "../../../contract/decisions.ts";
import { notifyError } from "../../lib/errors.ts";
import { stakeholdersQuery } from "../accounts/api.ts";
import { membersQuery } from "../members/api.ts";
import { useChangeConversation } from "./api.ts";

const NEW = "new";
const choiceOf = (s: Conversation["speakers"][number]) =>
  s.memberId ? `m:${s.memberId}` : s.stakeholderId ? `s:${s.stakeholderId}` : null;

/** Who each speaker is: one of us, one of the customer's people, or a new person created from the speaker. */
export function SpeakerMap({
  decision,
  conversation,
}: {
  decision: DecisionDetail;
  conversation: Conversation;
}) {
  const members = useQuery(membersQuery);
  const people = useQuery(stakeholdersQuery(decision.accountId));
  const [chosen, setChosen] = useState<Record<string, string | null>>({});
  const change = useChangeConversation(decision.id, {
    onSuccess: () => setChosen({}),
    onError: (error) => notifyError(error, "Could not save who the speakers are"),
  });
  const known = (people.data?.items ?? []).map((p) => ({
    value: `s:${p.id}`,
    label: p.title ? `${p.name}, ${p.title}` : p.name,
  }));
  // A person created from a speaker a moment ago shows under their name until the account's list catches up.
  const justCreated = conversation.speakers
    .filter((s) => s.stakeholderId && !known.some((k) => k.value === `s:${s.stakeholderId}`))
    .map((s) => ({ value: `s:${s.stakeholderId}`, label: s.name }));
  const data = [
    {
      group: "Us",
      items: (members.data ?? []).filter((m) => m.active).map((m) => ({ value: `m:${m.id}`, label: m.name })),
    },
    {
      group: decision.accountName,
      items: [...known, ...justCreated, { value: NEW, label: `A new person at ${decision.accountName}` }],
    },
  ];
  const changed = Object.entries(chosen).filter(([, value]) => value !== null);
  const save = () =>
    change.mutate({
      conversation,
      body: {
        speakers: changed.map(([name, value]) =>
          value === NEW
            ? { name, newStakeholder: { name } }
            : value!.startsWith("m:")
              ? { name, memberId: value!.slice(2) }
              : { name, stakeholderId: value!.slice(2) },
        ),
      },
    });
  const unmapped = conversation.speakers.filter((s) => !s.mapped).length;
  return (
    <Paper withBorder p="lg" data-testid="speaker-map">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Who spoke</Title>
        {unmapped > 0 && (
          <Badge color="yellow" variant="light">
            {unmapped} not named yet — counted as the customer
          </Badge>
        )}
      </Group>
      <Stack gap="xs">
        <Table>
          <Table.Tbody>
            {conversation.speakers.map((s) => (
              <Table.Tr key={s.name}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {s.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.words.toLocaleString("en")} words · {s.side === "seller" ? "our side" : "the customer"}
                  </Text>
                </Table.Td>
                <Table.Td w={300}>
                  <Select
                    aria-label={`Who is ${s.name}?`}
                    placeholder="Who is this?"
                    data={data}
                    value={chosen[s.name] ?? choiceOf(s)}
                    onChange={(value) => setChosen((c) => ({ ...c, [s.name]: value }))}
                    allowDeselect={false}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button size="xs" disabled={!changed.length} loading={change.isPending} onClick={save}>
            Save who spoke
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
