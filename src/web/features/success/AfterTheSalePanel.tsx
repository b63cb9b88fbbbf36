import { Alert, Badge, Button, Group, Modal, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { DecisionDetail } from "../../../contract/decisions.ts";
import type { SuccessMeasure, SuccessView } from "../../../contract/success.ts";
import { notifyError } from "../../lib/errors.ts";
import { successQuery, useRecordReport, useRemoveMeasure } from "./api.ts";
import { AddMeasureModal, EditMeasureModal } from "./MeasureModal.tsx";
import { agreed, ReportForm } from "./ReportForm.tsx";

export const DELIVERY_COLOR = {
  none: "gray",
  delivered: "teal",
  missed: "red",
  awaiting: "orange",
  in_progress: "blue",
} as const;

const STATE_WORDS: Record<SuccessMeasure["state"], [string, string]> = {
  not_due: ["Not due", "gray"],
  on_the_way: ["On the way", "blue"],
  awaiting: ["Ask the customer", "orange"],
  met: ["Reached", "teal"],
  partly: ["Partly — missed", "red"],
  missed: ["Missed", "red"],
};

const AGAIN_WORDS = {
  yes: "would decide the same again",
  unsure: "is unsure",
  no: "would not decide the same again",
};

function MeasureRow({ m, canEdit, decisionId }: { m: SuccessMeasure; canEdit: boolean; decisionId: string }) {
  const [editing, setEditing] = useState(false);
  const remove = useRemoveMeasure(decisionId);
  const [words, color] = STATE_WORDS[m.state];
  return (
    <Stack gap={4} data-testid="success-measure">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600} size="sm">
          {m.measure}
        </Text>
        <Badge color={color} variant={m.flagged ? "filled" : "light"}>
          {words}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        Agreed: {agreed(m)}
      </Text>
      {m.progress !== null && (
        <Progress
          value={Math.max(0, Math.min(100, m.progress * 100))}
          color={color}
          size="sm"
          aria-label={`${m.measure}: ${Math.round(m.progress * 100)}% of the way from baseline to target`}
        />
      )}
      <Text size="sm">{m.why}</Text>
      {canEdit && (
        <Group gap="xs">
          <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
            Change
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={() =>
              remove.mutate(m, { onError: (e) => notifyError(e, "The measure was not removed") })
            }
          >
            Remove
          </Button>
        </Group>
      )}
      {editing && <EditMeasureModal measure={m} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

function Reports({ view }: { view: SuccessView }) {
  if (view.reports.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={5}>What the customer said</Title>
      {view.reports.map((r) => (
        <Paper key={r.id} withBorder p="xs" data-testid="success-report">
          <Text size="sm">
            <b>{r.reporterName}</b>
            {r.verified ? "" : " (unverified)"} {AGAIN_WORDS[r.decideAgain]}
            {r.recordedBy ? ` — recorded by ${r.recordedBy}` : " — in the buyer room"},{" "}
            {new Date(r.createdAt).toLocaleDateString()}.
          </Text>
          {r.values.map((v) => (
            <Text key={v.measureId} size="xs">
              {v.measure}: {v.value} (
              {v.reached === "yes" ? "reached" : v.reached === "partly" ? "partly" : "not yet"})
            </Text>
          ))}
          {r.inTheWay && (
            <Text size="xs" c="dimmed">
              In the way: {r.inTheWay}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

function RecordReport({
  decisionId,
  view,
  onClose,
}: {
  decisionId: string;
  view: SuccessView;
  onClose: () => void;
}) {
  const record = useRecordReport(decisionId, { onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title="Record what the customer said" size="lg">
      <ReportForm
        measures={view.measures}
        nameLabel="Who said it"
        submitLabel="Record"
        pending={record.isPending}
        refused={record.error}
        onSubmit={({ name, ...body }) => record.mutate({ ...body, reporterName: name })}
      />
    </Modal>
  );
}

/**
 * After the sale: did the decision deliver what the customer sought? The success measures agreed at the win,
 * each judged on the customer's own word at its date, and what they reported.
 */
export function AfterTheSalePanel({ decision }: { decision: DecisionDetail }) {
  const { data: view } = useQuery(successQuery(decision.id));
  const [adding, setAdding] = useState(false);
  const [recording, setRecording] = useState(false);
  if (!view || (!view.won && view.measures.length === 0)) return null;
  const canEdit = decision.canEdit && view.won;
  return (
    <Paper withBorder p="md" component="section" aria-label="After the sale" id="section-after-sale">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>After the sale: did it deliver?</Title>
          <Badge size="lg" color={DELIVERY_COLOR[view.delivery]} data-testid="delivery">
            {view.deliveryWords}
          </Badge>
        </Group>
        <Text size="sm">{view.why}</Text>
        {view.delivery === "missed" && (
          <Alert color="red" variant="light" title="A promised outcome was missed">
            Talk with the customer about what got in the way, and what would still get them there.
          </Alert>
        )}
        {view.measures.map((m) => (
          <MeasureRow key={m.id} m={m} canEdit={canEdit} decisionId={decision.id} />
        ))}
        <Text size="xs" c="dimmed">
          From each measure's date the buyer room asks the customer where it stands (and mails the decision's
          people, when email is on). Share the room from "Plan and buyer room".
        </Text>
        {canEdit && (
          <Group gap="xs">
            <Button size="compact-sm" variant="light" onClick={() => setAdding(true)}>
              Add a measure
            </Button>
            {view.measures.length > 0 && (
              <Button size="compact-sm" variant="default" onClick={() => setRecording(true)}>
                Record what the customer said
              </Button>
            )}
          </Group>
        )}
        <Reports view={view} />
      </Stack>
      {adding && <AddMeasureModal decisionId={decision.id} onClose={() => setAdding(false)} />}
      {recording && <RecordReport decisionId={decision.id} view={view} onClose={() => setRecording(false)} />}
    </Paper>
  );
}
