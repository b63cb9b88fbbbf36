import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { DecisionDetail } from "../../../contract/decisions.ts";
import { DAY_MS } from "../../../domain/time.ts";
import { notifyError } from "../../lib/errors.ts";
import { date, dateTime } from "../../lib/format.ts";
import { linksQuery, useCreateShareLink, useRevokeShareLink } from "./api.ts";

/** Share the buyer room: one secret link per person, shown once, revocable at once. */
export function SharePanel({ decision }: { decision: DecisionDetail }) {
  const { data } = useQuery(linksQuery(decision.id));
  const [opened, { open, close }] = useDisclosure(false);
  const [created, setCreated] = useState<{ url: string; label: string } | null>(null);
  const in30 = new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10);
  const form = useForm({
    initialValues: { label: "", expires: in30 },
    validate: { label: (v) => (v.trim() ? null : "Who is it for?") },
  });
  const create = useCreateShareLink(decision.id, {
    onSuccess: (link) => {
      setCreated(link);
      form.reset();
    },
    onError: (e) => notifyError(e, "Could not create the link"),
  });
  const revoke = useRevokeShareLink(decision.id);
  const done = () => {
    setCreated(null);
    close();
  };
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
              <Table.Th>Last opened</Table.Th>
              <Table.Th>Opens</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.items ?? []).map((link) => (
              <Table.Tr key={link.id}>
                <Table.Td>{link.label}</Table.Td>
                <Table.Td>{link.lastOpenedAt ? dateTime(link.lastOpenedAt) : "never"}</Table.Td>
                <Table.Td>{link.openCount}</Table.Td>
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
      <Modal opened={opened} onClose={done} title="Share the buyer room" size="lg">
        {created ? (
          <Stack>
            <Alert color="teal" variant="light" title={`Link for ${created.label}`}>
              Copy it now: for the customer's safety it is shown only once. Anyone with the link can open the
              room until it expires or you revoke it.
            </Alert>
            <Code block data-testid="share-url">
              {created.url}
            </Code>
            <Group justify="flex-end">
              <CopyButton value={created.url}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? "Copied" : "Copy link"}
                  </Button>
                )}
              </CopyButton>
              <Button onClick={done}>Done</Button>
            </Group>
          </Stack>
        ) : (
          <form
            onSubmit={form.onSubmit((v) =>
              create.mutate({ label: v.label, expiresAt: new Date(`${v.expires}T23:59:59Z`).toISOString() }),
            )}
          >
            <Stack>
              <TextInput
                label="Who is it for?"
                placeholder="Dana Lee, CFO"
                {...form.getInputProps("label")}
              />
              <TextInput type="date" label="Valid until" w={200} {...form.getInputProps("expires")} />
              <Group justify="flex-end">
                <Button type="submit" loading={create.isPending}>
                  Create link
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Paper>
  );
}
