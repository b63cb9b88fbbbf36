import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Checkbox,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import type { Review } from "../../../contract/reviews.ts";
import { LongText } from "../../components/LongText.tsx";
import { notifyError, showErrorsOn } from "../../lib/errors.ts";
import { date, dateTime } from "../../lib/format.ts";
import { RecentConversations } from "../conversations/RecentConversations.tsx";
import { membersQuery } from "../members/api.ts";
import { AnswerCard } from "./AnswerCard.tsx";
import { reviewQuery, useAddAction, useChangeAction, useCoach, useCompleteReview } from "./api.ts";

function CoachingNotes({ review }: { review: Review }) {
  const [notes, setNotes] = useState(review.coachingNotes ?? "");
  useEffect(() => setNotes(review.coachingNotes ?? ""), [review.coachingNotes]);
  const save = useCoach(review, {
    onError: (error) => notifyError(error, "Could not save the coaching notes"),
  });
  return (
    <Paper withBorder p="lg">
      <Title order={5} mb={4}>
        Coaching notes
      </Title>
      {review.canCoach ? (
        <Stack gap="xs">
          <LongText
            aria-label="Coaching notes"
            autosize
            minRows={3}
            placeholder="What to explore with the customer next, and how."
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button
              size="xs"
              variant="light"
              disabled={notes === (review.coachingNotes ?? "")}
              loading={save.isPending}
              onClick={() => save.mutate(notes || null)}
            >
              Save notes
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" c={review.coachingNotes ? undefined : "dimmed"} style={{ whiteSpace: "pre-wrap" }}>
          {review.coachingNotes ?? "No coaching notes."}
        </Text>
      )}
    </Paper>
  );
}

function Actions({ review }: { review: Review }) {
  const members = useQuery(membersQuery);
  const form = useForm({
    initialValues: { what: "", ownerId: review.ownerId as string | null, dueDate: "" },
    validate: {
      what: (v) => (v.trim() ? null : "What is agreed?"),
      ownerId: (v) => (v ? null : "Who does it?"),
    },
  });
  const add = useAddAction(review.id, {
    onSuccess: () => form.reset(),
    onError: (error) => showErrorsOn(form, error, "Could not add the action"),
  });
  const toggle = useChangeAction();
  return (
    <Paper withBorder p="lg">
      <Title order={5} mb="xs">
        Agreed actions
      </Title>
      <Stack gap={6}>
        {review.actions.length === 0 && (
          <Text size="sm" c="dimmed">
            None yet. Agree what to learn from the customer next — who, and by when.
          </Text>
        )}
        {review.actions.map((action) => (
          <Checkbox
            key={action.id}
            checked={action.status === "done"}
            onChange={() =>
              toggle.mutate({ action, body: { status: action.status === "open" ? "done" : "open" } })
            }
            label={
              <Text size="sm" td={action.status === "done" ? "line-through" : undefined}>
                {action.what}{" "}
                <Text span size="xs" c="dimmed">
                  — {action.ownerName}
                  {action.dueDate ? `, by ${date(action.dueDate)}` : ""}
                </Text>
              </Text>
            }
          />
        ))}
      </Stack>
      {review.canAnswer && (
        <form
          onSubmit={form.onSubmit((v) =>
            add.mutate({ ...v, ownerId: v.ownerId!, dueDate: v.dueDate || null }),
          )}
        >
          <Stack gap="xs" mt="md">
            <TextInput
              label="Action"
              maxLength={1000}
              placeholder="Ask the CFO what a late close costs each month"
              {...form.getInputProps("what")}
            />
            <Group grow>
              <Select
                label="Who"
                data={(members.data ?? [])
                  .filter((m) => m.active)
                  .map((m) => ({ value: m.id, label: m.name }))}
                allowDeselect={false}
                {...form.getInputProps("ownerId")}
              />
              <TextInput type="date" label="By when" {...form.getInputProps("dueDate")} />
            </Group>
            <Button
              type="submit"
              size="xs"
              variant="light"
              loading={add.isPending}
              style={{ alignSelf: "flex-start" }}
            >
              Add action
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

export function ReviewPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: review } = useSuspenseQuery(reviewQuery(id));
  const complete = useCompleteReview(review, {
    onSuccess: () =>
      notifications.show({
        color: "teal",
        title: "Review completed",
        message: `${review.ownerName} sees the agreed actions on their home page; the flagged answers stay in the decision's readiness as questions to ask.`,
      }),
    onError: (error) => notifyError(error, "Could not complete the review"),
  });
  const flagged = review.answers.filter((a) => a.label !== "customer").length;
  return (
    <Stack maw={1300}>
      <Breadcrumbs>
        <Anchor component={Link} to="/reviews" size="sm">
          Reviews
        </Anchor>
        <Anchor component={Link} to={`/decisions/${review.decisionId}`} size="sm">
          {review.decisionTitle}
        </Anchor>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>Review: {review.decisionTitle}</Title>
          <Text c="dimmed" size="sm">
            {review.accountName} ·{" "}
            {review.kind === "self"
              ? `self-review by ${review.ownerName}`
              : `${review.reviewerName} reviewing ${review.ownerName}'s decision`}{" "}
            · started {dateTime(review.createdAt)} · readiness {review.readinessAtStart}
            {review.readinessAtCompletion !== null ? ` → ${review.readinessAtCompletion}` : ""}
          </Text>
        </div>
        {review.status === "completed" ? (
          <Badge color="teal" size="lg">
            Completed {review.completedAt ? date(review.completedAt) : ""}
          </Badge>
        ) : (
          review.canCoach && (
            <Button onClick={() => complete.mutate()} loading={complete.isPending}>
              Complete review
            </Button>
          )
        )}
      </Group>
      {flagged > 0 && (
        <Alert
          color="orange"
          variant="light"
          title={`${flagged} of 6 answers are not yet about the customer`}
        >
          Each comes with a question to take back to the customer. Completed reviews count these as gaps in
          readiness.
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            {review.answers.map((answer) => (
              <AnswerCard key={answer.question} review={review} answer={answer} />
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <CoachingNotes review={review} />
            <Actions review={review} />
            <RecentConversations decisionId={review.decisionId} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
