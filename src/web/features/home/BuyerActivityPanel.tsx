import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { dateTime } from "../../lib/format.ts";
import { activityQuery } from "../plan/api.ts";

/** What buyers did in their rooms on the member's decisions: ticks, comments, concerns, corrections, check-ins. */
export function BuyerActivityPanel() {
  const { data } = useQuery(activityQuery());
  const items = data?.items ?? [];
  return (
    <Card withBorder padding="lg" data-testid="home-buyer-activity">
      <Title order={4}>From your buyers</Title>
      <Text size="sm" c="dimmed" mb="sm">
        What customers did in the buyer rooms you shared.
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing yet. Share a decision's buyer room from its "Plan and buyer room" tab.
        </Text>
      ) : (
        <Stack gap={6}>
          {items.slice(0, 8).map((a) => (
            <div key={a.id}>
              <Text size="sm">{a.summary}</Text>
              <Text size="xs" c="dimmed">
                <Anchor component={Link} to={`/decisions/${a.decisionId}`} size="xs">
                  {a.decisionTitle}
                </Anchor>{" "}
                · {dateTime(a.at)}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
