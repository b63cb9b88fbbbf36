import { Paper, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import type { Insights } from "../../../contract/insights.ts";
import { MILESTONE_LABELS, money, percent } from "../../lib/format.ts";
import { csvUrl, type InsightsFilter } from "./api.ts";
import { ChartCard, Scrollable } from "./ChartCard.tsx";
import { Bars, Lines } from "./charts.tsx";

const share = (x: number | null) => (x === null ? 0 : Math.round(x * 100));

/** Each seller's share of open decisions with each piece of customer evidence, beside the activity counts. */
function SellerTable({ data }: { data: Insights }) {
  const rows = [...data.sellers, { ...data.total, memberId: "total", name: "All shown", teamId: null }];
  return (
    <Paper withBorder p="md" component="section" aria-label="Help-first metrics per seller">
      <Stack gap="xs">
        <Title order={4}>Help-first metrics per seller</Title>
        <Text size="sm" c="dimmed">
          Share of open decisions with each piece of customer evidence, beside the activity the old metrics
          count. Hover a heading for its definition.
        </Text>
        <Scrollable label="Help-first metrics per seller: table" minWidth={900}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Seller</Table.Th>
                <Table.Th>Open</Table.Th>
                {data.metrics.map((m) => (
                  <Table.Th key={m.key}>
                    <Tooltip label={m.definition} multiline w={260}>
                      <span>{m.label}</span>
                    </Tooltip>
                  </Table.Th>
                ))}
                <Table.Th>Talk share</Table.Th>
                <Table.Th>Insight questions / call</Table.Th>
                <Table.Th>Reviews seller-centric</Table.Th>
                <Table.Th>Won · No decision</Table.Th>
                <Table.Th>Activity (calls · steps · changes)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.memberId} fw={s.memberId === "total" ? 600 : undefined}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{s.open}</Table.Td>
                  {data.metrics.map((m) => (
                    <Table.Td key={m.key} title={s.help[m.key]?.words}>
                      {percent(s.help[m.key]?.rate)}
                    </Table.Td>
                  ))}
                  <Table.Td>{percent(s.conversations.talkShare)}</Table.Td>
                  <Table.Td>{s.conversations.insightQuestions?.toFixed(1) ?? "—"}</Table.Td>
                  <Table.Td>{percent(s.sellerCentricReviews.rate)}</Table.Td>
                  <Table.Td>
                    {percent(s.outcomes.winRate)} · {percent(s.outcomes.noDecisionRate)}
                  </Table.Td>
                  <Table.Td>
                    {s.activity.conversations} · {s.activity.stepsAdded} · {s.activity.changes}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scrollable>
      </Stack>
    </Paper>
  );
}

export function HelpFirst({ data, filter }: { data: Insights; filter: InsightsFilter }) {
  const metricRows = data.metrics.map((m) => ({
    label: m.label,
    share: share(data.total.help[m.key]?.rate ?? null),
  }));
  const noOpen = data.total.open === 0 ? "Appears once there are open decisions to measure." : null;
  const trendRows = data.trend.map((t) => ({
    month: t.month,
    problem: t.opened ? Math.round((t.problemInWords / t.opened) * 100) : 0,
    cost: t.opened ? Math.round((t.costQuantified / t.opened) * 100) : 0,
    buyer: t.opened ? Math.round((t.economicBuyer / t.opened) * 100) : 0,
    checkIn: t.opened ? Math.round((t.buyerConfirmed / t.opened) * 100) : 0,
  }));
  const fmtPct = (v: number) => `${v}%`;
  const currency = data.currency;
  const milestones = data.pipeline.byMilestone.map((m) => ({
    ...m,
    label: MILESTONE_LABELS[m.milestone as keyof typeof MILESTONE_LABELS] ?? m.milestone,
  }));
  return (
    <Stack>
      <ChartCard
        title="Customer evidence on open decisions"
        description="What share of open decisions carry each piece of evidence from the customer."
        empty={noOpen}
        csv={csvUrl("sellers", filter)}
        chart={
          <Bars
            data={metricRows}
            x="label"
            layout="vertical"
            series={[{ key: "share", name: "Share" }]}
            format={fmtPct}
          />
        }
        table={{
          columns: ["Metric", "Open decisions with it"],
          rows: data.metrics.map((m) => [m.label, data.total.help[m.key]?.words ?? ""]),
        }}
      />
      <SellerTable data={data} />
      <Paper withBorder p="md" component="section" aria-label="How each metric related to outcomes">
        <Stack gap="xs">
          <Title order={4}>How each metric related to outcomes</Title>
          <Text size="sm" c="dimmed">
            From this workspace's closed decisions: win rate, no-decision rate and days to decide, with and
            without the evidence.
          </Text>
          {data.relations.map((r) => (
            <Text key={r.metric} size="sm">
              <b>{r.label}.</b> {r.summary}
            </Text>
          ))}
        </Stack>
      </Paper>
      <ChartCard
        title="Help-first metrics by month opened"
        description="Of the decisions opened each month, the share that carries each piece of evidence today."
        empty={trendRows.length ? null : "Appears once decisions have been opened."}
        csv={csvUrl("trend", filter)}
        chart={
          <Lines
            data={trendRows}
            x="month"
            format={fmtPct}
            series={[
              { key: "problem", name: "Problem in their words" },
              { key: "cost", name: "Cost quantified" },
              { key: "buyer", name: "Economic buyer" },
              { key: "checkIn", name: "Buyer check-in" },
            ]}
          />
        }
        table={{
          columns: ["Month", "Opened", "Problem", "Cost", "Economic buyer", "Check-in"],
          rows: data.trend.map((t) => [
            t.month,
            t.opened,
            t.problemInWords,
            t.costQuantified,
            t.economicBuyer,
            t.buyerConfirmed,
          ]),
        }}
      />
      <ChartCard
        title="Pipeline by customer milestone"
        description="Open decisions by how far the customer has come, with their value."
        empty={noOpen}
        chart={<Bars data={milestones} x="label" series={[{ key: "count", name: "Open decisions" }]} />}
        table={{
          columns: ["Milestone", "Open decisions", "Value"],
          rows: milestones.map((m) => [m.label, m.count, money(m.value, currency)]),
        }}
      />
      <ChartCard
        title="Pipeline by readiness"
        description="Open decisions by readiness score, with their value."
        empty={noOpen}
        chart={
          <Bars
            data={data.pipeline.byReadiness}
            x="band"
            series={[{ key: "count", name: "Open decisions" }]}
          />
        }
        table={{
          columns: ["Readiness", "Open decisions", "Value"],
          rows: data.pipeline.byReadiness.map((b) => [b.band, b.count, money(b.value, currency)]),
        }}
      />
      <ChartCard
        title="Why customers decided nothing"
        description="The reasons recorded on decisions that ended in no decision — an outcome of its own."
        empty={
          data.noDecisionReasons.length
            ? null
            : "Appears once a decision ends in no decision with its reason."
        }
        chart={
          <Bars
            data={data.noDecisionReasons}
            x="reason"
            layout="vertical"
            series={[{ key: "count", name: "Decisions" }]}
          />
        }
        table={{
          columns: ["Reason", "Decisions"],
          rows: data.noDecisionReasons.map((r) => [r.reason, r.count]),
        }}
      />
    </Stack>
  );
}
