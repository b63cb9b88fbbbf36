import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { notifyError } from "../../../lib/errors.ts";
import { dateTime } from "../../../lib/format.ts";
import { decisionReviewsQuery, useStartReview } from "../../reviews/api.ts";

/** The decision's reviews, newest first: what each found, and how readiness moved. */
export function ReviewsList({ decisionId }: { decisionId: string }) {
  const { data } = useQuery(decisionReviewsQuery(decisionId));
  const navigate = useNavigate();
  const start = useStartReview({
    onSuccess: (review) => navigate({ to: `/reviews/${review.id}` }),
    onError: (error) => notifyError(error, "Could not start a review"),
  });
  const items = data?.items ?? [];
  const open = items.find((r) => r.status === "open");
  return (
    <Stack>
      <Group>
        {open ? (
          <Button component={Link} to={`/reviews/${open.id}`}>
            Continue the open review
          </Button>
        ) : (
          <Button onClick={() => start.mutate(decisionId)} loading={start.isPending}>
            Start a review
          </Button>
        )}
      </Group>
      {items.length === 0 && (
        <Text c="dimmed" size="sm">
          No reviews yet. A review walks the six customer questions, flags answers that are about us, and ends
          with agreed actions.
        </Text>
      )}
      {items.map((r) => (
        <Paper key={r.id} withBorder p="md">
          <Group justify="space-between">
            <div>
              <Text fw={600} component={Link} to={`/reviews/${r.id}`}>
                {r.kind === "self" ? "Self-review" : `Review by ${r.reviewerName}`} · {dateTime(r.createdAt)}
              </Text>
              <Text size="sm" c="dimmed">
                Readiness {r.readinessAtStart}
                {r.readinessAtCompletion !== null ? ` → ${r.readinessAtCompletion}` : ""} ·{" "}
                {r.flagged.length === 0
                  ? "every answer about the customer"
                  : `${r.flagged.length} answer${r.flagged.length === 1 ? "" : "s"} not yet about the customer (${r.flagged.map((f) => f.question.replace("_", " ")).join(", ")})`}
              </Text>
            </div>
            <Badge color={r.status === "open" ? "blue" : "teal"}>{r.status}</Badge>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
