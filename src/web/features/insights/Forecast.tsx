import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { Backtest, Forecast as ForecastView } from "../../../contract/insights.ts";
import { money, percent } from "../../lib/format.ts";
import { csvUrl, type InsightsFilter } from "./api.ts";
import { ChartCard, Scrollable } from "./ChartCard.tsx";
import { Calibration, Lines, RangeBars } from "./charts.tsx";

const f3 = (x: number) => x.toFixed(3);

export function Forecast(props: { data: ForecastView; backtest: Backtest; filter: InsightsFilter }) {
  const { data, backtest } = props;
  const cur = data.currency;
  const fmt = (minor: number) => money(minor, cur, true);
  const report = backtest.report;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {data.categories.map((c) => (
          <Paper key={c.category} withBorder p="md">
            <Text size="sm" c="dimmed">
              {c.said}
            </Text>
            <Text fw={700} size="lg">
              {money(c.value, cur)}
            </Text>
            <Text size="sm">Expected won: {money(c.expected, cur)}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <ChartCard
        title="Expected won value by month"
        description="Each open decision's chance of winning times its value (its product's list price while no amount is agreed), in the month it is expected to close, with a 90% range."
        empty={data.byMonth.length ? null : "Appears once open decisions have a value."}
        csv={csvUrl("months", props.filter)}
        chart={<RangeBars data={data.byMonth} x="month" format={fmt} />}
        table={{
          columns: ["Month", "Decisions", "Expected", "Low (90%)", "High (90%)"],
          rows: data.byMonth.map((m) => [
            m.month,
            m.count,
            money(m.expected, cur),
            money(m.low, cur),
            money(m.high, cur),
          ]),
        }}
      />
      <Paper withBorder p="md" component="section" aria-label="Forecast per decision">
        <Stack gap="xs">
          <Title order={4}>Forecast per decision</Title>
          {data.model.notes.map((n) => (
            <Text key={n} size="sm" c="dimmed">
              {n}
            </Text>
          ))}
          <Scrollable label="Forecast per decision: table" minWidth={800}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Decision</Table.Th>
                  <Table.Th>Won</Table.Th>
                  <Table.Th>Lost</Table.Th>
                  <Table.Th>No decision</Table.Th>
                  <Table.Th>Expected close</Table.Th>
                  <Table.Th>Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((i) => (
                  <Table.Tr key={i.decisionId}>
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link {...props} to="/decisions/$id" params={{ id: i.decisionId }} />
                        )}
                      >
                        {i.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {i.accountName} · {money(i.valueAmount, i.currency)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{percent(i.won)}</Table.Td>
                    <Table.Td>{percent(i.lost)}</Table.Td>
                    <Table.Td>{percent(i.noDecision)}</Table.Td>
                    <Table.Td title={i.closeWhy}>{i.closeMonth}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{i.why.join(" ")}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Scrollable>
          <Anchor href={csvUrl("forecast", props.filter)} size="sm" download>
            Download every decision's forecast (CSV)
          </Anchor>
        </Stack>
      </Paper>
      <ChartCard
        title="Forecast vs actual"
        description="At the start of each past month: the won value the forecast expected within three months, the historical rate's, and what came."
        empty={
          data.actual.length ? null : "Appears once decisions have been open and closed over several months."
        }
        chart={
          <Lines
            data={data.actual.map((a) => ({ ...a, at: a.at.slice(0, 7) }))}
            x="at"
            format={fmt}
            series={[
              { key: "actual", name: "Actual" },
              { key: "model", name: "Forecast" },
              { key: "baseline", name: "Historical rate" },
            ]}
          />
        }
        table={{
          columns: ["From", "Forecast", "Historical rate", "Actual"],
          rows: data.actual.map((a) => [
            a.at,
            money(a.model, cur),
            money(a.baseline, cur),
            money(a.actual, cur),
          ]),
        }}
      />
      <ChartCard
        title="How much to trust the forecast"
        description={backtest.why}
        empty={report?.calibration.length ? null : backtest.why}
        chart={<Calibration data={report?.calibration ?? []} />}
        table={{
          columns: ["Measure", "Forecast", "Historical rate"],
          rows: report
            ? [
                ["Brier score (lower is better)", f3(report.brier.model), f3(report.brier.baseline)],
                ["Log loss", f3(report.logLoss.model), f3(report.logLoss.baseline)],
                ["AUC (higher is better)", f3(report.auc.model), f3(report.auc.baseline)],
                ["Calibration error", f3(report.ece.model), f3(report.ece.baseline)],
                [
                  "Gain over the rate (95% interval)",
                  `${(report.relativeGain * 100).toFixed(1)}% [${(report.ci95[0] * 100).toFixed(1)}, ${(report.ci95[1] * 100).toFixed(1)}]`,
                  "—",
                ],
              ]
            : [],
        }}
      />
    </Stack>
  );
}
