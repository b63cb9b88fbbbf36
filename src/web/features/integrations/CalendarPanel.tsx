import { Button, Group, Modal, Paper, Table, Text } from "@mantine/core";
import { IconCalendar } from "@tabler/icons-react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { notifyError } from "../../lib/errors.ts";
import { dateTime } from "../../lib/format.ts";
import { feedsQuery, useCreateFeed, useRevokeFeed } from "./api.ts";
import { FeedAddress } from "./FeedAddress.tsx";

/** The member's calendar feeds: their own steps across decisions, and any decision plan they subscribed to. */
export function CalendarPanel() {
  const { data: feeds } = useSuspenseQuery(feedsQuery);
  const [url, setUrl] = useState<string | null>(null);
  const create = useCreateFeed({
    onSuccess: (feed) => setUrl(feed.url),
    onError: (error) => notifyError(error, "Could not make the feed"),
  });
  const revoke = useRevokeFeed({ onError: (error) => notifyError(error, "Could not revoke the feed") });
  return (
    <Paper withBorder p="lg" data-testid="calendar-panel">
      <Group justify="space-between" mb="md">
        <div>
          <Text fw={600}>Calendar</Text>
          <Text size="sm" c="dimmed">
            The customer's steps in your decisions and the steps you own, in the calendar you already use.
          </Text>
        </div>
        <Button
          leftSection={<IconCalendar size={16} />}
          onClick={() => create.mutate(null)}
          loading={create.isPending}
        >
          Subscribe to my steps
        </Button>
      </Group>
      {feeds.length === 0 ? (
        <Text size="sm" c="dimmed">
          No calendar feeds.
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Feed</Table.Th>
              <Table.Th>Made</Table.Th>
              <Table.Th>Last fetched</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {feeds.map((feed) => (
              <Table.Tr key={feed.id}>
                <Table.Td>
                  {feed.decisionTitle ? `Plan: ${feed.decisionTitle}` : "My customer steps"}
                </Table.Td>
                <Table.Td>{dateTime(feed.createdAt)}</Table.Td>
                <Table.Td>{feed.lastReadAt ? dateTime(feed.lastReadAt) : "never"}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => revoke.mutate(feed.id)}
                  >
                    Revoke
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={url !== null} onClose={() => setUrl(null)} title="Your calendar feed" size="lg">
        {url && <FeedAddress url={url} onDone={() => setUrl(null)} />}
      </Modal>
    </Paper>
  );
}
