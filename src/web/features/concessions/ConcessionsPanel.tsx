import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import type { Concession } from "../../../contract/concessions.ts";
import type { DecisionDetail } from "../../../contract/decisions.ts";
import { MoneyInput } from "../../components/MoneyInput.tsx";
import { notifyError, showErrorsOn } from "../../lib/errors.ts";
import { money, percent, toMinor } from "../../lib/format.ts";
import { concessionsQuery, useAskConcession, useDecideConcession, useWithdrawConcession } from "./api.ts";

const STATUS_COLOR = { requested: "orange", approved: "teal", declined: "gray" } as const;

function AskConcession({ decision, onClose }: { decision: DecisionDetail; onClose: () => void }) {
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { kind: "percent", size: "" as number | string, inReturn: "", reason: "" },
  });
  const ask = useAskConcession(decision.id, {
    onSuccess: onClose,
    onError: (error) =>
      showErrorsOn(form, error, "The concession was not asked for", (path) =>
        path === "body.amount" || path === "body.percent" ? "size" : path.replace(/^body\./, ""),
      ),
  });
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        ask.mutate({
          ...(v.kind === "percent"
            ? { percent: Number(v.size) }
            : { amount: toMinor(Number(v.size), decision.currency) }),
          inReturn: v.inReturn || null,
          reason: v.reason,
        }),
      )}
    >
      <Stack>
        <SegmentedControl
          data={[
            { value: "percent", label: "Share off" },
            { value: "amount", label: `Amount off (${decision.currency})` },
          ]}
          aria-label="A share or an amount off"
          {...form.getInputProps("kind")}
        />
        <MoneyInput label="How much off" required key={form.key("size")} {...form.getInputProps("size")} />
        <Textarea
          label="Why, in the customer's terms"
          required
          key={form.key("reason")}
          {...form.getInputProps("reason")}
        />
        <Textarea
          label="What they give in return"
          description="A longer term, a reference, paying up front — a concession given for nothing trains them to wait."
          key={form.key("inReturn")}
          {...form.getInputProps("inReturn")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={ask.isPending}>
            Ask for it
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Row({ c, decision }: { c: Concession; decision: DecisionDetail }) {
  const decide = useDecideConcession(decision.id);
  const withdraw = useWithdrawConcession(decision.id);
  const onError = { onError: (e: Error) => notifyError(e, "The concession did not change") };
  return (
    <Stack gap={2} data-testid="concession">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {c.percent !== null ? `${c.percent}% off` : `${money(c.amount, decision.currency)} off`}
          {c.depth !== null && c.percent === null ? ` (${percent(c.depth)})` : ""}
        </Text>
        <Badge size="sm" color={STATUS_COLOR[c.status]}>
          {c.status}
        </Badge>
      </Group>
      <Text size="sm">{c.reason}</Text>
      <Text size="xs" c={c.inReturn ? undefined : "orange.8"}>
        {c.inReturn ? `In return: ${c.inReturn}` : "Nothing asked in return."}
      </Text>
      <Text size="xs" c="dimmed">
        Asked by {c.requestedBy.name}
        {c.decidedBy ? ` · ${c.status} by ${c.decidedBy.name}` : ` · ${c.approverWhy}`}
      </Text>
      <Group gap="xs">
        {c.canDecide && (
          <>
            <Button
              size="compact-xs"
              onClick={() => decide.mutate({ concession: c, status: "approved" }, onError)}
            >
              Approve
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => decide.mutate({ concession: c, status: "declined" }, onError)}
            >
              Decline
            </Button>
          </>
        )}
        {decision.canEdit && (
          <Button size="compact-xs" variant="subtle" onClick={() => withdraw.mutate(c, onError)}>
            Withdraw
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** The concessions on a decision, asked for by its owner and approved as the workspace's policy says. */
export function ConcessionsPanel({ decision }: { decision: DecisionDetail }) {
  const [asking, { open, close }] = useDisclosure(false);
  const { data: items = [] } = useQuery(concessionsQuery(decision.id));
  return (
    <Paper withBorder p="md" component="section" aria-label="Concessions">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Concessions</Title>
          {decision.canEdit && decision.outcome === "open" && (
            <Button size="compact-sm" variant="light" onClick={open}>
              Ask for a concession
            </Button>
          )}
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            None. A discount helps a customer decide only when it answers a reason of theirs.
          </Text>
        ) : (
          items.map((c) => <Row key={c.id} c={c} decision={decision} />)
        )}
      </Stack>
      <Modal opened={asking} onClose={close} title="Ask for a concession">
        <AskConcession decision={decision} onClose={close} />
      </Modal>
    </Paper>
  );
}
