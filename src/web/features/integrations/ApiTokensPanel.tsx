import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { IconKey } from "@tabler/icons-react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import type { ApiToken, createdToken } from "../../../contract/tokens.ts";
import { OneTimeLink } from "../../components/OneTimeLink.tsx";
import { notifyError } from "../../lib/errors.ts";
import { dateTime } from "../../lib/format.ts";
import { tokensQuery, useCreateToken, useRevokeToken } from "./api.ts";

const EXPIRY = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
];

function TokenState({ token }: { token: ApiToken }) {
  if (token.revokedAt)
    return (
      <Badge color="gray" variant="light">
        revoked
      </Badge>
    );
  if (token.expiresAt && new Date(token.expiresAt) < new Date())
    return (
      <Badge color="gray" variant="light">
        expired
      </Badge>
    );
  return (
    <Badge color="teal" variant="light">
      active
    </Badge>
  );
}

/** A member's own API tokens: made here (the secret shown once), listed with when each was last used, revoked. */
export function ApiTokensPanel() {
  const { data: tokens } = useSuspenseQuery(tokensQuery);
  const [making, { open, close }] = useDisclosure(false);
  const [made, setMade] = useState<z.infer<typeof createdToken> | null>(null);
  const form = useForm({
    initialValues: { name: "", scope: "read", expiry: "90" },
    validate: { name: (v) => (v.trim() ? null : "Name it for what will use it") },
  });
  const create = useCreateToken({
    onSuccess: (token) => {
      setMade(token);
      form.reset();
    },
    onError: (error) => notifyError(error, "Could not make the token"),
  });
  const revoke = useRevokeToken({ onError: (error) => notifyError(error, "Could not revoke the token") });
  const done = () => {
    setMade(null);
    close();
  };
  return (
    <Paper withBorder p="lg" data-testid="tokens-panel">
      <Group justify="space-between" mb="md">
        <div>
          <Text fw={600}>Your API tokens</Text>
          <Text size="sm" c="dimmed">
            A token acts as you, with your role: scripts and other systems read (or change) what you can.
          </Text>
        </div>
        <Button leftSection={<IconKey size={16} />} onClick={open}>
          New token
        </Button>
      </Group>
      {tokens.length === 0 ? (
        <Text size="sm" c="dimmed">
          No tokens yet.
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Starts with</Table.Th>
              <Table.Th>Scope</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>
                  <Code>{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>{token.scope === "read" ? "read" : "read and write"}</Table.Td>
                <Table.Td>{token.expiresAt ? dateTime(token.expiresAt) : "never"}</Table.Td>
                <Table.Td>{token.lastUsedAt ? dateTime(token.lastUsedAt) : "never"}</Table.Td>
                <Table.Td>
                  <TokenState token={token} />
                </Table.Td>
                <Table.Td>
                  {!token.revokedAt && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={revoke.isPending && revoke.variables === token.id}
                      onClick={() => revoke.mutate(token.id)}
                    >
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={making} onClose={done} title={made ? "Your new token" : "New API token"}>
        {made ? (
          <Stack>
            <Alert color="teal" variant="light" title={`“${made.name}” is ready`}>
              Copy it now: it is shown only this once. Send it as <Code>Authorization: Bearer …</Code>.
            </Alert>
            <OneTimeLink url={made.token} testId="new-token" copyLabel="Copy token">
              <Button onClick={done}>Done</Button>
            </OneTimeLink>
          </Stack>
        ) : (
          <form
            onSubmit={form.onSubmit((v) =>
              create.mutate({
                name: v.name,
                scope: v.scope as "read" | "write",
                expiresInDays: v.expiry === "never" ? null : Number(v.expiry),
              }),
            )}
          >
            <Stack>
              <TextInput
                label="Name"
                description="What will use it, e.g. “weekly report script”"
                {...form.getInputProps("name")}
              />
              <Select
                label="Scope"
                data={[
                  { value: "read", label: "Read only" },
                  { value: "write", label: "Read and write" },
                ]}
                allowDeselect={false}
                {...form.getInputProps("scope")}
              />
              <Select
                label="Expires after"
                data={EXPIRY}
                allowDeselect={false}
                {...form.getInputProps("expiry")}
              />
              <Group justify="flex-end">
                <Button type="submit" loading={create.isPending}>
                  Make token
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Paper>
  );
}
