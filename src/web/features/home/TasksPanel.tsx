import { Anchor, Card, Checkbox, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { notifyError } from "../../lib/errors.ts";
import { date } from "../../lib/format.ts";
import { myActionsQuery, useChangeAction } from "../reviews/api.ts";

/** Actions agreed in reviews, assigned to the signed-in member: what to learn from customers next. */
export function TasksPanel() {
  const { data } = useQuery(myActionsQuery);
  const done = useChangeAction({ onError: (error) => notifyError(error, "Could not mark it done") });
  const items = data?.items ?? [];
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Card withBorder padding="lg" data-testid="tasks">
      <Title order={4}>Your tasks</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Agreed in reviews — what to learn from the customer next.
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing open. Actions agreed in reviews show up here.
        </Text>
      ) : (
        <Stack gap="xs">
          {items.map((action) => (
            <Group key={action.id} justify="space-between" wrap="nowrap" align="flex-start">
              <Checkbox
                aria-label={`Done: ${action.what}`}
                onChange={() => done.mutate({ action, body: { status: "done" } })}
                label={
                  <div>
                    <Text size="sm">{action.what}</Text>
                    <Anchor component={Link} to={`/decisions/${action.decisionId}`} size="xs">
                      {action.decisionTitle}
                    </Anchor>
                  </div>
                }
              />
              {action.dueDate && (
                <Text
                  size="xs"
                  c={action.dueDate < today ? "red" : "dimmed"}
                  style={{ whiteSpace: "nowrap" }}
                >
                  {action.dueDate < today ? "overdue · " : ""}
                  {date(action.dueDate)}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
