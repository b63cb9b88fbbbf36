import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { DecisionDetail } from "../../../contract/decisions.ts";
import type { PlanStep } from "../../../contract/plan.ts";
import { ConflictNotice } from "../../components/ConflictNotice.tsx";
import { showErrorsOn } from "../../lib/errors.ts";
import { onlyChanged } from "../../lib/versioned-edit.ts";
import { useEditStep } from "./api.ts";

/** A due date in the past is allowed (a plan can be written after the fact) but worth a second look. */
export const pastDateWarning = (value: string) =>
  value && value < new Date().toISOString().slice(0, 10)
    ? "This date has already passed — is that right?"
    : undefined;

const SIDES = [
  { value: "customer", label: "Customer" },
  { value: "us", label: "Ours" },
  { value: "both", label: "Together" },
];

/** Renames a step and says whose it is and who owns it: one of the customer's people, or the decision's owner. */
export function StepEditModal({
  decision,
  step,
  onClose,
}: {
  decision: DecisionDetail;
  step: PlanStep;
  onClose: () => void;
}) {
  const form = useForm({
    initialValues: {
      title: step.title,
      ownerSide: step.ownerSide as string,
      owner: step.ownerStakeholderId
        ? `s:${step.ownerStakeholderId}`
        : step.ownerMemberId
          ? `m:${step.ownerMemberId}`
          : "",
      dueDate: step.dueDate ?? "",
    },
    validate: { title: (v) => (v.trim() ? null : "Name the step") },
  });
  const change = useEditStep(decision.id, step, (e) => showErrorsOn(form, e, "Could not change the step"));
  const bodyOf = (v: typeof form.values) => ({
    title: v.title,
    ownerSide: v.ownerSide as PlanStep["ownerSide"],
    ownerStakeholderId: v.owner.startsWith("s:") ? v.owner.slice(2) : null,
    ownerMemberId: v.owner.startsWith("m:") ? v.owner.slice(2) : null,
    dueDate: v.dueDate || null,
  });
  const owners = [
    ...decision.involvements.map((p) => ({ value: `s:${p.stakeholderId}`, label: p.stakeholderName })),
    { value: `m:${decision.ownerId}`, label: `${decision.ownerName} (us)` },
  ];
  return (
    <Modal opened onClose={onClose} title="Change the step">
      <form
        onSubmit={form.onSubmit((v) =>
          change.mutate(onlyChanged(bodyOf(v), bodyOf(form.getInitialValues())), { onSuccess: onClose }),
        )}
      >
        <Stack>
          <TextInput label="Step" maxLength={200} {...form.getInputProps("title")} />
          <Select
            label="Whose step"
            data={SIDES}
            allowDeselect={false}
            {...form.getInputProps("ownerSide")}
          />
          <Select
            label="Owner"
            data={owners}
            clearable
            placeholder="No one yet"
            {...form.getInputProps("owner")}
          />
          <TextInput
            type="date"
            label="Due"
            description={pastDateWarning(form.values.dueDate)}
            {...form.getInputProps("dueDate")}
          />
          <ConflictNotice edit={change} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
