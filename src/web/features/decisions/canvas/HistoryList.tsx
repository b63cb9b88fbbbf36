import { Paper, Text, Timeline } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { dateTime } from "../../../lib/format.ts";
import { historyQuery } from "../api.ts";

const VERBS = { create: "added", update: "changed", delete: "deleted", restore: "restored" } as const;

function changedFields(before: unknown, after: unknown) {
  if (!before || !after || typeof before !== "object" || typeof after !== "object") return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(a).filter(
    (key) =>
      ![
        "version",
        "updatedAt",
        "readiness",
        "milestone",
        "weakestDimension",
        "costOfWaitingMonthly",
      ].includes(key) && JSON.stringify(a[key]) !== JSON.stringify(b[key]),
  );
}

/** Every change to the decision and its parts, newest first: who, when, what. */
export function HistoryList({ decisionId }: { decisionId: string }) {
  const { data } = useQuery(historyQuery(decisionId));
  return (
    <Paper withBorder p="lg">
      <Timeline bulletSize={14} lineWidth={2}>
        {(data?.items ?? []).map((entry) => {
          const fields = changedFields(entry.before, entry.after);
          return (
            <Timeline.Item
              key={entry.id}
              title={`${entry.memberName ?? entry.via ?? "Someone"} ${VERBS[entry.action as keyof typeof VERBS] ?? entry.action} the ${entry.entity}`}
            >
              {fields.length > 0 && (
                <Text size="xs" c="dimmed">
                  {fields.join(", ")}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {dateTime(entry.at)}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}
