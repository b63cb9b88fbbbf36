import { Badge, Button, Checkbox, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { RoomView } from "../../../contract/room.ts";
import { date } from "../../lib/format.ts";
import type { RoomAct, Speaker } from "./api.ts";
import { RoomSection } from "./RoomSection.tsx";

/** The customer's plan to a decision: they tick their own steps and comment on any. */
export function PlanSection({ view, act, speaker }: { view: RoomView; act: RoomAct; speaker: Speaker }) {
  const [comments, setComments] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<string | null>(null);
  return (
    <RoomSection title="Your plan to a decision" testId="room-plan">
      {view.plan.projectedDecisionDate && (
        <Text size="sm" c="dimmed" mb="sm">
          At the current pace: a decision by {date(view.plan.projectedDecisionDate)}.
        </Text>
      )}
      <Stack gap="sm">
        {view.plan.steps.length === 0 && (
          <Text c="dimmed" size="sm">
            No steps yet.
          </Text>
        )}
        {view.plan.steps.map((step) => (
          <Paper key={step.id} withBorder p="sm" data-testid="room-step">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              {step.canTick ? (
                <Checkbox
                  checked={step.status === "done"}
                  onChange={(e) =>
                    act.mutate({
                      path: `/steps/${step.id}/status`,
                      body: {
                        status: e.currentTarget.checked ? "done" : "in_progress",
                        ...speaker(false),
                      },
                    })
                  }
                  label={
                    <Text fw={500} td={step.status === "done" ? "line-through" : undefined}>
                      {step.title}
                    </Text>
                  }
                  aria-label={`Done: ${step.title}`}
                />
              ) : (
                <Text fw={500}>{step.title}</Text>
              )}
              <Badge
                variant="light"
                color={step.ownerSide === "us" ? "cyan" : step.ownerSide === "both" ? "gray" : "grape"}
                style={{ flexShrink: 0 }}
              >
                {step.ownerSide === "us" ? "ours" : step.ownerSide === "both" ? "together" : "yours"}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {[step.ownerName, step.dueDate && `by ${date(step.dueDate)}`, step.status.replace("_", " ")]
                .filter(Boolean)
                .join(" · ")}
            </Text>
            {step.comments.map((c) => (
              <Text key={`${c.at}-${c.authorName}`} size="sm" mt={4}>
                <b>{c.authorName}:</b> {c.body}
              </Text>
            ))}
            <Group mt={6} gap="xs" wrap="nowrap">
              <TextInput
                size="xs"
                style={{ flex: 1 }}
                placeholder="Add a comment"
                maxLength={2000}
                aria-label={`Comment on ${step.title}`}
                value={comments[step.id] ?? ""}
                onChange={(e) => setComments({ ...comments, [step.id]: e.currentTarget.value })}
              />
              <Button
                size="xs"
                variant="light"
                disabled={!comments[step.id]?.trim()}
                onClick={() => {
                  const who = speaker(true);
                  if (!who) return;
                  act.mutate(
                    { path: `/steps/${step.id}/comments`, body: { ...who, body: comments[step.id] ?? "" } },
                    {
                      onSuccess: () => {
                        setComments({ ...comments, [step.id]: "" });
                        setAdded(step.id);
                      },
                    },
                  );
                }}
              >
                Comment
              </Button>
            </Group>
            {added === step.id && (
              <Text size="xs" c="teal.8" mt={4} role="status">
                Comment added — {view.sellerName} will see it.
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
    </RoomSection>
  );
}
