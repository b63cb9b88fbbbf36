import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import type { DecisionDetail } from "../../../../contract/decisions.ts";
import { costOfWaiting } from "../../../../domain/decision/cost-of-waiting.ts";
import { PERIODS, type Period } from "../../../../domain/decision/model.ts";
import { LongText } from "../../../components/LongText.tsx";
import { amountError, MoneyInput } from "../../../components/MoneyInput.tsx";
import { money, toMajor, toMinor } from "../../../lib/format.ts";
import { useUpdateDecision } from "../api.ts";
import { nameOf, stakeholderOptions } from "./ProblemSection.tsx";
import { Fact, FormActions, Section } from "./Section.tsx";

interface ImpactForm {
  amount: number | string;
  period: Period;
  risks: { description: string; amount: number | string; likelihood: number | string }[];
  assumptions: string;
  confirmedBy: string | null;
}

/** The running cost of waiting, from the same function the server's readiness uses. */
function CostOfWaiting({
  quantified,
  perMonth,
  untilTarget,
  months,
  currency,
  ask,
}: {
  quantified: boolean;
  perMonth: number;
  untilTarget: number;
  months: number;
  currency: string;
  /** The question that would quantify it. */
  ask: string;
}) {
  if (!quantified)
    return (
      <Paper bg="gray.0" p="md" radius="md" data-testid="cost-of-waiting" data-quantified="false">
        <Text size="xs" fw={600} tt="uppercase">
          Cost of waiting
        </Text>
        <Text fz={20} fw={700}>
          Not quantified yet
        </Text>
        <Text size="sm">Ask: “{ask}”</Text>
      </Paper>
    );
  return (
    <Paper bg="red.0" p="md" radius="md" data-testid="cost-of-waiting">
      <SimpleGrid cols={2}>
        <div>
          <Text size="xs" fw={600} c="red.9" tt="uppercase">
            Cost of waiting
          </Text>
          <Text fz={24} fw={700} c="red.9">
            {money(perMonth, currency)}
            <Text span size="sm" fw={500}>
              {" "}
              / month
            </Text>
          </Text>
        </div>
        <div>
          <Text size="xs" fw={600} c="red.9" tt="uppercase">
            Until the target date
          </Text>
          <Text fz={24} fw={700} c="red.9">
            {months > 0 ? money(untilTarget, currency) : "—"}
          </Text>
          <Text size="xs" c="red.9">
            {months > 0 ? `${months} months from today` : "Set a target date to size it"}
          </Text>
        </div>
      </SimpleGrid>
    </Paper>
  );
}

