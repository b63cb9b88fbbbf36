import { Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { notifyError, showErrorsOn } from "../../lib/errors.ts";
import { meQuery } from "../auth/api.ts";
import { membersQuery, teamsQuery, useCreateTeam, useRemoveTeam, useRestoreTeam } from "./api.ts";

export function TeamsPanel() {
  const { data: me } = useSuspenseQuery(meQuery);
  const { data: teams } = useSuspenseQuery(teamsQuery);
  const { data: members } = useSuspenseQuery(membersQuery);
  const [creating, { open, close }] = useDisclosure(false);
  const isAdmin = me?.member.role === "admin";
  const nameOf = (id: string | null) => members.find((member) => member.id === id)?.name ?? "—";

  const form = useForm({
    initialValues: { name: "", managerId: null as string | null },
    validate: { name: (v) => (v.trim() ? null : "Name the team") },
  });
  const create = useCreateTeam({
    onSuccess: () => {
      form.reset();
      close();
    },
    onError: (error) => showErrorsOn(form, error, "Could not create the team"),
  });
  const restore = useRestoreTeam({
    onSuccess: (team) => notifications.show({ color: "teal", message: `${team.name} is back.` }),
    onError: (error) => notifyError(error, "Could not restore the team"),
  });
  const remove = useRemoveTeam({
    onSuccess: (team) =>
      notifications.show({
        message: (
          <Group justify="space-between">
            <Text size="sm">{team.name} was deleted.</Text>
            <Button size="compact-xs" variant="light" onClick={() => restore.mutate(team)}>
              Undo
            </Button>
          </Group>
        ),
        autoClose: 8000,
      }),
    onError: (error) => notifyError(error, "Could not delete the team"),
  });

  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="md">
        <div>
          <Text fw={600}>Teams</Text>
          <Text size="sm" c="dimmed">
            A manager and the sellers they coach. Managers see their team's decisions.
          </Text>
        </div>
        {isAdmin && (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={open}>
            New team
          </Button>
        )}
      </Group>
      {teams.length === 0 ? (
        <Text size="sm" c="dimmed">
          No teams yet. {isAdmin ? "Create one and pick its manager; then add sellers to it." : ""}
        </Text>
      ) : (
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Team</Table.Th>
              <Table.Th>Manager</Table.Th>
              <Table.Th>Sellers</Table.Th>
              {isAdmin && <Table.Th w={100} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.map((team) => (
              <Table.Tr key={team.id}>
                <Table.Td fw={500}>{team.name}</Table.Td>
                <Table.Td>{nameOf(team.managerId)}</Table.Td>
                <Table.Td>{team.memberIds.map(nameOf).join(", ") || "—"}</Table.Td>
                {isAdmin && (
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => remove.mutate(team)}
                    >
                      Delete
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={creating} onClose={close} title="New team">
        <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
          <Stack>
            <TextInput label="Name" placeholder="Enterprise East" {...form.getInputProps("name")} />
            <Select
              label="Manager"
              placeholder="Pick a manager"
              clearable
              data={members
                .filter((member) => member.role !== "seller" && member.active)
                .map((member) => ({ value: member.id, label: member.name }))}
              {...form.getInputProps("managerId")}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                Create team
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
