import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { DELIVERY_COLOR } from "./AfterTheSalePanel.tsx";
import { accountSuccessQuery } from "./api.ts";

/** At an account: whether each decision they made with us delivered what they sought, in their words. */
export function AccountResults({ accountId }: { accountId: string }) {
  const { data } = useQuery(accountSuccessQuery(accountId));
  if (!data?.items.length) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-label="After the sale">
      <Stack gap="sm">
        <Title order={4}>After the sale: did it deliver?</Title>
        {data.items.map((d) => (
          <Stack key={d.decisionId} gap={2}>
            <Group gap="xs">
              <Anchor
                fw={600}
                renderRoot={(props) => <Link {...props} to="/decisions/$id" params={{ id: d.decisionId }} />}
              >
                {d.title}
              </Anchor>
              <Badge color={DELIVERY_COLOR[d.delivery]}>{d.deliveryWords}</Badge>
              {d.wonOn && (
                <Text size="xs" c="dimmed">
                  won {d.wonOn}
                </Text>
              )}
            </Group>
            <Text size="sm">{d.why}</Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
