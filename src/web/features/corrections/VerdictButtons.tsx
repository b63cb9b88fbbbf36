import { Button, Group, Popover, Select, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Correction, CreateCorrectionBody } from "../../../contract/corrections.ts";
import type { DiagnosisView } from "../../../contract/reviews.ts";
import { showErrorsOn } from "../../lib/errors.ts";
import { meQuery } from "../auth/api.ts";
import { DiagnosisBadge, REASON_WORDS } from "../reviews/DiagnosisView.tsx";
import { useCorrectDiagnosis } from "./api.ts";

const LABELS = [
  { value: "customer", label: "About the customer" },
  { value: "vague", label: "Too vague to act on" },
  { value: "seller", label: "About us" },
];

/**
 * A manager's verdict on a diagnosis: agree in one click, or say which label and reason are right. Kept for
 * the workspace's agreement figures (Settings → Diagnostics) and as labelled answers to train on.
 */
export function VerdictButtons({
  question,
  answer,
  diagnosis,
  reviewId,
}: {
  question: CreateCorrectionBody["question"];
  answer: string;
  diagnosis: Pick<DiagnosisView, "label" | "reason">;
  reviewId?: string;
}) {
  const { data: me } = useSuspenseQuery(meQuery);
  const [given, setGiven] = useState<Correction | null>(null);
  const [open, setOpen] = useState(false);
  const form = useForm<{ label: string | null; reason: string | null }>({
    initialValues: { label: null, reason: null },
  });
  const { label, reason } = form.getValues();
  const verdict = useCorrectDiagnosis({
    onSuccess: (saved) => {
      setGiven(saved);
      setOpen(false);
    },
    onError: (error) => showErrorsOn(form, error, "Could not record that"),
  });
  if (me?.member.role === "seller" || !answer.trim()) return null;
  if (given)
    return (
      <Group gap={6} data-testid="verdict">
        <Text size="xs" c="dimmed">
          {given.agrees ? "You agreed." : "You said:"}
        </Text>
        {!given.agrees && <DiagnosisBadge label={given.label} reason={given.reason} />}
      </Group>
    );
  const send = (body: Pick<CreateCorrectionBody, "label" | "reason">) =>
    verdict.mutate({ question, answer, reviewId, ...body });
  return (
    <Group gap={6} data-testid="verdict">
      <Text size="xs" c="dimmed">
        Is this reading right?
      </Text>
      <Button
        size="compact-xs"
        variant="subtle"
        loading={verdict.isPending && !open}
        onClick={() =>
          send({
            label: diagnosis.label,
            reason:
              diagnosis.label === "seller" ? (diagnosis.reason as CreateCorrectionBody["reason"]) : null,
          })
        }
      >
        Agree
      </Button>
      <Popover opened={open} onChange={setOpen} position="bottom-start" withArrow trapFocus>
        <Popover.Target>
          <Button size="compact-xs" variant="subtle" color="orange" onClick={() => setOpen((o) => !o)}>
            Disagree
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs" w={280}>
            <Select
              label="The right reading"
              data={LABELS}
              {...form.getInputProps("label")}
              onChange={(value) => form.setValues({ label: value, reason: null })}
              comboboxProps={{ withinPortal: false }}
            />
            {label === "seller" && (
              <Select
                label="Why it is about us"
                data={Object.entries(REASON_WORDS).map(([value, words]) => ({ value, label: words }))}
                {...form.getInputProps("reason")}
                comboboxProps={{ withinPortal: false }}
              />
            )}
            <Group justify="flex-end">
              <Button
                size="xs"
                disabled={!label}
                loading={verdict.isPending}
                onClick={() =>
                  send({
                    label: label as CreateCorrectionBody["label"],
                    reason: label === "seller" ? (reason as CreateCorrectionBody["reason"]) : null,
                  })
                }
              >
                Save the right reading
              </Button>
            </Group>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
