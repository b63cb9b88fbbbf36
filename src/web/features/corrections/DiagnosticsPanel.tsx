import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { CorrectionList } from "../../../contract/corrections.ts";
import { notifyError } from "../../lib/errors.ts";
import { date, percent } from "../../lib/format.ts";
import { DiagnosisBadge, REASON_WORDS } from "../reviews/DiagnosisView.tsx";
import { correctionsExportUrl, correctionsQuery, useRemoveCorrection, useRestoreCorrection } from "./api.ts";

type Agreement = CorrectionList["agreement"]["label"];

const LABEL_WORDS: Record<string, string> = {
  customer: "About the customer",
  vague: "Too vague",
  seller: "About us",
};

const shown = (a: Agreement) => (a.rate === null ? "—" : `${percent(a.rate)} (${a.agreed} of ${a.count})`);

function Figure({ title, agreement }: { title: string; agreement: Agreement }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {title}
      </Text>
      <Text fw={700} size="xl" data-testid={`agreement-${title}`}>
        {shown(agreement)}
      </Text>
    </div>
  );
}

/**
 * How often the answer diagnostics matched this workspace's managers, from their verdicts on the review page,
 * and the verdicts themselves — each removable — with the export to retrain on.
 */
export function DiagnosticsPanel() {
  const { data } = useQuery(correctionsQuery);
  const restore = useRestoreCorrection({ onError: (error) => notifyError(error, "Could not restore it") });
  const remove = useRemoveCorrection({
    onSuccess: (removed) =>
      notifications.show({
        message: (
          <Group gap="xs">
            <Text size="sm">Verdict removed.</Text>
            <Button size="compact-xs" variant="subtle" onClick={() => restore.mutate(removed)}>
              Undo
            </Button>
          </Group>
        ),
      }),
    onError: (error) => notifyError(error, "Could not remove it"),
  });
  if (!data) return null;
  const { agreement, items } = data;
  return (
    <Paper withBorder p="lg" data-testid="diagnostics-panel">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={4}>Diagnostics</Title>
          <Text size="sm" c="dimmed" maw={680}>
            How often the reading of review answers (about the customer, about us, too vague) matched what
            this workspace's managers said when they agreed or disagreed on the review page. Only this
            workspace's verdicts count here.
          </Text>
        </div>
        {items.length > 0 && (
          <Button
            component="a"
            href={correctionsExportUrl}
            variant="light"
            size="xs"
            leftSection={<IconDownload size={14} />}
          >
            Export as JSONL
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
        <Figure title="Label matched" agreement={agreement.label} />
        <Figure title="Label and reason matched" agreement={agreement.reason} />
      </SimpleGrid>
      {items.length > 0 ? (
        <Stack gap="md">
          <Text size="sm">
            By the managers' label:{" "}
            {Object.entries(agreement.perLabel)
              .map(([l, a]) => `${LABEL_WORDS[l] ?? l} ${shown(a)}`)
              .join(" · ")}
            {Object.keys(agreement.perReason).length > 0 &&
              `. About us, by reason: ${Object.entries(agreement.perReason)
                .map(([r, a]) => `${REASON_WORDS[r] ?? r} ${shown(a)}`)
                .join(" · ")}`}
          </Text>
          <Table aria-label="Verdicts on diagnoses" fz="sm" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Answer</Table.Th>
                <Table.Th>Read as</Table.Th>
                <Table.Th>The manager said</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {date(c.createdAt)}
                    <Text size="xs" c="dimmed">
                      {c.by.name ?? "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={360}>
                    <Text size="sm" lineClamp={3}>
                      {c.answer}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <DiagnosisBadge label={c.predicted.label} reason={c.predicted.reason} />
                  </Table.Td>
                  <Table.Td>
                    {c.agrees ? (
                      <Text size="sm">Agreed</Text>
                    ) : (
                      <DiagnosisBadge label={c.label} reason={c.reason} />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component="button" size="xs" c="dimmed" onClick={() => remove.mutate(c)}>
                      Remove
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          No verdicts yet. On a review, managers can agree or disagree with how each answer was read.
        </Text>
      )}
    </Paper>
  );
}
