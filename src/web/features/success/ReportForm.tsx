import { Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import type { z } from "zod";
import type { roomSuccess } from "../../../contract/success.ts";
import { showErrorsOn } from "../../lib/errors.ts";

type Measure = z.infer<typeof roomSuccess>["measures"][number];
type Reached = "yes" | "partly" | "no";
type DecideAgain = "yes" | "unsure" | "no";

export interface ReportValues {
  name: string;
  values: { measureId: string; value: string; reached: Reached }[];
  decideAgain: DecideAgain;
  inTheWay: string | null;
}

const REACHED = [
  { value: "yes", label: "Reached" },
  { value: "partly", label: "Partly" },
  { value: "no", label: "Not yet" },
];
const AGAIN = [
  { value: "yes", label: "Yes" },
  { value: "unsure", label: "Not sure" },
  { value: "no", label: "No" },
];

/** "12 days → 5 days by 2027-03-01": what was agreed for one measure. */
export const agreed = (m: { baseline: string | null; target: string | null; dueOn: string }) =>
  [m.baseline && `from ${m.baseline}`, m.target && `to ${m.target}`, `by ${m.dueOn}`]
    .filter(Boolean)
    .join(" ");

/**
 * Where each success measure stands now, whether they would decide the same again and what got in the way —
 * asked of the customer in the buyer room, or recorded by the seller from what the customer said.
 */
export function ReportForm({
  measures,
  nameLabel,
  submitLabel,
  pending,
  onSubmit,
  refused,
}: {
  measures: Measure[];
  /** Who said it: asked when the form cannot know (a general link, a seller recording a call). */
  nameLabel: string | null;
  submitLabel: string;
  pending: boolean;
  onSubmit: (values: ReportValues) => void;
  /** The server's refusal of the last submit, shown on the fields it names. */
  refused: unknown;
}) {
  const form = useForm({
    initialValues: {
      name: "",
      values: measures.map((m) => ({ measureId: m.id, value: "", reached: "" as Reached | "" })),
      decideAgain: "" as DecideAgain | "",
      inTheWay: "",
    },
    validate: {
      name: (v) => (nameLabel && !v.trim() ? "Tell us your name" : null),
      decideAgain: (v) => (v ? null : "Choose one"),
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: shown once per refusal, not on every render
  useEffect(() => {
    if (refused) showErrorsOn(form, refused, "Not sent", (path) => path.replace(/^body\./, ""));
  }, [refused]);
  const submit = form.onSubmit((v) => {
    const given = v.values.filter((x) => x.value.trim() && x.reached);
    if (given.length === 0) {
      form.setFieldError(
        "values.0.value",
        "Say where at least one measure stands, and whether it reached its target",
      );
      return;
    }
    onSubmit({
      name: v.name,
      values: given.map((x) => ({ ...x, reached: x.reached as Reached })),
      decideAgain: v.decideAgain as DecideAgain,
      inTheWay: v.inTheWay.trim() || null,
    });
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {measures.map((m, i) => (
          <Paper key={m.id} withBorder p="sm" data-testid="report-measure">
            <Stack gap={6}>
              <Text fw={600} size="sm">
                {m.measure}
              </Text>
              <Text size="xs" c="dimmed">
                Agreed: {agreed(m)}
                {m.latest ? ` · last said: ${m.latest.value} (${m.latest.by}, ${m.latest.on})` : ""}
              </Text>
              <Group align="flex-end" grow>
                <TextInput
                  label="Where it stands now"
                  placeholder="e.g. 6 days"
                  maxLength={200}
                  {...form.getInputProps(`values.${i}.value`)}
                />
                <Stack gap={4}>
                  <Text size="sm" fw={500} id={`reached-${m.id}`}>
                    Target reached?
                  </Text>
                  <SegmentedControl
                    data={REACHED}
                    aria-labelledby={`reached-${m.id}`}
                    {...form.getInputProps(`values.${i}.reached`)}
                  />
                </Stack>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="decide-again">
            Knowing what you know now, would you decide the same again?
          </Text>
          <SegmentedControl
            data={AGAIN}
            aria-labelledby="decide-again"
            {...form.getInputProps("decideAgain")}
          />
          {form.errors.decideAgain && (
            <Text size="xs" c="red.8">
              {form.errors.decideAgain}
            </Text>
          )}
        </Stack>
        <Textarea
          label="What got in the way?"
          description="Anything that slowed it down or stopped it: it helps us help the next customer."
          autosize
          minRows={2}
          maxLength={10_000}
          {...form.getInputProps("inTheWay")}
        />
        {nameLabel && (
          <TextInput label={nameLabel} required maxLength={200} {...form.getInputProps("name")} />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
