import {
  Accordion,
  Badge,
  Group,
  List,
  Paper,
  RingProgress,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from "@mantine/core";
import { IconMessageQuestion } from "@tabler/icons-react";
import type { ReadinessView } from "../../../../contract/decisions.ts";
import { LabelledProgress } from "../../../components/LabelledProgress.tsx";
import { DIMENSION_LABELS, MILESTONE_LABELS, readinessColor } from "../../../lib/format.ts";

/** Readiness beside the canvas: the score, where the customer is, and for each gap the question to ask next. */
export function ReadinessPanel({ readiness }: { readiness: ReadinessView }) {
  const gaps = readiness.dimensions.reduce((sum, d) => sum + d.gaps.length, 0);
  return (
    <Paper withBorder p="lg" data-testid="readiness-panel">
      <Group wrap="nowrap" align="center">
        <RingProgress
          size={92}
          thickness={9}
          roundCaps
          sections={[{ value: readiness.overall, color: readinessColor(readiness.overall) }]}
          label={
            <Text ta="center" fw={700} fz={22} data-testid="readiness-overall">
              {readiness.overall}
            </Text>
          }
        />
        <div>
          <Title order={4}>Readiness</Title>
          <Badge variant="light" mt={4} data-testid="milestone">
            {MILESTONE_LABELS[readiness.milestone]}
          </Badge>
          {readiness.next && (
            <Text size="xs" c="dimmed" mt={6}>
              To reach <b>{MILESTONE_LABELS[readiness.next.milestone]}</b>:{" "}
              {readiness.next.missing.join("; ")}.
            </Text>
          )}
        </div>
      </Group>
      <Text size="sm" fw={600} mt="md" mb={4}>
        {gaps === 0 ? "No gaps found." : `${gaps} gap${gaps === 1 ? "" : "s"} — and what to ask next`}
      </Text>
      <Accordion
        multiple
        defaultValue={readiness.dimensions
          .filter((d) => d.gaps.length && d.score < 60)
          .map((d) => d.key)
          .slice(0, 3)}
        variant="contained"
        chevronPosition="right"
      >
        {readiness.dimensions.map((dimension) => (
          <Accordion.Item
            key={dimension.key}
            value={dimension.key}
            data-testid={`dimension-${dimension.key}`}
          >
            <Accordion.Control>
              <Group justify="space-between" wrap="nowrap" pr="xs">
                <Text size="sm" fw={500}>
                  {DIMENSION_LABELS[dimension.key]}
                </Text>
                <Group gap={6} wrap="nowrap">
                  <LabelledProgress
                    label={`${DIMENSION_LABELS[dimension.key]} readiness`}
                    value={dimension.score}
                    w={60}
                    size="sm"
                    color={readinessColor(dimension.score)}
                  />
                  <Text size="xs" w={24} ta="right" fw={600}>
                    {dimension.score}
                  </Text>
                </Group>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                {dimension.gaps.map((gap) => (
                  <div key={`${gap.key}-${gap.text}`} data-testid="gap">
                    <Text size="sm">{gap.text}</Text>
                    <Group gap={6} wrap="nowrap" align="flex-start" mt={4}>
                      <ThemeIcon size="sm" variant="light" color="cyan" radius="xl">
                        <IconMessageQuestion size={12} />
                      </ThemeIcon>
                      <Text size="sm" c="cyan.9" fs="italic" data-testid="next-question">
                        {gap.question}
                      </Text>
                    </Group>
                  </div>
                ))}
                {dimension.evidence.length > 0 && (
                  <List size="xs" c="dimmed" spacing={2}>
                    {dimension.evidence.map((e) => (
                      <List.Item key={e}>{e}</List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Paper>
  );
}
