import {
  ActionIcon,
  Badge,
  Button,
  Group,
  List,
  MultiSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { LIMITS } from "../../../../contract/common.ts";
import type { DecisionDetail } from "../../../../contract/decisions.ts";
import { date } from "../../../lib/format.ts";
import { useUpdateDecision } from "../api.ts";
import { nameOf, stakeholderOptions } from "./ProblemSection.tsx";
import { Fact, FormActions, Section } from "./Section.tsx";

interface DecidingForm {
  outcomesSought: { measure: string; current: string; target: string }[];
  options: { name: string; notes: string; isDoNothing: boolean }[];
  criteria: { text: string }[];
  steps: { name: string; who: string; date: string }[];
  approverIds: string[];
}

function ListEditor<T>(props: {
  title: string;
  items: T[];
  render: (index: number) => React.ReactNode;
  onAdd: () => void;
  onRemove: (index: number) => void;
  canRemove?: (item: T) => boolean;
  addLabel: string;
}) {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {props.title}
      </Text>
      {props.items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list rows have no id while they are edited.
        <Group key={index} align="flex-end" wrap="nowrap">
          {props.render(index)}
          <ActionIcon
            variant="subtle"
            color="red"
            mb={4}
            aria-label="Remove"
            disabled={props.canRemove ? !props.canRemove(item) : false}
            onClick={() => props.onRemove(index)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-xs"
        leftSection={<IconPlus size={12} />}
        onClick={props.onAdd}
        style={{ alignSelf: "flex-start" }}
      >
        {props.addLabel}
      </Button>
    </Stack>
  );
}

export function DecidingSection({ decision }: { decision: DecisionDetail }) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateDecision(decision);
  const toForm = (): DecidingForm => ({
    outcomesSought: decision.outcomesSought.map((o) => ({
      measure: o.measure,
      current: o.current ?? "",
      target: o.target ?? "",
    })),
    options: decision.options.map((o) => ({
      name: o.name,
      notes: o.notes ?? "",
      isDoNothing: o.isDoNothing,
    })),
    criteria: decision.criteria.map((text) => ({ text })),
    steps: decision.process.steps.map((s) => ({ name: s.name, who: s.who ?? "", date: s.date ?? "" })),
    approverIds: decision.process.approverIds,
  });
  const form = useForm<DecidingForm>({ initialValues: toForm() });
  const save = (v: DecidingForm) =>
    update.mutate(
      {
        outcomesSought: v.outcomesSought
          .filter((o) => o.measure.trim())
          .map((o) => ({ measure: o.measure, current: o.current || null, target: o.target || null })),
        options: v.options
          .filter((o) => o.name.trim())
          .map((o) => ({ name: o.name, notes: o.notes || null, isDoNothing: o.isDoNothing })),
        criteria: v.criteria.map((c) => c.text).filter((t) => t.trim()),
        process: {
          steps: v.steps
            .filter((s) => s.name.trim())
            .map((s) => ({ name: s.name, who: s.who || null, date: s.date || null })),
          approverIds: v.approverIds,
        },
      },
      { onSuccess: () => setEditing(false) },
    );
  return (
    <Section
      title="How they will decide"
      question="What outcomes do they want, which options do they weigh (doing nothing included), how will they judge them, and who approves?"
      canEdit={decision.canEdit}
      editing={editing}
      onEdit={() => {
        form.setValues(toForm());
        update.begin();
        setEditing(true);
      }}
      testId="section-deciding"
    >
      {editing ? (
        <form onSubmit={form.onSubmit(save)}>
          <Stack gap="md">
            <ListEditor
              title="Outcomes sought"
              items={form.values.outcomesSought}
              addLabel="Add an outcome"
              onAdd={() => form.insertListItem("outcomesSought", { measure: "", current: "", target: "" })}
              onRemove={(i) => form.removeListItem("outcomesSought", i)}
              render={(i) => (
                <>
                  <TextInput
                    label="Measure"
                    style={{ flex: 2 }}
                    {...form.getInputProps(`outcomesSought.${i}.measure`)}
                  />
                  <TextInput
                    label="Today"
                    style={{ flex: 1 }}
                    {...form.getInputProps(`outcomesSought.${i}.current`)}
                  />
                  <TextInput
                    label="Target"
                    style={{ flex: 1 }}
                    {...form.getInputProps(`outcomesSought.${i}.target`)}
                  />
                </>
              )}
            />
            <ListEditor
              title="Options they consider"
              items={form.values.options}
              addLabel="Add an option"
              canRemove={(o) => !o.isDoNothing}
              onAdd={() => form.insertListItem("options", { name: "", notes: "", isDoNothing: false })}
              onRemove={(i) => form.removeListItem("options", i)}
              render={(i) => (
                <>
                  <TextInput
                    label="Option"
                    style={{ flex: 1 }}
                    disabled={form.values.options[i]?.isDoNothing}
                    {...form.getInputProps(`options.${i}.name`)}
                  />
                  <TextInput
                    label="Notes"
                    maxLength={LIMITS.text}
                    style={{ flex: 2 }}
                    {...form.getInputProps(`options.${i}.notes`)}
                  />
                </>
              )}
            />
            <ListEditor
              title="Decision criteria"
              items={form.values.criteria}
              addLabel="Add a criterion"
              onAdd={() => form.insertListItem("criteria", { text: "" })}
              onRemove={(i) => form.removeListItem("criteria", i)}
              render={(i) => (
                <TextInput
                  aria-label="Criterion"
                  style={{ flex: 1 }}
                  {...form.getInputProps(`criteria.${i}.text`)}
                />
              )}
            />
            <ListEditor
              title="Their decision process"
              items={form.values.steps}
              addLabel="Add a step"
              onAdd={() => form.insertListItem("steps", { name: "", who: "", date: "" })}
              onRemove={(i) => form.removeListItem("steps", i)}
              render={(i) => (
                <>
                  <TextInput label="Step" style={{ flex: 2 }} {...form.getInputProps(`steps.${i}.name`)} />
                  <TextInput label="Who" style={{ flex: 1 }} {...form.getInputProps(`steps.${i}.who`)} />
                  <TextInput type="date" label="When" w={150} {...form.getInputProps(`steps.${i}.date`)} />
                </>
              )}
            />
            <MultiSelect
              label="Approvers"
              data={stakeholderOptions(decision)}
              {...form.getInputProps("approverIds")}
            />
            <FormActions onCancel={() => setEditing(false)} update={update} />
          </Stack>
        </form>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <div>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              Outcomes sought
            </Text>
            {decision.outcomesSought.length === 0 ? (
              <Text size="sm" c="orange.8" fs="italic">
                How will they know it worked?
              </Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {decision.outcomesSought.map((o) => (
                    <Table.Tr key={o.measure}>
                      <Table.Td>{o.measure}</Table.Td>
                      <Table.Td>
                        {o.current ?? "?"} → {o.target ?? "?"}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </div>
          <div>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              Options
            </Text>
            <List size="sm" spacing={2}>
              {decision.options.map((o) => (
                <List.Item key={o.name}>
                  {o.name}{" "}
                  {o.isDoNothing && (
                    <Badge size="xs" variant="light" color="gray">
                      status quo
                    </Badge>
                  )}
                  {o.notes && (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      — {o.notes}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          </div>
          <Fact
            label="Decision criteria"
            value={decision.criteria.join(" · ")}
            missing="How will they judge the options?"
          />
          <div>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              Their process
            </Text>
            {decision.process.steps.length === 0 ? (
              <Text size="sm" c="orange.8" fs="italic">
                Their steps to a decision are unknown.
              </Text>
            ) : (
              <List type="ordered" size="sm" spacing={2}>
                {decision.process.steps.map((s) => (
                  <List.Item key={`${s.name}-${s.date}`}>
                    {s.name}
                    {s.who && (
                      <Text span size="xs" c="dimmed">
                        {" "}
                        · {s.who}
                      </Text>
                    )}
                    {s.date && (
                      <Text span size="xs" c="dimmed">
                        {" "}
                        · {date(s.date)}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
            <Text size="xs" mt={6} c={decision.process.approverIds.length ? "dimmed" : "orange.8"}>
              Approvers:{" "}
              {decision.process.approverIds.length
                ? decision.process.approverIds
                    .map((id) => nameOf(decision, id) ?? "someone not involved")
                    .join(", ")
                : "none named"}
            </Text>
          </div>
        </SimpleGrid>
      )}
    </Section>
  );
}
