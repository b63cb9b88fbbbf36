import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { date, percent } from "../../lib/format.ts";
import { conversationsQuery } from "./api.ts";

/** A decision's latest conversations for a reviewer: how they went and what they taught. */
export function RecentConversations({ decisionId, limit = 3 }: { decisionId: string; limit?: number }) {
  const { data } = useQuery(conversationsQuery(decisionId));
  const recent = (data ?? []).slice(0, limit);
  return (
    <Paper withBorder p="lg" data-testid="recent-conversations">
      <Title order={5} mb={4}>
        Recent conversations
      </Title>
      {recent.length === 0 ? (
        <Text size="sm" c="dimmed">
          None recorded: ask what the seller has heard from the customer in their own words.
        </Text>
      ) : (
        <Stack gap="sm">
          {recent.map((c) => (
            <div key={c.id}>
              <Group justify="space-between" wrap="nowrap">
                <Anchor
                  size="sm"
                  fw={500}
                  renderRoot={(props) => (
                    <Link
                      {...props}
                      to="/decisions/$id"
                      params={{ id: decisionId }}
                      search={{ tab: "conversations", conversation: c.id }}
                    />
                  )}
                >
                  {c.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {date(c.happenedOn)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {c.turnCount
                  ? `Seller talked ${percent(c.sellerWordShare)} · asked ${c.sellerQuestions ?? 0} questions · `
                  : "Notes · "}
                {c.accepted} taught the decision
                {c.proposed ? ` · ${c.proposed} waiting for the seller` : ""}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
