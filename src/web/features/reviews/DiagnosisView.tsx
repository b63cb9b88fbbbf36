import { Badge, Group, Stack, Text } from "@mantine/core";
import { IconMessageQuestion } from "@tabler/icons-react";
import type { DiagnosisView as Diagnosis } from "../../../contract/reviews.ts";

export const REASON_WORDS: Record<string, string> = {
  product_as_problem: "our product as their problem",
  our_loss: "our loss, not theirs",
  discount_reflex: "a discount as the answer",
  inbound_interest: "their interest in us as the reason",
  feature_checklist: "a feature checklist",
  our_process: "our process or forecast",
};

export function DiagnosisBadge({ label, reason }: Pick<Diagnosis, "label" | "reason">) {
  if (label === "customer")
    return (
      <Badge color="teal" variant="light">
        About the customer
      </Badge>
    );
  if (label === "vague")
    return (
      <Badge color="yellow" variant="light">
        Too vague to act on
      </Badge>
    );
  return (
    <Badge color="orange" variant="light">
      About us: {REASON_WORDS[reason ?? ""] ?? "seller-centric"}
    </Badge>
  );
}

/** Why an answer was read as it was, and the better question to take back to the customer. */
export function DiagnosisView({
  diagnosis,
}: {
  diagnosis: Pick<Diagnosis, "label" | "reason" | "explanation" | "suggestion" | "signals">;
}) {
  const signals = Object.entries(diagnosis.signals).flatMap(([kind, values]) =>
    (values as string[]).slice(0, 3).map((value) => ({ kind, value })),
  );
  return (
    <Stack gap={6} data-testid="diagnosis">
      <Group gap="xs">
        <DiagnosisBadge label={diagnosis.label} reason={diagnosis.reason} />
        {signals.slice(0, 6).map((s) => (
          <Badge key={`${s.kind}-${s.value}`} size="xs" variant="outline" color="gray">
            {s.kind === "causal" ? "cause" : s.kind}: {s.value}
          </Badge>
        ))}
      </Group>
      <Text size="sm" c="dimmed">
        {diagnosis.explanation}
      </Text>
      {diagnosis.label !== "customer" && (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconMessageQuestion
            size={16}
            color="var(--mantine-color-cyan-8)"
            style={{ marginTop: 2, flexShrink: 0 }}
          />
          <Text size="sm" c="cyan.9" fs="italic" data-testid="suggestion">
            Ask the customer: {diagnosis.suggestion}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
