import { Stack } from "@mantine/core";
import { IconChartBar } from "@tabler/icons-react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ConversationTrends } from "../conversations/ConversationTrends.tsx";

export function InsightsPage() {
  return (
    <Stack maw={1200}>
      <PageHeader
        title="Insights"
        description="How well we help customers decide, measured from the customer's evidence."
      />
      <ConversationTrends />
      <EmptyState
        icon={<IconChartBar size={26} />}
        title="Decision metrics appear once decisions are recorded"
      >
        Instead of counting dials and emails, Insights shows how many customers agree on their problem, have
        quantified the cost of waiting and have confirmed their confidence — and a forecast that rests on that
        evidence. Record your first decisions to see them here.
      </EmptyState>
    </Stack>
  );
}
