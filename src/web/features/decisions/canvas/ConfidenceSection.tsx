import { Group, Rating, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { DecisionDetail } from "../../../../contract/decisions.ts";
import { CONFIDENCE_POINTS, type ConfidencePoint, OUTCOMES } from "../../../../domain/decision/model.ts";
import { date, label } from "../../../lib/format.ts";
import { useUpdateDecision } from "../api.ts";
import { Fact, FormActions, Section } from "./Section.tsx";

const POINTS: Record<ConfidencePoint, string> = {
  problem: "They understand the problem",
  solution: "They understand the solution",
  risks: "They understand the risks and how they are handled",
  me: "Each knows what it means for them",
  agreement: "Their organization agrees",
};

export function ConfidenceSection({ decision }: { decision: DecisionDetail }) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateDecision(decision);
  const toForm = () => ({
    confidence: { ...decision.sellerConfidence },
    outcome: decision.outcome as string,
    outcomeReason: decision.outcomeReason ?? "",
    outcomeDate: decision.outcomeDate ?? "",
  });
  const form = useForm({ initialValues: toForm() });
  return (
    <Section
      title="Confidence and outcome"
      question="How confident are they — in the problem, the solution, the risks and what it means to them? Until buyers check in themselves, this is our estimate."
      canEdit={decision.canEdit}
      editing={editing}
      onEdit={() => {
        form.setValues(toForm());
        setEditing(true);
      }}
      testId="section-confidence"
    >
      {editing ? (
        <form
          onSubmit={form.onSubmit((v) =>
            update.mutate(
              {
                sellerConfidence: v.confidence,
                outcome: v.outcome as (typeof OUTCOMES)[number],
                outcomeReason: v.outcomeReason || null,
                outcomeDate: v.outcome === "open" ? null : v.outcomeDate || null,
              },
              { onSuccess: () => setEditing(false) },
            ),
          )}
        >
          <Stack gap="sm">
            {CONFIDENCE_POINTS.map((point) => (
              <Group key={point} justify="space-between">
                <Text size="sm">{POINTS[point]}</Text>
                <Rating
                  value={form.values.confidence[point] ?? 0}
                  onChange={(value) => form.setFieldValue(`confidence.${point}`, value)}
                  aria-label={POINTS[point]}
                />
              </Group>
            ))}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Outcome"
                data={OUTCOMES.map((o) => ({ value: o, label: label(o) }))}
                allowDeselect={false}
                {...form.getInputProps("outcome")}
              />
              {form.values.outcome !== "open" && (
                <TextInput type="date" label="Decided on" {...form.getInputProps("outcomeDate")} />
              )}
            </SimpleGrid>
            {form.values.outcome !== "open" && (
              <Textarea
                label="Why — in the customer's words"
                autosize
                {...form.getInputProps("outcomeReason")}
              />
            )}
            <FormActions onCancel={() => setEditing(false)} saving={update.isPending} />
          </Stack>
        </form>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4}>
            {CONFIDENCE_POINTS.map((point) => (
              <Group key={point} justify="space-between" wrap="nowrap">
                <Text size="sm">{POINTS[point]}</Text>
                <Rating value={decision.sellerConfidence[point] ?? 0} readOnly size="sm" />
              </Group>
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Our estimate — unconfirmed until the buyers rate it themselves.
          </Text>
          <Fact
            label="Outcome"
            value={
              decision.outcome === "open"
                ? "Open"
                : `${label(decision.outcome)} on ${date(decision.outcomeDate)}${decision.outcomeReason ? ` — ${decision.outcomeReason}` : ""}`
            }
            missing=""
          />
        </>
      )}
    </Section>
  );
}
