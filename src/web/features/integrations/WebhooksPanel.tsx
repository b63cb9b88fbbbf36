import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconWebhook } from "@tabler/icons-react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Webhook, WebhookDelivery } from "../../../contract/webhooks.ts";
import { OneTimeLink } from "../../components/OneTimeLink.tsx";
import { notifyError } from "../../lib/errors.ts";
import { dateTime } from "../../lib/format.ts";
import {
  deliveriesQuery,
  useChangeWebhook,
  useDeleteWebhook,
  useRedeliver,
  useRegisterWebhook,
  useRestoreWebhook,
  webhooksQuery,
} from "./api.ts";

const STATUS_COLOR: Record<WebhookDelivery["status"], string> = {
  pending: "gray",
  retrying: "yellow",
  delivered: "teal",
  failed: "red",
};

function DeliveryLog({ hook }: { hook: Webhook }) {
  const { data: items } = useQuery(deliveriesQuery(hook.id));
  const redeliver = useRedeliver(hook.id, {
    onError: (error) => notifyError(error, "Could not send it again"),
  });
  if (!items) return null;
  if (!items.length)
    return (
      <Text size="sm" c="dimmed">
        Nothing sent yet: deliveries appear here as the events happen.
      </Text>
    );
  return (
    <Table data-testid="delivery-log">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Event</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Answer</Table.Th>
          <Table.Th>Attempts</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>{dateTime(d.createdAt)}</Table.Td>
            <Table.Td>
              <Code>{d.type}</Code>
              {d.redelivery && (
                <Text span size="xs" c="dimmed">
                  {" "}
                  (sent again)
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLOR[d.status]} variant="light">
                {d.status}
              </Badge>
            </Table.Td>
            <Table.Td>
              {d.responseCode ?? "—"}
              {d.error && (
                <Text size="xs" c="dimmed">
                  {d.error}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{d.attempts}</Table.Td>
            <Table.Td>
              <Button size="compact-xs" variant="subtle" onClick={() => redeliver.mutate(d.id)}>
                Send again
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Endpoint({ hook }: { hook: Webhook }) {
  const [open, { toggle }] = useDisclosure(false);
  const change = useChangeWebhook({ onError: (error) => notifyError(error, "Could not change the webhook") });
  const restore = useRestoreWebhook({ onError: (error) => notifyError(error, "Could not restore it") });
  const remove = useDeleteWebhook({
    onSuccess: (removed) =>
      notifications.show({
        message: (
          <Group gap="xs">
            <Text size="sm">Webhook deleted.</Text>
            <Button size="compact-xs" variant="subtle" onClick={() => restore.mutate(removed)}>
              Undo
            </Button>
          </Group>
        ),
      }),
    onError: (error) => notifyError(error, "Could not delete it"),
  });
  return (
    <Paper withBorder p="md" data-testid="webhook">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={600} style={{ wordBreak: "break-all" }}>
            {hook.url}
          </Text>
          {hook.description && (
            <Text size="sm" c="dimmed">
              {hook.description}
            </Text>
          )}
          <Group gap={4} mt={4}>
            {hook.events.map((e) => (
              <Badge key={e} variant="outline" size="sm" tt="none">
                {e}
              </Badge>
            ))}
          </Group>
        </div>
        <Group gap="xs">
          <Badge color={hook.enabled ? "teal" : "red"} variant="light">
            {hook.enabled ? "on" : "off"}
          </Badge>
          <Button size="xs" variant="light" onClick={toggle}>
            {open ? "Hide deliveries" : "Deliveries"}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            onClick={() => change.mutate({ id: hook.id, version: hook.version, enabled: !hook.enabled })}
          >
            {hook.enabled ? "Turn off" : "Turn on"}
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(hook)}>
            Delete
          </Button>
        </Group>
      </Group>
      {hook.disabledReason && (
        <Alert color="red" variant="light" mt="sm" title="Turned off">
          {hook.disabledReason} Fix the receiver, then turn it on again.
        </Alert>
      )}
      {hook.enabled && hook.failures > 0 && (
        <Text size="sm" c="orange" mt="xs">
          The last {hook.failures} attempts failed; Confidant keeps retrying for about a day.
        </Text>
      )}
      {open && (
        <Stack mt="sm">
          <DeliveryLog hook={hook} />
        </Stack>
      )}
    </Paper>
  );
}

/** The workspace's webhooks (admins): endpoints, what each listens to, and every delivery with its answer. */
export function WebhooksPanel() {
  const { data } = useSuspenseQuery(webhooksQuery);
  const [adding, { open, close }] = useDisclosure(false);
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm({
    initialValues: { url: "", events: [] as string[], description: "" },
    validate: {
      url: (v) => (/^https?:\/\/\S+$/.test(v.trim()) ? null : "An http:// or https:// address"),
      events: (v) => (v.length ? null : "Choose at least one event"),
    },
  });
  const register = useRegisterWebhook({
    onSuccess: (created) => {
      setSecret(created.secret);
      form.reset();
    },
    onError: (error) => notifyError(error, "Could not add the webhook"),
  });
  const done = () => {
    setSecret(null);
    close();
  };
  return (
    <Paper withBorder p="lg" data-testid="webhooks-panel">
      <Group justify="space-between" mb="md">
        <div>
          <Text fw={600}>Webhooks</Text>
          <Text size="sm" c="dimmed">
            Confidant POSTs each event, signed, to your endpoint; failed deliveries are retried for about a
            day. Check the <Code>Confidant-Signature</Code> header: <Code>t=…,v1=…</Code>, the HMAC-SHA256 of{" "}
            <Code>{"<t>.<body>"}</Code> with your endpoint's secret; refuse times over five minutes old.
          </Text>
        </div>
        <Button leftSection={<IconWebhook size={16} />} onClick={open}>
          Add endpoint
        </Button>
      </Group>
      <Stack>
        {data.items.length === 0 && (
          <Text size="sm" c="dimmed">
            No webhooks yet.
          </Text>
        )}
        {data.items.map((hook) => (
          <Endpoint key={hook.id} hook={hook} />
        ))}
      </Stack>
      <Modal
        opened={adding}
        onClose={done}
        title={secret ? "Your signing secret" : "Add a webhook endpoint"}
        size="lg"
      >
        {secret ? (
          <Stack>
            <Alert color="teal" variant="light" title="The endpoint is listening">
              Copy its signing secret now: it is shown only this once. Your receiver checks each request with
              it.
            </Alert>
            <OneTimeLink url={secret} testId="webhook-secret" copyLabel="Copy secret">
              <Button onClick={done}>Done</Button>
            </OneTimeLink>
          </Stack>
        ) : (
          <form
            onSubmit={form.onSubmit((v) =>
              register.mutate({
                url: v.url.trim(),
                events: v.events,
                ...(v.description.trim() ? { description: v.description.trim() } : {}),
              }),
            )}
          >
            <Stack>
              <TextInput
                label="Endpoint URL"
                placeholder="https://example.com/confidant"
                {...form.getInputProps("url")}
              />
              <MultiSelect
                label="Events"
                data={data.events.map((e) => ({ value: e.type, label: `${e.type} — ${e.description}` }))}
                searchable
                {...form.getInputProps("events")}
              />
              <TextInput label="Description (optional)" {...form.getInputProps("description")} />
              <Group justify="flex-end">
                <Button type="submit" loading={register.isPending}>
                  Add endpoint
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Paper>
  );
}
