import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { queueQuery } from "../reviews/api.ts";

/** A manager's first stop: the team's decisions most at risk of no decision, and the way to the whole queue. */
export function QueuePanel() {
  const { data } = useQuery(queueQuery);
  const top = (data?.items ?? []).slice(0, 3);
  return (
    <Card withBorder padding="lg" data-testid="home-queue">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Decisions to review first</Title>
        <Anchor component={Link} to="/reviews" size="sm">
          Open the review queue
        </Anchor>
      </Group>
      {top.length === 0 ? (
        <Text size="sm" c="dimmed">
          No open decisions in your team yet.
        </Text>
      ) : (
        <Stack gap="xs">
          {top.map((item) => (
            <div key={item.decision.id}>
              <Group gap="xs" wrap="nowrap">
                <Badge size="xs" color={item.score >= 60 ? "red" : item.score >= 30 ? "orange" : "gray"}>
                  risk {item.score}
                </Badge>
                <Anchor component={Link} to={`/decisions/${item.decision.id}`} size="sm" fw={600}>
                  {item.decision.title}
                </Anchor>
              </Group>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {item.reasons[0]}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
