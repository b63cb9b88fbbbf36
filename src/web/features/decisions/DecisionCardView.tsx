import { Badge, Card, Group, Stack, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { DecisionCard } from "../../../contract/decisions.ts";
import { LabelledProgress } from "../../components/LabelledProgress.tsx";
import { DIMENSION_LABELS, date, label, money, readinessColor } from "../../lib/format.ts";

const OUTCOME_COLOR = { won: "teal", lost: "red", no_decision: "gray" } as const;

/** A decision on the board: the customer's problem first, then what waiting costs and what is weakest. */
export function DecisionCardView({ decision }: { decision: DecisionCard }) {
  return (
    <Card
      withBorder
      padding="sm"
      component={Link}
      to={`/decisions/${decision.id}`}
      data-testid="decision-card"
      style={{ textDecoration: "none" }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" lineClamp={1}>
            {decision.accountName}
          </Text>
          {decision.outcome !== "open" && (
            <Badge
              size="xs"
              color={OUTCOME_COLOR[decision.outcome]}
              variant="filled"
              style={{ flexShrink: 0 }}
              data-testid="card-outcome"
            >
              {label(decision.outcome)}
            </Badge>
          )}
        </Group>
        <Text fw={600} size="sm" lh={1.3} lineClamp={2}>
          {decision.title}
        </Text>
        <Text size="xs" c={decision.problemHeadline ? "dark.4" : "red.7"} lineClamp={2}>
          {decision.problemHeadline ?? "Problem not written down yet"}
        </Text>
        <Group gap={6} wrap="nowrap">
          <LabelledProgress
            label="Readiness"
            value={decision.readiness}
            color={readinessColor(decision.readiness)}
            size="sm"
            style={{ flex: 1 }}
          />
          <Text size="xs" fw={600} w={28} ta="right">
            {decision.readiness}
          </Text>
        </Group>
        <Group justify="space-between" gap={4}>
          <Text size="xs" c="dimmed">
            {decision.costOfWaitingMonthly > 0
              ? `Waiting costs ${money(decision.costOfWaitingMonthly, decision.currency, true)}/mo`
              : "Cost of waiting unknown"}
          </Text>
          <Text size="xs" c="dimmed">
            {decision.targetDate ? `by ${date(decision.targetDate)}` : "no target date"}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" lineClamp={1} data-testid="card-owner">
          {decision.ownerName}
          {decision.valueAmount !== null ? ` · ${money(decision.valueAmount, decision.currency, true)}` : ""}
        </Text>
        {decision.weakestDimension && decision.outcome === "open" && (
          <Badge size="xs" variant="light" color="orange" style={{ alignSelf: "flex-start" }}>
            weakest: {DIMENSION_LABELS[decision.weakestDimension]}
          </Badge>
        )}
      </Stack>
    </Card>
  );
}