export function ImpactSection({ decision }: { decision: DecisionDetail }) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateDecision(decision);
  const { impact, currency } = decision;
  const toForm = (): ImpactForm => ({
    amount: impact.recurringCost ? toMajor(impact.recurringCost.amount, currency) : "",
    period: impact.recurringCost?.period ?? "month",
    risks: impact.risks.map((r) => ({ ...r, amount: toMajor(r.amount, currency) })),
    assumptions: impact.assumptions ?? "",
    confirmedBy: impact.confirmedBy,
  });
  const form = useForm<ImpactForm>({
    initialValues: toForm(),
    validate: {
      amount: (v) => amountError(v, currency, "The recurring cost"),
      risks: {
        amount: (v) => amountError(v, currency, "A risk's amount"),
        likelihood: (v) =>
          v === "" || (Number(v) >= 0 && Number(v) <= 100) ? null : "Likelihood is a percentage, 0 to 100",
      },
    },
  });
  const live = costOfWaiting(
    {
      recurringCost:
        editing && Number(form.values.amount) > 0
          ? { amount: toMinor(Number(form.values.amount), currency), period: form.values.period }
          : editing
            ? null
            : impact.recurringCost,
      risks: impact.risks,
    },
    decision.targetDate,
    new Date(),
  );
  const save = (values: ImpactForm) =>
    update.mutate(
      {
        impact: {
          recurringCost:
            Number(values.amount) > 0
              ? { amount: toMinor(Number(values.amount), currency), period: values.period }
              : null,
          risks: values.risks
            .filter((r) => r.description.trim())
            .map((r) => ({
              description: r.description,
              amount: toMinor(Number(r.amount) || 0, currency),
              likelihood: Number(r.likelihood) || 0,
            })),
          assumptions: values.assumptions,
          confirmedBy: values.confirmedBy,
        },
      },
      { onSuccess: () => setEditing(false) },
    );

  return (
    <Section
      title="The cost of doing nothing"
      question="What happens if they don't solve it — and what does each month of waiting cost them?"
      canEdit={decision.canEdit}
      editing={editing}
      onEdit={() => {
        form.setValues(toForm());
        update.begin();
        setEditing(true);
      }}
      testId="section-impact"
    >
      <CostOfWaiting
        quantified={live.quantified}
        ask={
          decision.readinessDetail.dimensions
            .find((d) => d.key === "impact")
            ?.gaps.find((g) => g.key === "impact.no_cost")?.question ??
          "What does it cost you each month to keep things as they are?"
        }
        perMonth={live.perMonth}
        untilTarget={live.untilTarget}
        months={live.monthsToTarget}
        currency={currency}
      />
      {editing ? (
        <form onSubmit={form.onSubmit(save)}>
          <Stack gap="sm">
            <Group grow align="flex-end">
              <MoneyInput label={`Recurring cost (${currency})`} {...form.getInputProps("amount")} />
              <Select
                label="per"
                data={PERIODS.map((p) => ({ value: p, label: p }))}
                allowDeselect={false}
                {...form.getInputProps("period")}
              />
            </Group>
            <Text size="sm" fw={500}>
              One-off risks
            </Text>
            {form.values.risks.map((_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: risks have no id; their position is their identity while editing.
              <Group key={index} align="flex-end" wrap="nowrap">
                <TextInput
                  label="Risk"
                  style={{ flex: 2 }}
                  {...form.getInputProps(`risks.${index}.description`)}
                />
                <MoneyInput
                  label={`Amount (${currency})`}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`risks.${index}.amount`)}
                />
                <NumberInput
                  label="Likelihood %"
                  clampBehavior="none"
                  w={110}
                  {...form.getInputProps(`risks.${index}.likelihood`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={4}
                  aria-label="Remove risk"
                  onClick={() => form.removeListItem("risks", index)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              style={{ alignSelf: "flex-start" }}
              onClick={() => form.insertListItem("risks", { description: "", amount: 0, likelihood: 50 })}
            >
              Add a risk
            </Button>
            <LongText
              label="Assumptions behind the figures"
              autosize
              {...form.getInputProps("assumptions")}
            />
            <Select
              label="Confirmed by (customer side)"
              clearable
              data={stakeholderOptions(decision)}
              {...form.getInputProps("confirmedBy")}
            />
            <FormActions onCancel={() => setEditing(false)} update={update} />
          </Stack>
        </form>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Fact
              label="Recurring cost"
              value={
                impact.recurringCost
                  ? `${money(impact.recurringCost.amount, currency)} per ${impact.recurringCost.period}`
                  : null
              }
              missing="Not quantified yet"
            />
            <Fact
              label="Confirmed by"
              value={nameOf(decision, impact.confirmedBy)}
              missing="No one on the customer side yet"
            />
          </SimpleGrid>
          {impact.risks.length > 0 && (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>One-off risk</Table.Th>
                  <Table.Th>Amount</Table.Th>
                  <Table.Th>Likelihood</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {impact.risks.map((risk) => (
                  <Table.Tr key={risk.description}>
                    <Table.Td>{risk.description}</Table.Td>
                    <Table.Td>{money(risk.amount, currency)}</Table.Td>
                    <Table.Td>{risk.likelihood}%</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Fact label="Assumptions" value={impact.assumptions} missing="Not written down" />
        </>
      )}
    </Section>
  );
}
