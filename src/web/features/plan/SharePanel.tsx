import { Badge, Button, Group, Modal, Paper, Table, Text, Title, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { DecisionDetail } from "../../../contract/decisions.ts";
import { notifyError } from "../../lib/errors.ts";
import { date, dateTime } from "../../lib/format.ts";
import { emailStatusQuery } from "../email/api.ts";
import { useCreateFeed } from "../integrations/api.ts";
import { FeedAddress } from "../integrations/FeedAddress.tsx";
import { linksQuery, useRevokeShareLink } from "./api.ts";
import { RoomMailModal } from "./RoomMailModal.tsx";
import { ShareLinkModal } from "./ShareLinkModal.tsx";

/** Share the buyer room: one secret link per person, shown once, revocable at once; visits per link. */
export function SharePanel({ decision }: { decision: DecisionDetail }) {
  const { data } = useQuery(linksQuery(decision.id));
  const [opened, { open, close }] = useDisclosure(false);
  const [mailing, mail] = useDisclosure(false);
  const { data: email } = useQuery(emailStatusQuery);
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const feed = useCreateFeed({
    onSuccess: (made) => setFeedUrl(made.url),
    onError: (error) => notifyError(error, "Could not make the calendar feed"),
  });
  const revoke = useRevokeShareLink(decision.id);
  return (
    <Paper withBorder p="lg" data-testid="share">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={4}>Buyer room</Title>
          <Text size="sm" c="dimmed">
            A page for the customer: the problem as we understand it, the cost of waiting, the plan, their
            concerns, and a check-in. Never our notes, value or forecast.
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="subtle" onClick={() => feed.mutate(decision.id)} loading={feed.isPending}>
            Plan in my calendar
          </Button>
          {decision.canEdit && (
            <Group gap="xs">
              <Tooltip
                label={
                  email?.enabled ? "Each person gets their own link by mail" : "Email is off on this server"
                }
              >
                <Button variant="light" disabled={!email?.ok} onClick={mail.open}>
                  Email a stakeholder
                </Button>
              </Tooltip>
              <Button onClick={open}>Share with the customer</Button>
            </Group>
          )}
        </Group>
      </Group>
      {(data?.items ?? []).length === 0 ? (
        <Text size="sm" c="dimmed">
          Not shared yet.
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Sent to</Table.Th>
              <Table.Th>Last visit</Table.Th>
              <Table.Th>Visits</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.items ?? []).map((link) => (
              <Table.Tr key={link.id}>
                <Table.Td>
                  {link.label}{" "}
                  {link.stakeholderId ? (
                    <Badge size="xs" variant="light" color="teal">
                      own link
                    </Badge>
                  ) : (
                    <Badge size="xs" variant="light" color="gray">
                      general — unverified
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{link.lastVisitAt ? dateTime(link.lastVisitAt) : "never"}</Table.Td>
                <Table.Td>{link.visits}</Table.Td>
                <Table.Td>{date(link.expiresAt)}</Table.Td>
                <Table.Td>
                  {link.active ? (
                    decision.canEdit && (
                      <Button
                        size="compact-xs"
                        color="red"
                        variant="subtle"
                        onClick={() => revoke.mutate(link.id)}
                      >
                        Revoke
                      </Button>
                    )
                  ) : (
                    <Badge color="gray">{link.revokedAt ? "revoked" : "expired"}</Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ShareLinkModal decision={decision} opened={opened} onClose={close} />
      <RoomMailModal decision={decision} opened={mailing} onClose={mail.close} />
      <Modal
        opened={feedUrl !== null}
        onClose={() => setFeedUrl(null)}
        title="This plan in your calendar"
        size="lg"
      >
        {feedUrl && <FeedAddress url={feedUrl} onDone={() => setFeedUrl(null)} />}
      </Modal>
    </Paper>
  );
}
