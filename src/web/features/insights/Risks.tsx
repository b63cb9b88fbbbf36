import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { Risks as RisksView } from "../../../contract/insights.ts";
import { money } from "../../lib/format.ts";
import { csvUrl, type InsightsFilter } from "./api.ts";
import { ChartCard } from "./ChartCard.tsx";
import { Bars } from "./charts.tsx";

export function Risks({ data, filter }: { data: RisksView; filter: InsightsFilter }) {
  const counted = data.byFlag.filter((f) => f.count > 0);
  return (
    <Stack>
      <ChartCard
        title="Risk of no decision"
        description={`${data.flagged} of ${data.open} open decisions carry at least one sign the customer may decide nothing.`}
        empty={counted.length ? null : "No open decision carries a sign of indecision right now."}
        chart={
          <Bars
            data={counted}
            x="title"
            layout="vertical"
            series={[{ key: "count", name: "Open decisions" }]}
          />
        }
        table={{ columns: ["Sign", "Open decisions"], rows: data.byFlag.map((f) => [f.title, f.count]) }}
        csv={csvUrl("risks", filter)}
      />
      {data.items.length > 0 && (
        <Paper withBorder p="md" component="section" aria-label="Decisions at risk of no decision">
          <Stack gap="md">
            <Title order={4}>Where to help first</Title>
            {data.items.slice(0, 8).map((item) => (
              <Stack key={item.decisionId} gap={4}>
                <Group gap="xs">
                  <Anchor
                    fw={600}
                    renderRoot={(props) => (
                      <Link {...props} to="/decisions/$id" params={{ id: item.decisionId }} />
                    )}
                  >
                    {item.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {item.accountName} · {item.ownerName} · {money(item.valueAmount, item.currency)}
                  </Text>
                </Group>
                {item.flags.map((f) => (
                  <Text key={f.key} size="sm">
                    <Badge size="sm" variant="light" mr={6}>
                      {f.helpLabel}
                    </Badge>
                    <b>{f.title}:</b> {f.evidence} <i>{f.advice}</i>
                  </Text>
                ))}
              </Stack>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
