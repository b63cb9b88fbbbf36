import {
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useState } from "react";
import type { Stakeholder } from "../../../contract/accounts.ts";
import { LIMITS } from "../../../contract/common.ts";
import { ConflictNotice } from "../../components/ConflictNotice.tsx";
import { LongText } from "../../components/LongText.tsx";
import { showErrorsOn } from "../../lib/errors.ts";
import { onlyChanged } from "../../lib/versioned-edit.ts";
import { Fact } from "../decisions/canvas/Section.tsx";
import { DecisionCardView } from "../decisions/DecisionCardView.tsx";
import { NewDecisionModal } from "../decisions/NewDecisionModal.tsx";
import { AccountResults } from "../success/AccountResults.tsx";
import { accountQuery, useAddStakeholder, useEditAccount } from "./api.ts";
import { StakeholderEditModal } from "./StakeholderEditModal.tsx";

const PROFILE = [
  ["goals", "Goals and aspirations", "What are they trying to achieve?"],
  ["challenges", "Challenges", "What stands in their way?"],
  ["currentApproach", "How they do things today", "How do they work today?"],
  ["approachReason", "…and why that way", "Why are you doing things this way?"],
  ["notes", "Notes", "—"],
] as const;

type ProfileForm = { name: string; industry: string; size: string; website: string } & Record<
  (typeof PROFILE)[number][0],
  string
>;

export function AccountPage() {
  const { id } = useParams({ from: "/app/accounts/$id" });
  const { data: account } = useSuspenseQuery(accountQuery(id));
  const [editing, setEditing] = useState(false);
  const [editingPerson, setEditingPerson] = useState<Stakeholder | null>(null);
  const [addingPerson, person] = useDisclosure(false);
  const [addingDecision, decisionModal] = useDisclosure(false);
  const toForm = (): ProfileForm => ({
    name: account.name,
    industry: account.industry ?? "",
    size: account.size ?? "",
    website: account.website ?? "",
    goals: account.goals ?? "",
    challenges: account.challenges ?? "",
    currentApproach: account.currentApproach ?? "",
    approachReason: account.approachReason ?? "",
    notes: account.notes ?? "",
  });
  const form = useForm<ProfileForm>({ initialValues: toForm() });
  const save = useEditAccount(account, (error) => showErrorsOn(form, error, "Could not save the profile"));
  const personForm = useForm({
    initialValues: { name: "", title: "", email: "", phone: "" },
    validate: { name: (v) => (v.trim() ? null : "Name") },
  });
  const addPerson = useAddStakeholder({
    onSuccess: () => {
      personForm.reset();
      person.close();
    },
    onError: (error) => showErrorsOn(personForm, error, "Could not add the person"),
  });

  return (
    <Stack maw={1300}>
      <Breadcrumbs>
        <Anchor component={Link} to="/accounts" size="sm">
          Accounts
        </Anchor>
        <Text size="sm">{account.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between">
        <div>
          <Title order={2}>{account.name}</Title>
          <Text c="dimmed" size="sm">
            {[account.industry, account.size, account.website].filter(Boolean).join(" · ") ||
              "No industry or size recorded"}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={decisionModal.open}>
          New decision
        </Button>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="lg">
            <Group justify="space-between" mb="sm">
              <Title order={4}>Business profile</Title>
              {!editing && (
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPencil size={14} />}
                  onClick={() => {
                    form.setInitialValues(toForm());
                    form.setValues(toForm());
                    save.begin();
                    setEditing(true);
                  }}
                >
                  Edit
                </Button>
              )}
            </Group>
            {editing ? (
              <form
                onSubmit={form.onSubmit((v) =>
                  save.mutate(onlyChanged(v, form.getInitialValues()), {
                    onSuccess: () => setEditing(false),
                  }),
                )}
              >
                <Stack gap="sm">
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput label="Name" {...form.getInputProps("name")} />
                    <TextInput label="Industry" {...form.getInputProps("industry")} />
                    <TextInput label="Size" {...form.getInputProps("size")} />
                    <TextInput label="Website" {...form.getInputProps("website")} />
                  </SimpleGrid>
                  {PROFILE.map(([field, title]) => (
                    <LongText key={field} label={title} autosize {...form.getInputProps(field)} />
                  ))}
                  <ConflictNotice edit={save} />
                  <Group justify="flex-end">
                    <Button variant="default" onClick={() => setEditing(false)}>
                      Cancel
                    </Button>
                    <Button type="submit" loading={save.isPending}>
                      Save
                    </Button>
                  </Group>
                </Stack>
              </form>
            ) : (
              <Stack gap="sm">
                {PROFILE.map(([field, title, missing]) => (
                  <Fact key={field} label={title} value={account[field]} missing={missing} />
                ))}
              </Stack>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="lg">
            <Group justify="space-between" mb="sm">
              <Title order={4}>People</Title>
              <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={person.open}>
                Add person
              </Button>
            </Group>
            {account.stakeholders.length === 0 ? (
              <Text size="sm" c="dimmed">
                No one recorded yet.
              </Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {account.stakeholders.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {s.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {s.title ?? "—"}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{s.email ?? ""}</Text>
                      </Table.Td>
                      <Table.Td w={40}>
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          aria-label={`Edit ${s.name}`}
                          onClick={() => setEditingPerson(s)}
                        >
                          <IconPencil size={14} />
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      <AccountResults accountId={id} />
      <Title order={4} mt="sm">
        Decisions
      </Title>
      {account.decisions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No decisions you can see at this account yet.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          {account.decisions.map((d) => (
            <DecisionCardView key={d.id} decision={d} />
          ))}
        </SimpleGrid>
      )}
      <Modal opened={addingPerson} onClose={person.close} title={`Someone at ${account.name}`}>
        <form
          onSubmit={personForm.onSubmit((v) =>
            addPerson.mutate({ accountId: id, ...v, email: v.email || null }),
          )}
        >
          <Stack>
            <TextInput label="Name" {...personForm.getInputProps("name")} />
            <TextInput label="Title" {...personForm.getInputProps("title")} />
            <TextInput label="Email" maxLength={LIMITS.email} {...personForm.getInputProps("email")} />
            <TextInput label="Phone" {...personForm.getInputProps("phone")} />
            <Group justify="flex-end">
              <Button type="submit" loading={addPerson.isPending}>
                Add
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      {editingPerson && (
        <StakeholderEditModal person={editingPerson} onClose={() => setEditingPerson(null)} />
      )}
      <NewDecisionModal opened={addingDecision} onClose={decisionModal.close} accountId={id} />
    </Stack>
  );
}
