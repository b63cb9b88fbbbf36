import { Badge, Button, Group, List, Paper, Stack, Text } from "@mantine/core";
import { IconMessageCircleQuestion } from "@tabler/icons-react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { EmptyState } from "../../components/EmptyState.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { notifyError } from "../../lib/errors.ts";
import { date, MILESTONE_LABELS, money, readinessColor } from "../../lib/format.ts";
import { meQuery } from "../auth/api.ts";
import { queueQuery, useStartReview } from "./api.ts";

/** The review queue: decisions ordered by risk of no decision, each with the reasons in words. */
export function ReviewsPage() {
  const { data: me } = useSuspenseQuery(meQuery);
  const { data } = useQuery(queueQuery);
  const navigate = useNavigate();
  const start = useStartReview({
    onSuccess: (review) => navigate({ to: `/reviews/${review.id}` }),
    onError: (error) => notifyError(error, "Could not start the review"),
  });
  const items = data?.items ?? [];
  return (
    <Stack maw={1100}>
      <PageHeader
        title="Reviews"
        description={
          me?.member.role === "seller"
            ? "Your decisions, riskiest first. Review one yourself before you next talk to the customer."
            : "Your team's decisions, ordered by risk of no decision. Review the customer's decision, not the deal's progress."
        }
      />
      {data && items.length === 0 ? (
        <EmptyState icon={<IconMessageCircleQuestion size={26} />} title="Nothing to review">
          Open decisions you can see appear here, riskiest first: low or falling readiness, a target date
          close by, serious concerns without a response, answers about us rather than the customer, and
          decisions where nothing new has been learned for weeks.
        </EmptyState>
      ) : (
        items.map((item, index) => (
          <Paper key={item.decision.id} withBorder p="md" data-testid="queue-item">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4} style={{ flex: 1 }}>
                <Group gap="xs">
                  <Text c="dimmed" size="sm" fw={600}>
                    #{index + 1}
                  </Text>
                  <Text component={Link} to={`/decisions/${item.decision.id}`} fw={600} c="dark">
                    {item.decision.title}
                  </Text>
                  <Badge variant="light" size="sm">
                    {MILESTONE_LABELS[item.decision.milestone]}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {item.decision.accountName} · {item.decision.ownerName} · readiness{" "}
                  <Text span fw={600} c={readinessColor(item.decision.readiness)}>
                    {item.decision.readiness}
                  </Text>{" "}
                  · {money(item.decision.valueAmount, item.decision.currency, true)}
                  {item.decision.targetDate ? ` · decide by ${date(item.decision.targetDate)}` : ""}
                  {item.lastReviewedAt ? ` · last reviewed ${date(item.lastReviewedAt)}` : ""}
                </Text>
                <List size="sm" spacing={2} mt={4}>
                  {item.reasons.map((reason) => (
                    <List.Item key={reason}>{reason}</List.Item>
                  ))}
                </List>
              </Stack>
              <Stack gap={6} align="flex-end">
                <Badge
                  color={item.score >= 60 ? "red" : item.score >= 30 ? "orange" : "gray"}
                  variant="filled"
                >
                  risk {item.score}
                </Badge>
                {item.openReviewId ? (
                  <Button size="xs" variant="light" component={Link} to={`/reviews/${item.openReviewId}`}>
                    Continue review
                  </Button>
                ) : (
                  <Button
                    size="xs"
                    onClick={() => start.mutate(item.decision.id)}
                    loading={start.isPending && start.variables === item.decision.id}
                  >
                    Start review
                  </Button>
                )}
              </Stack>
            </Group>
          </Paper>
        ))
      )}
    </Stack>
  );
}
