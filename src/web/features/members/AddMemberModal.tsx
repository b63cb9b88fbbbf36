import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LIMITS } from "../../../contract/common.ts";
import type { CreateMemberBody, Member, MemberLink } from "../../../contract/members.ts";
import { showErrorsOn } from "../../lib/errors.ts";
import { teamsQuery, useAddMember } from "./api.ts";
import { MemberLinkNotice } from "./MemberLinkNotice.tsx";

export function AddMemberModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const teams = useQuery(teamsQuery);
  const [created, setCreated] = useState<{ member: Member; invitation: MemberLink } | null>(null);
  const form = useForm<CreateMemberBody & { teamId: string | null }>({
    initialValues: { name: "", email: "", role: "seller", teamId: null },
    validate: {
      name: (v) => (v.trim() ? null : "Enter their name"),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v) ? null : "Enter an email address"),
    },
  });
  const create = useAddMember({
    onSuccess: ({ member, invitation }) => invitation && setCreated({ member, invitation }),
    onError: (error) => showErrorsOn(form, error, "Could not invite the member"),
  });
  const close = () => {
    setCreated(null);
    form.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Invite a member" size="md">
      {created ? (
        <MemberLinkNotice link={created.invitation} name={created.member.name} onDone={close} />
      ) : (
        <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
          <Stack>
            <TextInput label="Name" {...form.getInputProps("name")} />
            <TextInput label="Email" maxLength={LIMITS.email} {...form.getInputProps("email")} />
            <Select
              label="Role"
              data={[
                { value: "seller", label: "Seller — helps customers decide" },
                { value: "manager", label: "Manager — reviews and coaches a team" },
                { value: "admin", label: "Admin — manages the workspace" },
              ]}
              allowDeselect={false}
              {...form.getInputProps("role")}
            />
            <Select
              label="Team"
              placeholder="No team"
              clearable
              data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
              {...form.getInputProps("teamId")}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Invite
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
