import { Avatar, Badge, Button, Group, Menu, Modal, Paper, Select, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconDots, IconUserPlus } from "@tabler/icons-react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Role } from "../../../contract/common.ts";
import type { Member, MemberLink } from "../../../contract/members.ts";
import { notifyError } from "../../lib/errors.ts";
import { meQuery } from "../auth/api.ts";
import { initials } from "../setup/DemoPanel.tsx";
import { AddMemberModal } from "./AddMemberModal.tsx";
import { membersQuery, teamsQuery, useChangeMember, useNewMemberLink } from "./api.ts";
import { MemberLinkNotice } from "./MemberLinkNotice.tsx";

function StatusBadge({ member }: { member: Member }) {
  if (!member.active)
    return (
      <Badge color="gray" variant="light">
        deactivated
      </Badge>
    );
  return member.invited ? (
    <Badge color="yellow" variant="light" title="Has not opened their invitation yet">
      invited
    </Badge>
  ) : (
    <Badge color="teal" variant="light">
      active
    </Badge>
  );
}

export function MembersPanel() {
  const { data: me } = useSuspenseQuery(meQuery);
  const { data: members } = useSuspenseQuery(membersQuery);
  const { data: teams } = useSuspenseQuery(teamsQuery);
  const [adding, { open, close }] = useDisclosure(false);
  const isAdmin = me?.member.role === "admin";
  const change = useChangeMember({
    onSuccess: (member) => {
      notifications.show({ color: "teal", message: `${member.name} was updated.` });
    },
    onError: (error) => notifyError(error, "Could not update the member"),
  });
  const [issued, setIssued] = useState<{ link: MemberLink; name: string } | null>(null);
  const newLink = useNewMemberLink({
    onSuccess: (link, member) => setIssued({ link, name: member.name }),
    onError: (error) => notifyError(error, "Could not create the link"),
  });
  const teamName = (id: string | null) => teams.find((team) => team.id === id)?.name ?? "—";

  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="md">
        <div>
          <Text fw={600}>Members</Text>
          <Text size="sm" c="dimmed">
            {members.length} {members.length === 1 ? "person" : "people"} in this workspace
          </Text>
        </div>
        {isAdmin && (
          <Button leftSection={<IconUserPlus size={16} />} onClick={open}>
            Invite member
          </Button>
        )}
      </Group>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Team</Table.Th>
            <Table.Th>Status</Table.Th>
            {isAdmin && <Table.Th w={40} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.id} data-testid={`member-row-${member.email}`}>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <Avatar size="sm" radius="xl" color="cyan">
                    {initials(member.name)}
                  </Avatar>
                  <div>
                    <Text size="sm" fw={500}>
                      {member.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {member.email}
                    </Text>
                  </div>
                </Group>
              </Table.Td>
              <Table.Td>
                {isAdmin && member.id !== me?.member.id ? (
                  <Select
                    size="xs"
                    w={120}
                    aria-label={`Role of ${member.name}`}
                    data={["seller", "manager", "admin"]}
                    value={member.role}
                    allowDeselect={false}
                    onChange={(role) => role && change.mutate({ member, body: { role: role as Role } })}
                  />
                ) : (
                  <Text size="sm">{member.role}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{teamName(member.teamId)}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge member={member} />
              </Table.Td>
              {isAdmin && (
                <Table.Td>
                  {member.id !== me?.member.id && (
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <Button variant="subtle" size="compact-sm" aria-label={`Actions for ${member.name}`}>
                          <IconDots size={16} />
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {member.active && (
                          <Menu.Item onClick={() => newLink.mutate(member)}>
                            {member.invited ? "New invitation link" : "Password reset link"}
                          </Menu.Item>
                        )}
                        <Menu.Item
                          color={member.active ? "red" : undefined}
                          onClick={() => change.mutate({ member, body: { active: !member.active } })}
                        >
                          {member.active ? "Deactivate (signs them out now)" : "Reactivate"}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <AddMemberModal opened={adding} onClose={close} />
      <Modal opened={issued !== null} onClose={() => setIssued(null)} title="Link for a member" size="md">
        {issued && <MemberLinkNotice link={issued.link} name={issued.name} onDone={() => setIssued(null)} />}
      </Modal>
    </Paper>
  );
}
