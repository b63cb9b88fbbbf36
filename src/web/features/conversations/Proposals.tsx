import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { Conversation, Proposal } from "../../../contract/conversations.ts";
import { costToRecord, statedCost } from "../../../domain/conversations/cost.ts";
import { notifyError } from "../../lib/errors.ts";
import { money } from "../../lib/format.ts";
import { useResolveProposal } from "./api.ts";

const KIND = {
  problem: { label: "Their problem", becomes: "the problem, in their words" },
  impact: { label: "What it costs", becomes: "the cost of waiting, confirmed by them" },
  concern: { label: "Their concern", becomes: "a concern of theirs" },
  next_step: { label: "Agreed next step", becomes: "a step in the plan" },
} as const;

const clock = (seconds: number | null) =>
  seconds === null
    ? ""
    : ` at ${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, "0")}`;

/** What accepting a cost statement does to the decision's cost of inaction, in the seller's words. */
function CostNote({ text, currency }: { text: string; currency: string }) {
  const stated = statedCost(text);
  if (!stated) return null;
  const figure = `${money(stated.amount, stated.currency)} a ${stated.period}`;
  return (
    <Text size="xs" c="dimmed" data-testid="cost-note">
      {costToRecord(text, currency)
        ? `Accepting sets the recurring cost of inaction to ${figure}, their figure.`
        : `Their figure, ${figure}, is not in ${currency}: it stays in their words, not in the cost of inaction.`}
    </Text>
  );
}

function ProposalCard({
  decisionId,
  currency,
  proposal,
}: {
  decisionId: string;
  currency: string;
  proposal: Proposal;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(proposal.text);
  const resolve = useResolveProposal(decisionId, {
    onSuccess: (_, { body }) =>
      notifications.show({
        color: "teal",
        message:
          body.status === "accepted"
            ? `Added to the decision as ${KIND[proposal.kind].becomes}.`
            : "Dismissed.",
      }),
    onError: (error) => notifyError(error, "Could not save that"),
  });
  const answer = (status: "accepted" | "dismissed") =>
    resolve.mutate({
      id: proposal.id,
      body: {
        version: proposal.version,
        status,
        ...(status === "accepted" && text !== proposal.text ? { text } : {}),
      },
    });
  return (
    <Paper withBorder p="sm" data-testid="proposal">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ flex: 1 }}>
          <Group gap="xs">
            <Badge size="sm" variant="light">
              {KIND[proposal.kind].label}
            </Badge>
            <Text size="xs" c="dimmed">
              {proposal.noteLine !== null
                ? `${proposal.speaker || "Not said who"} · from your notes, line ${proposal.noteLine}`
                : `${proposal.speaker}${proposal.turn ? `, turn ${proposal.turn}` : ""}${clock(proposal.at)}`}
            </Text>
          </Group>
          {editing ? (
            <Textarea
              aria-label="Their words"
              autosize
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
          ) : (
            <Text size="sm">“{text}”</Text>
          )}
          {proposal.kind === "impact" && proposal.status === "proposed" && (
            <CostNote text={text} currency={currency} />
          )}
        </Stack>
        {proposal.status === "proposed" ? (
          <Group gap={6} wrap="nowrap">
            <Button size="xs" onClick={() => answer("accepted")} loading={resolve.isPending}>
              Accept
            </Button>
            {!editing && (
              <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
            <Button size="xs" variant="subtle" color="gray" onClick={() => answer("dismissed")}>
              Dismiss
            </Button>
          </Group>
        ) : (
          <Badge color={proposal.status === "accepted" ? "teal" : "gray"} variant="light">
            {proposal.status}
          </Badge>
        )}
      </Group>
    </Paper>
  );
}

/** What the conversation taught, proposed as evidence: the seller accepts, edits or dismisses each. */
export function Proposals({
  decisionId,
  currency,
  conversation,
}: {
  decisionId: string;
  currency: string;
  conversation: Conversation;
}) {
  const open = conversation.proposals.filter((p) => p.status === "proposed");
  return (
    <Paper withBorder p="lg" data-testid="proposals">
      <Title order={5}>What the customer told you</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {open.length
          ? "Their own sentences, attributed to who said them. Accepted ones go into the decision as their evidence."
          : "Nothing waiting: everything this conversation taught has been accepted or dismissed."}
      </Text>
      <Stack gap="xs">
        {conversation.proposals.map((p) => (
          <ProposalCard key={p.id} decisionId={decisionId} currency={currency} proposal={p} />
        ))}
      </Stack>
    </Paper>
  );
}
