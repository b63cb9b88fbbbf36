import { Badge, Button, Group, Modal, Select, Stack, Table, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { Concern, DecisionDetail } from "../../../../contract/decisions.ts";
import { CONCERN_CATEGORIES, CONCERN_STATUSES, SEVERITIES } from "../../../../domain/decision/model.ts";
import { ConflictNotice } from "../../../components/ConflictNotice.tsx";
import { LongText } from "../../../components/LongText.tsx";
import { showErrorsOn } from "../../../lib/errors.ts";
import { label } from "../../../lib/format.ts";
import { onlyChanged } from "../../../lib/versioned-edit.ts";
import { useAddConcern, useEditConcern } from "../api.ts";
import { stakeholderOptions } from "./ProblemSection.tsx";
import { Section } from "./Section.tsx";

const SEVERITY_COLOR = { low: "gray", medium: "yellow", high: "red" } as const;
const STATUS_COLOR = { open: "orange", addressed: "teal", accepted: "blue" } as const;

export function ConcernsSection({ decision }: { decision: DecisionDetail }) {
  const [adding, { open, close }] = useDisclosure(false);
  const [responding, setResponding] = useState<Concern | null>(null);
  const individual = decision.concerns.filter((c) => c.kind === "individual");
  const organizational = decision.concerns.filter((c) => c.kind === "organizational");
  return (
    <Section
      title="Concerns"
      question="What are they worried about — each of them for themselves, and the organization?"
      canEdit={false}
      editing={false}
      onEdit={() => {}}
      testId="section-concerns"
    >
      {decision.concerns.length === 0 ? (
        <Text size="sm" c="orange.8" fs="italic">
          No concerns recorded. Every change worries someone — ask what worries them.
        </Text>
      ) : (
        [
          ["What people fear for themselves", individual],
          ["What the organization fears", organizational],
        ].map(([title, list]) =>
          (list as Concern[]).length === 0 ? null : (
            <div key={title as string}>
              <Text size="sm" fw={600} mb={4}>
                {title as string}
              </Text>
              <Table>
                <Table.Tbody>
                  {(list as Concern[]).map((concern) => (
                    <Table.Tr key={concern.id}>
                      <Table.Td>
                        <Text size="sm">{concern.text}</Text>
                        <Text size="xs" c="dimmed">
                          {label(concern.category)}
                          {concern.raisedByName ? ` · raised by ${concern.raisedByName}` : ""}
                        </Text>
                        {concern.response && (
                          <Text size="xs" mt={4}>
                            <Text span fw={600} size="xs">
                              Response:{" "}
                            </Text>
                            {concern.response}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td w={90}>
                        <Badge size="sm" color={SEVERITY_COLOR[concern.severity]} variant="light">
                          {concern.severity}
                        </Badge>
                      </Table.Td>
                      <Table.Td w={110}>
                        <Badge size="sm" color={STATUS_COLOR[concern.status]}>
                          {concern.status}
                        </Badge>
                      </Table.Td>
                      {decision.canEdit && (
                        <Table.Td w={100}>
                          <Button size="compact-xs" variant="subtle" onClick={() => setResponding(concern)}>
                            Respond
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          ),
        )
      )}
      {decision.canEdit && (
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={open}
          style={{ alignSelf: "flex-start" }}
        >
          Add a concern
        </Button>
      )}
      <AddConcernModal decision={decision} opened={adding} onClose={close} />
      {responding && (
        <RespondModal decision={decision} concern={responding} onClose={() => setResponding(null)} />
      )}
    </Section>
  );
}

function AddConcernModal({
  decision,
  opened,
  onClose,
}: {
  decision: DecisionDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useForm({
    initialValues: {
      text: "",
      kind: "individual" as Concern["kind"],
      category: "disruption" as Concern["category"],
      raisedBy: null as string | null,
      severity: "medium" as Concern["severity"],
    },
    validate: { text: (v) => (v.trim() ? null : "What is the worry?") },
  });
  const add = useAddConcern(decision.id, {
    onSuccess: () => {
      form.reset();
      onClose();
    },
    onError: (error) => showErrorsOn(form, error, "Could not add the concern"),
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Add a concern" size="lg">
      <form onSubmit={form.onSubmit((v) => add.mutate(v))}>
        <Stack>
          <LongText label="The worry, in their words" autosize minRows={2} {...form.getInputProps("text")} />
          <Group grow>
            <Select
              label="Whose worry"
              data={[
                { value: "individual", label: "A person's, for themselves" },
                { value: "organizational", label: "The organization's" },
              ]}
              allowDeselect={false}
              {...form.getInputProps("kind")}
            />
            <Select
              label="Category"
              data={CONCERN_CATEGORIES.map((c) => ({ value: c, label: label(c) }))}
              allowDeselect={false}
              {...form.getInputProps("category")}
            />
          </Group>
          <Group grow>
            <Select
              label="Raised by"
              clearable
              data={stakeholderOptions(decision)}
              {...form.getInputProps("raisedBy")}
            />
            <Select
              label="Severity"
              data={SEVERITIES.map((s) => ({ value: s, label: s }))}
              allowDeselect={false}
              {...form.getInputProps("severity")}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              Add concern
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RespondModal({
  decision,
  concern,
  onClose,
}: {
  decision: DecisionDetail;
  concern: Concern;
  onClose: () => void;
}) {
  const form = useForm({
    initialValues: { status: concern.status, response: concern.response ?? "" },
  });
  // The concern as it was when the form opened: a colleague's change meanwhile is theirs beside mine on save.
  const [opened] = useState(concern);
  const save = useEditConcern(decision.id, opened, (error) =>
    showErrorsOn(form, error, "Could not save the response"),
  );
  return (
    <Modal opened onClose={onClose} title="How is this concern handled?" size="lg">
      <Text size="sm" mb="sm">
        "{concern.text}"
      </Text>
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate(onlyChanged(v, form.getInitialValues()), { onSuccess: onClose }),
        )}
      >
        <Stack>
          <LongText label="Response" autosize minRows={2} {...form.getInputProps("response")} />
          <Select
            label="Status"
            data={CONCERN_STATUSES.map((s) => ({ value: s, label: s }))}
            allowDeselect={false}
            {...form.getInputProps("status")}
          />
          <ConflictNotice edit={save} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
