import { Group, Rating, Select, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { DecisionDetail } from "../../../../contract/decisions.ts";
import { CONFIDENCE_POINTS, type ConfidencePoint, OUTCOMES } from "../../../../domain/decision/model.ts";
import { LongText } from "../../../components/LongText.tsx";
import { CONFIDENCE_SHORT, date, label } from "../../../lib/format.ts";
import { Unverified } from "../../plan/BuyerEvidence.tsx";
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
      question="How confident are they — in the problem, the solution, the risks and what it means to them? Their own check-ins count; until they check in, this is our estimate."
      canEdit={decision.canEdit}
      editing={editing}
      onEdit={() => {
        form.setValues(toForm());
        update.begin();
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
              <LongText
                label="Why — in the customer's words"
                autosize
                {...form.getInputProps("outcomeReason")}
              />
            )}
            <FormActions onCancel={() => setEditing(false)} update={update} />
          </Stack>
        </form>
      ) : (
        <>
          <ConfidenceView confidence={decision.confidence} />
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

const shortDate = (at: string) => date(at.slice(0, 10));
const ofFive = (value: number) => `${Number.isInteger(value) ? value : value.toFixed(1)} of 5`;

/** Buyers' own ratings first — combined and per person; our estimate below, clearly secondary. */
function ConfidenceView({ confidence }: { confidence: DecisionDetail["confidence"] }) {
  const fromBuyers = confidence.source === "buyers";
  const estimated = CONFIDENCE_POINTS.filter((p) => confidence.estimate[p] !== undefined);
  return (
    <Stack gap={4} data-testid="confidence" data-source={confidence.source}>
      <Text size="sm" fw={600}>
        {fromBuyers
          ? `What ${confidence.people.length === 1 ? "the buyer says" : `${confidence.people.length} buyers say`} in their own check-ins`
          : confidence.source === "our_estimate"
            ? "Our estimate — unconfirmed until the buyers rate it themselves"
            : "No one has rated their confidence yet — share the plan so buyers can check in"}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4}>
        {CONFIDENCE_POINTS.map((point) => {
          const value = confidence.points[point];
          return (
            <Group key={point} justify="space-between" wrap="nowrap">
              <Text size="sm">{POINTS[point]}</Text>
              <Group gap={6} wrap="nowrap">
                <Rating value={value ?? 0} fractions={fromBuyers ? 10 : 1} readOnly size="sm" />
                <Text size="xs" w={56} ta="right">
                  {value === null ? "—" : ofFive(value)}
                </Text>
              </Group>
            </Group>
          );
        })}
      </SimpleGrid>
      {fromBuyers && (
        <Table fz="xs" verticalSpacing={2} data-testid="confidence-people">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Buyer</Table.Th>
              {CONFIDENCE_POINTS.map((point) => (
                <Table.Th key={point}>{CONFIDENCE_SHORT[point]}</Table.Th>
              ))}
              <Table.Th>Checked in</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {confidence.people.map((person) => (
              <Table.Tr key={`${person.stakeholderId ?? person.name}`}>
                <Table.Td>
                  {person.name} {!person.verified && <Unverified />}
                </Table.Td>
                {CONFIDENCE_POINTS.map((point) => (
                  <Table.Td key={point}>{person.ratings[point]}</Table.Td>
                ))}
                <Table.Td>{shortDate(person.at)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {fromBuyers && estimated.length > 0 && (
        <Text size="xs" c="dimmed" data-testid="confidence-estimate">
          Our earlier estimate, for comparison:{" "}
          {estimated.map((p) => `${CONFIDENCE_SHORT[p].toLowerCase()} ${confidence.estimate[p]}`).join(", ")}.
        </Text>
      )}
    </Stack>
  );
}
