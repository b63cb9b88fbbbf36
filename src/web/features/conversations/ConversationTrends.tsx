import {
  Accordion,
  Anchor,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { ConversationTrends as Trends } from "../../../contract/conversations.ts";
import { oneDecimal } from "../../../domain/conversations/trends.ts";
import { date, percent } from "../../lib/format.ts";
import { meQuery } from "../auth/api.ts";
import { teamsQuery } from "../members/api.ts";
import { trendsQuery } from "./api.ts";

type Trend = Trends["together"];

const one = (x: number | null) => (x === null ? "—" : oneDecimal(x));

/** The recent figure and which way it moved from the conversations before, when there were enough of them. */
function Moved({ recent, earlier, shown }: { recent: number | null; earlier: number | null; shown: string }) {
  const arrow =
    recent === null || earlier === null || recent === earlier ? "" : recent > earlier ? " ↑" : " ↓";
  return (
    <>
      {shown}
      {arrow && (
        <Text span size="xs" c="dimmed">
          {arrow}
        </Text>
      )}
    </>
  );
}

function TrendDetail({ trend }: { trend: Trend }) {
  return (
    <Stack gap="xs">
      {trend.said.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
      {trend.points.length > 0 && (
        <Table fz="sm" verticalSpacing={4} aria-label="Recent conversations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Decision</Table.Th>
              <Table.Th>We talked</Table.Th>
              <Table.Th>Questions</Table.Th>
              <Table.Th>Insight</Table.Th>
              <Table.Th>Dated next step</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trend.points.map((p) => (
              <Table.Tr key={p.conversationId}>
                <Table.Td>{date(p.happenedOn)}</Table.Td>
                <Table.Td>
                  <Anchor
                    size="sm"
                    renderRoot={(props) => (
                      <Link
                        {...props}
                        to="/decisions/$id"
                        params={{ id: p.decisionId }}
                        search={{ tab: "conversations", conversation: p.conversationId }}
                      />
                    )}
                  >
                    {p.decisionTitle}
                  </Anchor>
                </Table.Td>
                <Table.Td>{percent(p.sellerWordShare)}</Table.Td>
                <Table.Td>{p.sellerQuestions}</Table.Td>
                <Table.Td>{p.insightQuestions}</Table.Td>
                <Table.Td>{p.nextStepAgreed ? "yes" : "no"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/**
 * How each seller's last conversations went beside the ones before — talk share, questions, insight questions,
 * dated next steps — for the sellers the viewer may see: a seller themself, a manager their team.
 */
export function ConversationTrends() {
  const { data: me } = useSuspenseQuery(meQuery);
  const seller = me?.member.role === "seller";
  const { data: teams } = useQuery({ ...teamsQuery, enabled: !seller });
  const [teamId, setTeamId] = useState<string | null>(null);
  const [last, setLast] = useState("10");
  const { data, isPending } = useQuery(trendsQuery({ teamId, last: Number(last) }));
  return (
    <Paper withBorder p="lg" data-testid="conversation-trends">
      <Group justify="space-between" align="flex-end" mb="sm">
        <div>
          <Title order={4}>{seller ? "Your conversations" : "How the team's conversations are going"}</Title>
          <Text size="sm" c="dimmed">
            Over each seller's last {last} analysed conversations, beside the {last} before. Guidance, not
            grades: what the customer learned matters more than any ratio.
          </Text>
        </div>
        <Group gap="sm" align="flex-end">
          {!seller && (
            <Select
              label="Team"
              placeholder="All I can see"
              clearable
              data={(teams ?? []).map((t) => ({ value: t.id, label: t.name }))}
              value={teamId}
              onChange={setTeamId}
              w={200}
            />
          )}
          <SegmentedControl
            aria-label="How many conversations"
            value={last}
            onChange={setLast}
            data={["5", "10", "20"].map((n) => ({ value: n, label: `Last ${n}` }))}
          />
        </Group>
      </Group>
      {isPending || !data ? (
        <Loader size="sm" />
      ) : data.sellers.length === 0 ? (
        <Text size="sm" c="dimmed">
          No analysed conversations yet. Add a transcript on a decision's Conversations tab and say which
          speaker is one of us: it counts here for that seller.
        </Text>
      ) : (
        <Stack gap="md">
          {!seller && data.sellers.length > 1 && (
            <Text size="sm" data-testid="trends-together">
              Together: {data.together.said[0]}
            </Text>
          )}
          <Accordion variant="separated" multiple defaultValue={seller ? [data.sellers[0]!.memberId] : []}>
            {data.sellers.map((s) => (
              <Accordion.Item key={s.memberId} value={s.memberId}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap" pr="md">
                    <Text fw={600}>{s.name}</Text>
                    <Group gap="lg" wrap="nowrap">
                      <Text size="sm">
                        {s.trend.recent.conversations}{" "}
                        {s.trend.recent.conversations === 1 ? "conversation" : "conversations"} · talked{" "}
                        <Moved
                          recent={s.trend.recent.talkShare}
                          earlier={s.trend.earlier.conversations >= 3 ? s.trend.earlier.talkShare : null}
                          shown={percent(s.trend.recent.talkShare)}
                        />{" "}
                        · questions{" "}
                        <Moved
                          recent={s.trend.recent.questions}
                          earlier={s.trend.earlier.conversations >= 3 ? s.trend.earlier.questions : null}
                          shown={one(s.trend.recent.questions)}
                        />{" "}
                        · dated next step {percent(s.trend.recent.nextStepRate)}
                      </Text>
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <TrendDetail trend={s.trend} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      )}
    </Paper>
  );
}
