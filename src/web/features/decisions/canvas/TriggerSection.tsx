import { SegmentedControl, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { DecisionDetail } from "../../../../contract/decisions.ts";
import { LongText } from "../../../components/LongText.tsx";
import { date } from "../../../lib/format.ts";
import { useUpdateDecision } from "../api.ts";
import { Fact, FormActions, Section } from "./Section.tsx";

export function TriggerSection({ decision }: { decision: DecisionDetail }) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateDecision(decision);
  const toForm = () => ({
    event: decision.trigger.event ?? "",
    date: decision.trigger.date ?? "",
    dateOwner: decision.trigger.dateOwner ?? "customer",
    targetDate: decision.targetDate ?? "",
  });
  const form = useForm({ initialValues: toForm() });
  return (
    <Section
      title="Why change, why now"
      question="What makes change necessary — and what date is behind 'now'? The customer's date, not our quarter."
      canEdit={decision.canEdit}
      editing={editing}
      onEdit={() => {
        form.setValues(toForm());
        update.begin();
        setEditing(true);
      }}
      testId="section-trigger"
    >
      {editing ? (
        <form
          onSubmit={form.onSubmit((v) =>
            update.mutate(
              {
                trigger: {
                  event: v.event,
                  date: v.date || null,
                  dateOwner: v.date ? (v.dateOwner as "customer" | "ours") : null,
                },
                targetDate: v.targetDate || null,
              },
              { onSuccess: () => setEditing(false) },
            ),
          )}
        >
          <Stack gap="sm">
            <LongText
              label="The event that makes change necessary"
              autosize
              {...form.getInputProps("event")}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput type="date" label="The date behind 'why now'" {...form.getInputProps("date")} />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  Whose date is it?
                </Text>
                <SegmentedControl
                  data={[
                    { value: "customer", label: "The customer's" },
                    { value: "ours", label: "Ours" },
                  ]}
                  {...form.getInputProps("dateOwner")}
                />
              </Stack>
              <TextInput type="date" label="They want to decide by" {...form.getInputProps("targetDate")} />
            </SimpleGrid>
            <FormActions onCancel={() => setEditing(false)} update={update} />
          </Stack>
        </form>
      ) : (
        <>
          <Fact
            label="Trigger"
            value={decision.trigger.event}
            missing="We don't know what makes them act now."
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Fact
              label="Date behind 'why now'"
              value={
                decision.trigger.date
                  ? `${date(decision.trigger.date)} (${decision.trigger.dateOwner === "ours" ? "our date" : "the customer's date"})`
                  : null
              }
              missing="No date"
            />
            <Fact
              label="They want to decide by"
              value={decision.targetDate ? date(decision.targetDate) : null}
              missing="No target date"
            />
          </SimpleGrid>
        </>
      )}
    </Section>
  );
}
