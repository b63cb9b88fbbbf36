import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { Review, ReviewAnswer } from "../../../contract/reviews.ts";
import { MAX_STORED_ANSWER } from "../../../contract/reviews.ts";
import { LongText } from "../../components/LongText.tsx";
import { ApiError } from "../../lib/api.ts";
import { notifyError } from "../../lib/errors.ts";
import { VerdictButtons } from "../corrections/VerdictButtons.tsx";
import { diagnosisQuery, useSaveAnswer } from "./api.ts";
import { DiagnosisView } from "./DiagnosisView.tsx";

const CHANGE_COLOR = {
  improved: "teal",
  regressed: "red",
  unchanged: "gray",
  reworded: "blue",
  new: "gray",
  unanswered: "orange",
} as const;

/** One customer question: the answer, diagnosed as it is typed, saved with its version. */
export function AnswerCard({ review, answer }: { review: Review; answer: ReviewAnswer }) {
  const [text, setText] = useState(answer.answer);
  const [typed] = useDebouncedValue(text, 400);
  useEffect(() => setText(answer.answer), [answer.answer]);
  const dirty = text !== answer.answer;
  const live = useQuery({
    ...diagnosisQuery({ question: answer.question, answer: typed }),
    enabled: dirty && typed === text,
  });
  const save = useSaveAnswer(review, {
    onError: (error) => {
      notifyError(
        error,
        error instanceof ApiError && error.status === 409
          ? "Someone else changed this answer"
          : "Could not save the answer",
      );
    },
  });
  const change = review.comparison?.items.find((i) => i.question === answer.question);
  const shown = dirty && live.data ? live.data : answer;
  return (
    <Paper withBorder p="lg" data-testid={`answer-${answer.question}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600}>{answer.prompt}</Text>
          {change && change.change !== "new" && (
            <Badge
              color={CHANGE_COLOR[change.change]}
              variant="dot"
              title={change.before ? `Last review: ${change.before.answer}` : undefined}
            >
              {change.change === "unanswered"
                ? "not answered this time"
                : `${change.change} since last review`}
            </Badge>
          )}
        </Group>
        {review.canAnswer ? (
          <LongText
            limit={MAX_STORED_ANSWER}
            aria-label={answer.prompt}
            autosize
            minRows={2}
            placeholder="The answer, about the customer — in their words where you have them."
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onBlur={() => dirty && !save.isPending && save.mutate({ ...answer, text })}
          />
        ) : (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }} c={answer.answer ? undefined : "dimmed"}>
            {answer.answer || "No answer."}
          </Text>
        )}
        <DiagnosisView diagnosis={shown} />
        {!dirty && (
          <VerdictButtons
            // A verdict is on the words: a refresh that brings a newer version of the same answer keeps an open
            // "Disagree" open.
            key={answer.answer}
            question={answer.question}
            answer={answer.answer}
            diagnosis={answer}
            reviewId={review.id}
          />
        )}
        {review.canAnswer && dirty && (
          <Group justify="flex-end">
            <Button size="xs" onClick={() => save.mutate({ ...answer, text })} loading={save.isPending}>
              Save answer
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
