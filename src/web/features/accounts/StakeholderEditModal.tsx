import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { Stakeholder } from "../../../contract/accounts.ts";
import { LIMITS } from "../../../contract/common.ts";
import { ConflictNotice } from "../../components/ConflictNotice.tsx";
import { LongText } from "../../components/LongText.tsx";
import { showErrorsOn } from "../../lib/errors.ts";
import { onlyChanged } from "../../lib/versioned-edit.ts";
import { useEditStakeholder } from "./api.ts";

const formOf = (p: Stakeholder) => ({
  name: p.name,
  title: p.title ?? "",
  email: p.email ?? "",
  phone: p.phone ?? "",
  notes: p.notes ?? "",
});

/** Someone at the customer: name, title and how to reach them, with a colleague's change shown beside ours. */
export function StakeholderEditModal({ person, onClose }: { person: Stakeholder; onClose: () => void }) {
  // The person as they were when the form opened: what changed since is theirs beside mine on save.
  const [opened] = useState(person);
  const form = useForm({
    initialValues: formOf(opened),
    validate: { name: (v) => (v.trim() ? null : "Their name") },
  });
  const save = useEditStakeholder(opened, (error) => showErrorsOn(form, error, "Could not save the person"));
  const bodyOf = (v: ReturnType<typeof formOf>) => ({
    name: v.name,
    title: v.title || null,
    email: v.email || null,
    phone: v.phone || null,
    notes: v.notes || null,
  });
  return (
    <Modal opened onClose={onClose} title={`Edit ${opened.name}`}>
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate(onlyChanged(bodyOf(v), bodyOf(form.getInitialValues())), { onSuccess: onClose }),
        )}
      >
        <Stack>
          <TextInput label="Name" {...form.getInputProps("name")} />
          <TextInput label="Title" {...form.getInputProps("title")} />
          <TextInput label="Email" maxLength={LIMITS.email} {...form.getInputProps("email")} />
          <TextInput label="Phone" maxLength={50} {...form.getInputProps("phone")} />
          <LongText label="Notes" minRows={2} {...form.getInputProps("notes")} />
          <ConflictNotice edit={save} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
