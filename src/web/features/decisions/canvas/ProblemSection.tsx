import { Select, SimpleGrid } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { DecisionDetail } from "../../../../contract/decisions.ts";
import { LongText } from "../../../components/LongText.tsx";
import { ProblemVerdict } from "../../corrections/ProblemVerdict.tsx";
import { useUpdateDecision } from "../api.ts";
import { Fact, FormActions, Section } from "./Section.tsx";

export function stakeholderOptions(decision: DecisionDetail) {
  return decision.involvements.map((i) => ({
    value: i.stakeholderId,
    label: `${i.stakeholderName}${i.stakeholderTitle ? ` (${i.stakeholderTitle})` : ""}`,
  }));
}

export function nameOf(decision: DecisionDetail, stakeholderId: string | null) {
  return decision.involvements.find((i) => i.stakeholderId === stakeholderId)?.stakeholderName ?? null;
}

export function ProblemSection({ decision }: { decision: DecisionDetail }) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateDecision(decision);
  const form = useForm({ initialValues: decision.problem });
  const edit = () => {
    form.setValues(decision.problem);
    update.begin();
    setEditing(true);
  };
  return (
    <Section
      title="The problem"
      question="What problem is the customer trying to solve — in their words?"
      canEdit={decision.canEdit}
      editing={editing}
      onEdit={edit}
      testId="section-problem"
    >
      {editing ? (
        <form
          onSubmit={form.onSubmit((values) =>
            update.mutate({ problem: values }, { onSuccess: () => setEditing(false) }),
          )}
        >
          <LongText
            label="Problem statement"
            autosize
            minRows={3}
            {...form.getInputProps("statement")}
            value={form.values.statement ?? ""}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
            <Select
              label="Who said it"
              placeholder={
                decision.involvements.length ? "Pick a stakeholder" : "Add stakeholders below first"
              }
              clearable
              data={stakeholderOptions(decision)}
              {...form.getInputProps("saidBy")}
            />
          </SimpleGrid>
          <LongText
            label="Root cause — why does it happen?"
            autosize
            mt="sm"
            {...form.getInputProps("rootCause")}
            value={form.values.rootCause ?? ""}
          />
          <LongText
            label="How do they do it today, and why that way?"
            autosize
            mt="sm"
            mb="sm"
            {...form.getInputProps("currentApproach")}
            value={form.values.currentApproach ?? ""}
          />
          <FormActions onCancel={() => setEditing(false)} update={update} />
        </form>
      ) : (
        <>
          <Fact label="In their words" value={decision.problem.statement} missing="Not written down yet." />
          {decision.problem.statement && <ProblemVerdict statement={decision.problem.statement} />}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Fact
              label="Said by"
              value={nameOf(decision, decision.problem.saidBy)}
              missing="No one at the customer yet"
            />
            <Fact label="Root cause" value={decision.problem.rootCause} missing="Unknown" />
            <Fact label="How they do it today" value={decision.problem.currentApproach} missing="Unknown" />
          </SimpleGrid>
        </>
      )}
    </Section>
  );
}
