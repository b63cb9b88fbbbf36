import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { SuccessMeasure } from "../../../contract/success.ts";
import { ConflictNotice } from "../../components/ConflictNotice.tsx";
import { showErrorsOn } from "../../lib/errors.ts";
import { onlyChanged } from "../../lib/versioned-edit.ts";
import { useAddMeasure, useEditMeasure } from "./api.ts";

const fromBody = (path: string) => path.replace(/^body\./, "");

function MeasureFields({ form }: { form: ReturnType<typeof useMeasureForm> }) {
  return (
    <>
      <TextInput label="Measure" required maxLength={200} {...form.getInputProps("measure")} />
      <Group grow>
        <TextInput
          label="Before (baseline)"
          description="What it was, in their terms"
          maxLength={200}
          {...form.getInputProps("baseline")}
        />
        <TextInput
          label="Target"
          description="What they aim for"
          maxLength={200}
          {...form.getInputProps("target")}
        />
      </Group>
      <TextInput
        type="date"
        label="By when"
        description="The customer is asked in the buyer room (and by mail) from this day."
        required
        {...form.getInputProps("dueOn")}
      />
    </>
  );
}

const useMeasureForm = (measure?: SuccessMeasure) =>
  useForm({
    initialValues: {
      measure: measure?.measure ?? "",
      baseline: measure?.baseline ?? "",
      target: measure?.target ?? "",
      dueOn: measure?.dueOn ?? "",
    },
    validate: {
      measure: (v) => (v.trim() ? null : "Name what they measure"),
      dueOn: (v) => (v ? null : "Agree a date with the customer"),
    },
  });

export function AddMeasureModal({ decisionId, onClose }: { decisionId: string; onClose: () => void }) {
  const form = useMeasureForm();
  const add = useAddMeasure(decisionId, {
    onSuccess: onClose,
    onError: (e) => showErrorsOn(form, e, "The measure was not added", fromBody),
  });
  return (
    <Modal opened onClose={onClose} title="Add a success measure">
      <form onSubmit={form.onSubmit((v) => add.mutate(v))}>
        <Stack>
          <MeasureFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function EditMeasureModal({ measure, onClose }: { measure: SuccessMeasure; onClose: () => void }) {
  const form = useMeasureForm(measure);
  const edit = useEditMeasure(measure, (e) => showErrorsOn(form, e, "The measure did not change", fromBody));
  return (
    <Modal opened onClose={onClose} title="Change the success measure">
      <form
        onSubmit={form.onSubmit((v) =>
          edit.mutate(onlyChanged(v, form.getInitialValues()), { onSuccess: onClose }),
        )}
      >
        <Stack>
          <MeasureFields form={form} />
          <ConflictNotice edit={edit} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={edit.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
