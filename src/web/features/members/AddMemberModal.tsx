import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { CreateMemberBody, Member } from "../../../contract/members.ts";
import { ApiError } from "../../lib/api.ts";
import { notifyError } from "../../lib/errors.ts";
import { teamsQuery, useAddMember } from "./api.ts";

export function AddMemberModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const teams = useQuery(teamsQuery);
  const [created, setCreated] = useState<{ member: Member; generatedPassword?: string } | null>(null);
  const form = useForm<CreateMemberBody & { teamId: string | null; password: string }>({
    initialValues: { name: "", email: "", role: "seller", teamId: null, password: "" },
    validate: {
      name: (v) => (v.trim() ? null : "Enter their name"),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v) ? null : "Enter an email address"),
      password: (v) =>
        !v || v.length >= 10 ? null : "At least 10 characters, or leave empty to generate one",
    },
  });
  const create = useAddMember({
    onSuccess: (result) => setCreated(result),
    onError: (error) => {
      if (error instanceof ApiError && error.body.fields.length) {
        for (const field of error.body.fields)
          form.setFieldError(field.path.replace(/^body\./, ""), field.message);
      } else notifyError(error, "Could not add the member");
    },
  });
  const close = () => {
    setCreated(null);
    form.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Add a member" size="md">
      {created ? (
        <Stack>
          <Alert color="teal" variant="light" title={`${created.member.name} was added`}>
            They sign in with {created.member.email}.
          </Alert>
          {created.generatedPassword && (
            <Stack gap={6}>
              <Text size="sm">Their password is shown only now. Pass it on securely:</Text>
              <Group>
                <Code fz="md" data-testid="generated-password">
                  {created.generatedPassword}
                </Code>
                <CopyButton value={created.generatedPassword}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy}>
                      {copied ? "Copied" : "Copy"}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          )}
          <Button onClick={close}>Done</Button>
        </Stack>
      ) : (
        <form
          onSubmit={form.onSubmit((values) =>
            create.mutate({ ...values, password: values.password || undefined }),
          )}
        >
          <Stack>
            <TextInput label="Name" {...form.getInputProps("name")} />
            <TextInput label="Email" {...form.getInputProps("email")} />
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
            <PasswordInput
              label="Password"
              description="Leave empty and we generate one for you to pass on"
              {...form.getInputProps("password")}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Add member
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
