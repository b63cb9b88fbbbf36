import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { IconLink, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { DecisionDetail, Involvement } from "../../../../contract/decisions.ts";
import {
  INFLUENCE,
  STAKEHOLDER_ROLES,
  STANCE_POINTS,
  STANCES,
  type Stance,
} from "../../../../domain/decision/model.ts";
import { LongText } from "../../../components/LongText.tsx";
import { notifyError, showErrorsOn } from "../../../lib/errors.ts";
import { label } from "../../../lib/format.ts";
import { stakeholdersQuery, useAddStakeholder } from "../../accounts/api.ts";
import { ShareLinkModal } from "../../plan/ShareLinkModal.tsx";
import { useChangeInvolvement, useInvolve, useRemoveInvolvement } from "../api.ts";
import { Section } from "./Section.tsx";

const STANCE_COLORS: Record<Stance, string> = {
  supports: "teal",
  neutral: "gray",
  doubts: "orange",
  opposes: "red",
  unknown: "gray",
};
const POINT_LABELS = { problem: "Problem", approach: "Approach", us: "Us", timing: "Timing" } as const;

function StanceCell({
  involvement,
  point,
  canEdit,
  onChange,
}: {
  involvement: Involvement;
  point: (typeof STANCE_POINTS)[number];
  canEdit: boolean;
  onChange: (stance: Stance) => void;
}) {
  const stance = involvement.stance[point];
  if (!canEdit) {
    return (
      <Badge variant={stance === "unknown" ? "outline" : "light"} color={STANCE_COLORS[stance]}>
        {stance}
      </Badge>
    );
  }
  return (
    <Select
      size="xs"
      w={112}
      aria-label={`${involvement.stakeholderName} on ${POINT_LABELS[point]}`}
      data={STANCES.map((s) => ({ value: s, label: s }))}
      value={stance}
      allowDeselect={false}
      onChange={(value) => value && onChange(value as Stance)}
      styles={{ input: { color: `var(--mantine-color-${STANCE_COLORS[stance]}-8)`, fontWeight: 600 } }}
    />
  );
}

export function PeopleSection({ decision }: { decision: DecisionDetail }) {
  const [adding, { open, close }] = useDisclosure(false);
  const change = useChangeInvolvement(decision.id, {
    onError: (error) => notifyError(error, "Could not save the stance"),
  });
  const remove = useRemoveInvolvement(decision.id, { onError: (error) => notifyError(error) });
  const [inviting, setInviting] = useState<string | null>(null);
  const people = decision.involvements;
  return (
    <Section
      title="People and consensus"
      question="Who must agree — and do they? What does the decision mean to each of them?"
      canEdit={false}
      editing={false}
      onEdit={() => {}}
      testId="section-people"
    >
      {people.length === 0 ? (
        <Text size="sm" c="orange.8" fs="italic">
          No one at the customer is recorded yet. Who feels the problem, who signs, who could block it?
        </Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {people.map((person) => (
              <Card key={person.id} withBorder padding="sm" data-testid="stakeholder-card">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Text fw={600} size="sm">
                      {person.stakeholderName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {person.stakeholderTitle ?? "—"}
                    </Text>
                  </div>
                  {decision.canEdit && (
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Remove ${person.stakeholderName}`}
                      onClick={() => remove.mutate(person)}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  )}
                </Group>
                <Group gap={4} mt={6}>
                  <Badge
                    size="sm"
                    color={
                      person.role === "economic_buyer"
                        ? "grape"
                        : person.role === "champion"
                          ? "cyan"
                          : person.role === "blocker"
                            ? "red"
                            : "gray"
                    }
                  >
                    {label(person.role)}
                  </Badge>
                  <Badge size="sm" variant="outline" color={person.influence === "high" ? "dark" : "gray"}>
                    {person.influence} influence
                  </Badge>
                </Group>
                <Text
                  size="xs"
                  mt={6}
                  c={person.personalStake ? undefined : "orange.8"}
                  fs={person.personalStake ? undefined : "italic"}
                >
                  {person.personalStake ?? "What it means to them personally: unknown"}
                </Text>
                {decision.canEdit && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    mt={6}
                    leftSection={<IconLink size={12} />}
                    onClick={() => setInviting(person.stakeholderId)}
                  >
                    Own room link
                  </Button>
                )}
              </Card>
            ))}
          </SimpleGrid>
          <ShareLinkModal
            decision={decision}
            opened={inviting !== null}
            onClose={() => setInviting(null)}
            stakeholderId={inviting ?? undefined}
          />
          <Text size="sm" fw={600} mt="xs">
            Consensus matrix
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table data-testid="consensus-matrix">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Stakeholder</Table.Th>
                  {STANCE_POINTS.map((point) => (
                    <Table.Th key={point}>{POINT_LABELS[point]}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.map((person) => (
                  <Table.Tr key={person.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {person.stakeholderName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {label(person.role)}
                      </Text>
                    </Table.Td>
                    {STANCE_POINTS.map((point) => (
                      <Table.Td key={point}>
                        <StanceCell
                          involvement={person}
                          point={point}
                          canEdit={decision.canEdit}
                          onChange={(stance) =>
                            change.mutate({ involvement: person, body: { stance: { [point]: stance } } })
                          }
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {decision.canEdit && (
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={open}
          style={{ alignSelf: "flex-start" }}
        >
          Add a stakeholder
        </Button>
      )}
      <AddStakeholderModal decision={decision} opened={adding} onClose={close} />
    </Section>
  );
}

interface AddValues {
  stakeholderId: string | null;
  newName: string;
  newTitle: string;
  role: string;
  influence: string;
  personalStake: string;
}

function AddStakeholderModal({
  decision,
  opened,
  onClose,
}: {
  decision: DecisionDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const known = useQuery({ ...stakeholdersQuery(decision.accountId), enabled: opened });
  const involved = new Set(decision.involvements.map((i) => i.stakeholderId));
  const available = (known.data?.items ?? []).filter((s) => !involved.has(s.id));
  const form = useForm<AddValues>({
    initialValues: {
      stakeholderId: null,
      newName: "",
      newTitle: "",
      role: "user",
      influence: "medium",
      personalStake: "",
    },
    validate: {
      newName: (v, values) => (!values.stakeholderId && !v.trim() ? "Pick someone or enter a name" : null),
    },
  });
  const addStakeholder = useAddStakeholder();
  const involve = useInvolve(decision.id);
  const add = useMutation({
    mutationFn: async (values: AddValues) => {
      const stakeholderId =
        values.stakeholderId ??
        (
          await addStakeholder.mutateAsync({
            accountId: decision.accountId,
            name: values.newName,
            title: values.newTitle || null,
          })
        ).id;
      return involve.mutateAsync({
        stakeholderId,
        role: values.role as Involvement["role"],
        influence: values.influence as Involvement["influence"],
        personalStake: values.personalStake || null,
      });
    },
    onSuccess: () => {
      form.reset();
      onClose();
    },
    onError: (error) =>
      showErrorsOn(form, error, "Could not add the stakeholder", (path) =>
        path === "name" ? "newName" : path === "title" ? "newTitle" : path,
      ),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`Who at ${decision.accountName} takes part?`} size="lg">
      <form onSubmit={form.onSubmit((values) => add.mutate(values))}>
        <Stack>
          {available.length > 0 && (
            <Select
              label="Someone we know at the account"
              placeholder="Pick a person, or add someone new below"
              clearable
              data={available.map((s) => ({
                value: s.id,
                label: `${s.name}${s.title ? ` (${s.title})` : ""}`,
              }))}
              {...form.getInputProps("stakeholderId")}
            />
          )}
          {!form.values.stakeholderId && (
            <Group grow>
              <TextInput label="Name" {...form.getInputProps("newName")} />
              <TextInput label="Title" {...form.getInputProps("newTitle")} />
            </Group>
          )}
          <Group grow>
            <Select
              label="Role in the decision"
              data={STAKEHOLDER_ROLES.map((r) => ({ value: r, label: label(r) }))}
              allowDeselect={false}
              {...form.getInputProps("role")}
            />
            <Select
              label="Influence"
              data={INFLUENCE.map((i) => ({ value: i, label: i }))}
              allowDeselect={false}
              {...form.getInputProps("influence")}
            />
          </Group>
          <LongText
            label="What the decision means to them personally"
            autosize
            {...form.getInputProps("personalStake")}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              Add to the decision
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
