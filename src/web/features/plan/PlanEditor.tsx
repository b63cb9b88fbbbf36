import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconGripVertical, IconPencil, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { DecisionDetail } from "../../../contract/decisions.ts";
import type { PlanStep } from "../../../contract/plan.ts";
import { notifyError, showErrorsOn } from "../../lib/errors.ts";
import { date } from "../../lib/format.ts";
import {
  planQuery,
  templatesQuery,
  useAddStep,
  useApplyTemplate,
  useChangeStep,
  useRemoveStep,
  useReorderSteps,
} from "./api.ts";
import { pastDateWarning, StepEditModal } from "./StepEditModal.tsx";

const SIDE_COLOR = { customer: "grape", us: "cyan", both: "gray" } as const;
const STATUSES = [
  { value: "not_started", label: "Not started" },
  { value: "in_progress", label: "In progress" },
  { value: "done", label: "Done" },
  { value: "blocked", label: "Blocked" },
];

/** The mutual decision plan: the customer's steps to a decision, in order, with slippage against their date. */
export function PlanEditor({ decision }: { decision: DecisionDetail }) {
  const { data: plan } = useQuery(planQuery(decision.id));
  const templates = useQuery({ ...templatesQuery, enabled: decision.canEdit });
  const [dragged, setDragged] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const form = useForm({
    initialValues: { title: "", ownerSide: "customer", dueDate: "" },
    validate: { title: (v) => (v.trim() ? null : "Name the step") },
  });

  const add = useAddStep(decision.id, {
    onSuccess: () => form.reset(),
    onError: (e) => showErrorsOn(form, e, "Could not add the step"),
  });
  const [editingStep, setEditingStep] = useState<PlanStep | null>(null);
  const change = useChangeStep(decision.id, { onError: (e) => notifyError(e, "Could not change the step") });
  const remove = useRemoveStep(decision.id);
  const reorder = useReorderSteps(decision.id, { onError: (e) => notifyError(e, "Could not reorder") });
  const apply = useApplyTemplate(decision.id, {
    onError: (e) => notifyError(e, "Could not apply the template"),
  });

  const steps = plan?.steps ?? [];
  const drop = (targetId: string) => {
    if (!dragged || dragged === targetId) return;
    const ids = steps.map((s) => s.id).filter((id) => id !== dragged);
    ids.splice(ids.indexOf(targetId), 0, dragged);
    setDragged(null);
    reorder.mutate(ids);
  };
  const slip = plan?.slippage;
  return (
    <Paper withBorder p="lg" data-testid="plan">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={4}>Mutual decision plan</Title>
          <Text size="sm" c="dimmed">
            The customer's own steps to a decision — shared with them in the buyer room.
          </Text>
        </div>
        {decision.canEdit && (
          <Group gap="xs">
            <Select
              size="xs"
              w={300}
              placeholder="Start from a template"
              aria-label="Plan template"
              data={(templates.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
              value={templateId}
              onChange={setTemplateId}
            />
            <Button
              size="xs"
              variant="light"
              disabled={!templateId}
              loading={apply.isPending}
              onClick={() => templateId && apply.mutate(templateId)}
            >
              Apply template
            </Button>
          </Group>
        )}
      </Group>
      {slip && steps.length > 0 && (
        <Alert
          color={slip.overdue.length || (slip.daysAfterTarget ?? 0) > 0 ? "orange" : "teal"}
          variant="light"
          mb="sm"
          data-testid="slippage"
          title={
            slip.projectedDecisionDate
              ? `Projected decision: ${date(slip.projectedDecisionDate)} · their target: ${date(plan?.targetDate)}`
              : "No dates yet"
          }
        >
          {slip.summary}
        </Alert>
      )}
      {steps.length === 0 && (
        <Text size="sm" c="dimmed" mb="sm">
          No steps yet. Apply a template or add the customer's first step — who does what, by when.
        </Text>
      )}
      <Stack gap={6}>
        {steps.map((step, index) => {
          const overdue = slip?.overdue.find((o) => o.id === step.id);
          return (
            <Paper
              key={step.id}
              withBorder
              p="xs"
              draggable={decision.canEdit}
              onDragStart={() => setDragged(step.id)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={() => drop(step.id)}
              data-testid="plan-step"
              bg={step.status === "done" ? "gray.0" : undefined}
            >
              <Group wrap="nowrap" gap="xs">
                {decision.canEdit && (
                  <IconGripVertical
                    size={16}
                    color="var(--mantine-color-gray-5)"
                    style={{ cursor: "grab" }}
                    aria-label="Drag to reorder"
                  />
                )}
                <Text size="sm" c="dimmed" w={20}>
                  {index + 1}
                </Text>
                <Stack gap={0} style={{ flex: 1 }}>
                  <Text size="sm" fw={500} td={step.status === "done" ? "line-through" : undefined}>
                    {step.title}
                  </Text>
                  <Group gap={6}>
                    <Badge size="xs" color={SIDE_COLOR[step.ownerSide]} variant="light">
                      {step.ownerSide === "us" ? "ours" : step.ownerSide === "both" ? "together" : "customer"}
                    </Badge>
                    {step.ownerName && (
                      <Text size="xs" c="dimmed">
                        {step.ownerName}
                      </Text>
                    )}
                    {step.dependsOn && (
                      <Text size="xs" c="dimmed">
                        after step {steps.findIndex((s) => s.id === step.dependsOn) + 1}
                      </Text>
                    )}
                    {overdue && (
                      <Badge size="xs" color="red">
                        {overdue.daysLate} days late
                      </Badge>
                    )}
                    {step.dueDateMoves > 0 && (
                      <Badge size="xs" color="orange" variant="outline">
                        date moved {step.dueDateMoves}×
                      </Badge>
                    )}
                    {step.comments.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {step.comments.length} comment{step.comments.length === 1 ? "" : "s"}
                      </Text>
                    )}
                    {step.blockedReason && (
                      <Text size="xs" c="red">
                        blocked: {step.blockedReason}
                      </Text>
                    )}
                  </Group>
                </Stack>
                <TextInput
                  type="date"
                  size="xs"
                  w={140}
                  aria-label={`Due date of ${step.title}`}
                  defaultValue={step.dueDate ?? ""}
                  disabled={!decision.canEdit}
                  onBlur={(e) =>
                    e.currentTarget.value !== (step.dueDate ?? "") &&
                    change.mutate({ step, body: { dueDate: e.currentTarget.value || null } })
                  }
                />
                <Select
                  size="xs"
                  w={130}
                  aria-label={`Status of ${step.title}`}
                  data={STATUSES}
                  value={step.status}
                  disabled={!decision.canEdit}
                  allowDeselect={false}
                  onChange={(status) => {
                    if (!status || status === step.status) return;
                    const blockedReason =
                      status === "blocked" ? window.prompt("Why is it blocked?") : undefined;
                    if (status === "blocked" && !blockedReason) return;
                    change.mutate({
                      step,
                      body: {
                        status: status as PlanStep["status"],
                        ...(blockedReason ? { blockedReason } : {}),
                      },
                    });
                  }}
                />
                {decision.canEdit && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Change ${step.title}`}
                    onClick={() => setEditingStep(step)}
                  >
                    <IconPencil size={14} />
                  </ActionIcon>
                )}
                {decision.canEdit && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove ${step.title}`}
                    onClick={() => remove.mutate(step)}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                )}
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {editingStep && (
        <StepEditModal decision={decision} step={editingStep} onClose={() => setEditingStep(null)} />
      )}
      {decision.canEdit && (
        <form
          onSubmit={form.onSubmit((v) =>
            add.mutate({ ...v, ownerSide: v.ownerSide as PlanStep["ownerSide"], dueDate: v.dueDate || null }),
          )}
        >
          <Group mt="sm" align="flex-end">
            <TextInput
              size="xs"
              label="New step"
              placeholder="Security review"
              style={{ flex: 1 }}
              {...form.getInputProps("title")}
            />
            <Select
              size="xs"
              label="Whose"
              w={130}
              data={[
                { value: "customer", label: "Customer" },
                { value: "us", label: "Ours" },
                { value: "both", label: "Together" },
              ]}
              allowDeselect={false}
              {...form.getInputProps("ownerSide")}
            />
            <TextInput
              size="xs"
              type="date"
              label="Due"
              w={140}
              description={pastDateWarning(form.values.dueDate)}
              inputWrapperOrder={["label", "input", "description"]}
              {...form.getInputProps("dueDate")}
            />
            <Button size="xs" type="submit" loading={add.isPending}>
              Add step
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}
