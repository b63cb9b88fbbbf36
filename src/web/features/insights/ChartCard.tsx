import { Anchor, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";

/** A wide table that scrolls sideways, reachable by keyboard (a scrolling region must take focus). */
export function Scrollable(props: { label: string; minWidth: number; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
    <section aria-label={props.label} tabIndex={0} style={{ overflowX: "auto" }}>
      <div style={{ minWidth: props.minWidth }}>{props.children}</div>
    </section>
  );
}

export interface TableView {
  columns: string[];
  rows: (string | number)[][];
}

/**
 * A chart with its table beside it (one click away, for screen readers and for numbers to copy), a CSV link
 * when the table exports, and, when there is nothing to draw, what data it needs instead of an empty frame.
 */
export function ChartCard(props: {
  title: string;
  description?: string;
  empty: string | null;
  chart: ReactNode;
  table: TableView;
  csv?: string;
}) {
  const [view, setView] = useState("chart");
  return (
    <Paper withBorder p="md" component="section" aria-label={props.title}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4}>{props.title}</Title>
            {props.description && (
              <Text size="sm" c="dimmed">
                {props.description}
              </Text>
            )}
          </div>
          {!props.empty && (
            <Group gap="xs">
              {props.csv && (
                <Anchor href={props.csv} size="sm" download>
                  CSV
                </Anchor>
              )}
              <SegmentedControl
                size="xs"
                value={view}
                onChange={setView}
                aria-label={`${props.title}: chart or table`}
                data={[
                  { value: "chart", label: "Chart" },
                  { value: "table", label: "Table" },
                ]}
              />
            </Group>
          )}
        </Group>
        {props.empty ? (
          <Text size="sm" c="dimmed">
            {props.empty}
          </Text>
        ) : view === "chart" ? (
          <div style={{ width: "100%", height: 240 }}>{props.chart}</div>
        ) : (
          <Scrollable label={`${props.title}: table`} minWidth={400}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  {props.table.columns.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {props.table.rows.map((row) => (
                  <Table.Tr key={String(row[0])}>
                    {row.map((cell, i) => (
                      <Table.Td key={props.table.columns[i]}>{cell}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Scrollable>
        )}
      </Stack>
    </Paper>
  );
}
