import { Anchor, Paper, Stack, Text, Timeline } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { dateTime } from "../../../lib/format.ts";
import { historyQuery } from "../api.ts";
import type { DecisionTab } from "../search.ts";

/** Where each part of the history is on the page: a canvas section, or another tab. */
const PLACES: Record<string, { tab: DecisionTab; hash?: string; label: string }> = {
  problem: { tab: "canvas", hash: "section-problem", label: "The problem" },
  impact: { tab: "canvas", hash: "section-impact", label: "The cost of doing nothing" },
  "why change": { tab: "canvas", hash: "section-trigger", label: "Why change, why now" },
  people: { tab: "canvas", hash: "section-people", label: "People and consensus" },
  concerns: { tab: "canvas", hash: "section-concerns", label: "Concerns" },
  "how they decide": { tab: "canvas", hash: "section-deciding", label: "How they will decide" },
  confidence: { tab: "canvas", hash: "section-confidence", label: "Confidence and outcome" },
  "after the sale": { tab: "canvas", hash: "section-after-sale", label: "After the sale" },
  plan: { tab: "plan", label: "Plan and buyer room" },
  reviews: { tab: "reviews", label: "Reviews" },
};

/** Every change to the decision and its parts, newest first, in words: who, what, before → after, where. */
export function HistoryList({ decisionId }: { decisionId: string }) {
  const { data } = useQuery(historyQuery(decisionId));
  return (
    <Paper withBorder p="lg">
      <Timeline bulletSize={14} lineWidth={2}>
        {(data?.items ?? []).map((entry) => {
          const place = entry.summary.section ? PLACES[entry.summary.section] : undefined;
          return (
            <Timeline.Item
              key={entry.id}
              title={`${entry.summary.who} ${entry.summary.what}`}
              data-testid="history-entry"
            >
              {entry.summary.fields.length > 0 && (
                <Stack gap={2} mt={2}>
                  {entry.summary.fields.map((field) => (
                    <Text key={field.label} size="xs">
                      <b>{field.label}:</b> {field.before} → {field.after}
                    </Text>
                  ))}
                </Stack>
              )}
              <Text size="xs" c="dimmed">
                {dateTime(entry.at)}
                {place && (
                  <>
                    {" · "}
                    <Anchor
                      size="xs"
                      renderRoot={(props) => (
                        <Link
                          {...props}
                          to="/decisions/$id"
                          params={{ id: decisionId }}
                          search={{ tab: place.tab }}
                          hash={place.hash}
                        />
                      )}
                    >
                      {place.label}
                    </Anchor>
                  </>
                )}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}
