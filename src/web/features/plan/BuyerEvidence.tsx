import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { DecisionDetail } from "../../../contract/decisions.ts";
import { CONFIDENCE_POINTS } from "../../../domain/decision/model.ts";
import { notifyError } from "../../lib/errors.ts";
import { CONFIDENCE_SHORT, dateTime, label } from "../../lib/format.ts";
import { activityQuery, consensusQuery, correctionsQuery, useResolveCorrection } from "./api.ts";

const STANCE_COLOR: Record<string, string> = {
  supports: "teal",
  neutral: "gray",
  doubts: "orange",
  opposes: "red",
  unknown: "gray",
};
const RATING_LABELS = CONFIDENCE_POINTS.map((point) => [point, CONFIDENCE_SHORT[point]] as const);

/** What the buyers said themselves: their check-ins beside our reading of their stance, corrections, activity. */
export function BuyerEvidence({ decision }: { decision: DecisionDetail }) {
  const consensus = useQuery(consensusQuery(decision.id));
  const corrections = useQuery(correctionsQuery(decision.id));
  const activity = useQuery(activityQuery(decision.id));
  const resolve = useResolveCorrection(decision.id, {
    onError: (e) => notifyError(e, "Could not resolve the correction"),
  });
  const proposals = (corrections.data?.items ?? []).filter((c) => c.status === "proposed");
  return (
    <Stack>
      {proposals.map((c) => (
        <Alert
          key={c.id}
          color="grape"
          variant="light"
          title={`${c.proposedBy ?? "A buyer"}${c.verified ? "" : " (unverified)"} sees the problem differently`}
          data-testid="correction"
        >
          <Text size="sm" mb="xs" style={{ whiteSpace: "pre-wrap" }}>
            {c.text}
          </Text>
          {decision.canEdit && (
            <Group gap="xs">
              <Button
                size="xs"
                onClick={() => resolve.mutate({ id: c.id, version: c.version, status: "accepted" })}
              >
                Use their words
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => resolve.mutate({ id: c.id, version: c.version, status: "dismissed" })}
              >
                Dismiss
              </Button>
            </Group>
          )}
        </Alert>
      ))}
      <Paper withBorder p="lg" data-testid="consensus">
        <Title order={4}>Consensus and confidence</Title>
        <Text size="sm" c="dimmed" mb="sm">
          Our reading of each person's stance beside their own check-in (1–5).
        </Text>
        {(consensus.data?.divergences ?? []).map((d) => (
          <Alert key={d} color="orange" variant="light" mb="xs" data-testid="divergence">
            {d}
          </Alert>
        ))}
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Our reading</Table.Th>
                {RATING_LABELS.map(([, l]) => (
                  <Table.Th key={l}>{l}</Table.Th>
                ))}
                <Table.Th>Trend</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(consensus.data?.people ?? []).map((p) => (
                <Table.Tr key={p.name}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.role ? label(p.role) : "named themselves"}
                    </Text>
                    {p.latest && !p.latest.verified && <Unverified />}
                  </Table.Td>
                  <Table.Td>
                    {p.stance ? (
                      <Group gap={4}>
                        {(["problem", "timing"] as const).map((point) => (
                          <Badge key={point} size="xs" color={STANCE_COLOR[p.stance![point]]} variant="light">
                            {point}: {p.stance![point]}
                          </Badge>
                        ))}
                      </Group>
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                  {RATING_LABELS.map(([key]) => (
                    <Table.Td key={key}>
                      {p.latest ? (
                        <Text
                          fw={600}
                          c={
                            p.latest.ratings[key] <= 2
                              ? "red"
                              : p.latest.ratings[key] >= 4
                                ? "teal"
                                : undefined
                          }
                        >
                          {p.latest.ratings[key]}
                        </Text>
                      ) : (
                        <Text c="dimmed">·</Text>
                      )}
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {p.history.length
                        ? p.history.map((h) => h.average.toFixed(1)).join(" → ")
                        : "no check-in"}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="lg" data-testid="buyer-activity">
        <Title order={4} mb="xs">
          Buyer activity
        </Title>
        {(activity.data?.items ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing from the buyers yet.
          </Text>
        ) : (
          <Stack gap={4}>
            {activity.data!.items.map((a) => (
              <Text key={a.id} size="sm">
                <Text span size="xs" c="dimmed">
                  {dateTime(a.at)} ·{" "}
                </Text>
                {a.summary}
              </Text>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}

/** A check-in through a general link: the name is only what the buyer typed. */
export function Unverified() {
  return (
    <Badge size="xs" variant="outline" color="gray" title="Sent through a general link: the name is as typed">
      unverified
    </Badge>
  );
}
