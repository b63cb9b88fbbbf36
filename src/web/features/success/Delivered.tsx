import { Anchor, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { DeliveredInsights } from "../../../contract/success.ts";
import { percent } from "../../lib/format.ts";
import { Scrollable } from "../insights/ChartCard.tsx";

const rateOf = (rate: number | null) => (rate === null ? "—" : percent(rate));

/**
 * Decisions that delivered: the evidence behind "a high-quality deal" — not that it was signed, but that the
 * customer says it reached what they sought — per seller, and each decision where a promised outcome was missed.
 */
export function Delivered({ data }: { data: DeliveredInsights }) {
  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-label="Decisions that delivered">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Title order={4}>Decisions that delivered</Title>
            <Text fz={32} fw={700} data-testid="delivered-rate">
              {rateOf(data.overall.rate)}
            </Text>
          </Group>
          <Text size="sm" data-testid="delivered-words">
            {data.overall.words}
          </Text>
          <Text size="xs" c="dimmed">
            A won decision delivered when the customer says every outcome they sought reached its target; it
            missed when one did not by the date agreed. Decisions still waiting on the customer are counted
            apart, not judged.
          </Text>
          {data.perSeller.length > 0 && (
            <Scrollable label="Decisions that delivered, per seller" minWidth={520}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Seller</Table.Th>
                    <Table.Th>Delivered</Table.Th>
                    <Table.Th>Missed</Table.Th>
                    <Table.Th>Not in yet</Table.Th>
                    <Table.Th>Share delivered</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.perSeller.map((s) => (
                    <Table.Tr key={s.memberId}>
                      <Table.Td>{s.name}</Table.Td>
                      <Table.Td>{s.delivered}</Table.Td>
                      <Table.Td>{s.missed}</Table.Td>
                      <Table.Td>{s.awaiting}</Table.Td>
                      <Table.Td>{rateOf(s.rate)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Scrollable>
          )}
        </Stack>
      </Paper>
      {data.missed.length > 0 && (
        <Paper withBorder p="md" component="section" aria-label="Promised outcomes missed">
          <Stack gap="sm">
            <Title order={4}>Promised outcomes missed</Title>
            {data.missed.map((m) => (
              <Stack key={m.decisionId} gap={2}>
                <Group gap="xs">
                  <Anchor
                    fw={600}
                    renderRoot={(props) => (
                      <Link {...props} to="/decisions/$id" params={{ id: m.decisionId }} />
                    )}
                  >
                    {m.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {m.accountName} · {m.ownerName}
                  </Text>
                </Group>
                <Text size="sm">{m.why}</Text>
              </Stack>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
