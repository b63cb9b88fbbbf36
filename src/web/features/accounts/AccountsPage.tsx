import { Button, Group, Modal, Paper, Stack, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { IconBuilding, IconPlus, IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { showErrorsOn } from "../../lib/errors.ts";
import { accountsQuery, useCreateAccount } from "./api.ts";

export function AccountsPage() {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const { data } = useQuery(accountsQuery(q));
  const [creating, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { name: "", industry: "" },
    validate: { name: (v) => (v.trim() ? null : "Name the customer") },
  });
  const create = useCreateAccount({
    onSuccess: async (account) => {
      close();
      await navigate({ to: "/accounts/$id", params: { id: account.id } });
    },
    onError: (error) => showErrorsOn(form, error, "Could not create the account"),
  });
  return (
    <Stack maw={1100}>
      <PageHeader
        title="Accounts"
        description="Your customers: their goals, their challenges, and how they do things today — and why."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            New account
          </Button>
        }
      />
      {data && data.items.length === 0 && !q ? (
        <EmptyState
          icon={<IconBuilding size={26} />}
          title="No accounts yet"
          action={<Button onClick={open}>Add your first account</Button>}
        >
          An account is a customer organization. Its profile holds what they aim for, what stands in the way,
          and why they do things the way they do — the ground every decision stands on.
        </EmptyState>
      ) : (
        <Paper withBorder p="md">
          <TextInput
            placeholder="Search accounts"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={280}
            mb="sm"
          />
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>Industry</Table.Th>
                <Table.Th>Stakeholders</Table.Th>
                <Table.Th>Decisions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data?.items ?? []).map((account) => (
                <Table.Tr key={account.id}>
                  <Table.Td>
                    <Text component={Link} to={`/accounts/${account.id}`} fw={600} size="sm" c="cyan.9">
                      {account.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{account.industry ?? "—"}</Table.Td>
                  <Table.Td>{account.stakeholderCount}</Table.Td>
                  <Table.Td>{account.decisionCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Modal opened={creating} onClose={close} title="New account">
        <form onSubmit={form.onSubmit((v) => create.mutate(v))}>
          <Stack>
            <TextInput label="Name" {...form.getInputProps("name")} />
            <TextInput label="Industry" {...form.getInputProps("industry")} />
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                Create account
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
