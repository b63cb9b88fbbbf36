import { Badge, Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import type { DecisionDetail } from "../../../contract/decisions.ts";
import { date, dateTime } from "../../lib/format.ts";
import { linksQuery, useRevokeShareLink } from "./api.ts";
import { ShareLinkModal } from "./ShareLinkModal.tsx";

/** Share the buyer room: one secret link per person, shown once, revocable at once; visits per link. */
export function SharePanel({ decision }: { decision: DecisionDetail }) {
  const { data } = useQuery(linksQuery(decision.id));
  const [opened, { open, close }] = useDisclosure(false);
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
        {decision.canEdit && <Button onClick={open}>Share with the customer</Button>}
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
    </Paper>
  );
}
