import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  Container,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useLocalStorage } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import type { RoomView } from "../../../contract/room.ts";
import { BUYER_CONFIDENCE_WORDS, CONFIDENCE_POINTS } from "../../../domain/decision/model.ts";
import { Logo } from "../../components/Logo.tsx";
import { ApiError, get, post } from "../../lib/api.ts";
import { messageOf } from "../../lib/errors.ts";
import { date, money } from "../../lib/format.ts";

const RATINGS = CONFIDENCE_POINTS.map((point) => [point, BUYER_CONFIDENCE_WORDS[point]] as const);

function useRoom(token: string) {
  return useQuery({
    queryKey: ["room", token],
    queryFn: () => get<RoomView>(`/api/v1/room/${token}`),
    retry: false,
  });
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} data-testid={testId}>
      <Title order={3} fz={{ base: 18, sm: 20 }} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The buyer room: the customer's own page for their decision, opened with a link and no account. */
export function RoomPage() {
  const { token } = useParams({ strict: false }) as { token: string };
  const room = useRoom(token);
  const [name, setName] = useLocalStorage({ key: "confidant-room-name", defaultValue: "" });
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["room", token] });
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) =>
      post(`/api/v1/room/${token}${path}`, body),
    onSuccess: () => void refresh(),
  });
  const [verdict, setVerdict] = useState<"right" | "not_quite" | null>(null);
  const [correction, setCorrection] = useState("");
  const [concern, setConcern] = useState("");
  const [comments, setComments] = useState<Record<string, string>>({});
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [checkInComment, setCheckInComment] = useState("");
  const [checkedIn, setCheckedIn] = useState(false);

  if (room.isPending) return <Container py="xl">Loading…</Container>;
  if (room.error) {
    const gone = room.error instanceof ApiError && room.error.status === 404;
    return (
      <Container size="sm" py={64}>
        <Stack>
          <Logo />
          <Title order={2}>{gone ? "This link is no longer valid" : "We could not open this page"}</Title>
          <Text c="dimmed" data-testid="room-error">
            {gone
              ? "It may have expired or been withdrawn. Ask the person who sent it to you for a new link."
              : messageOf(room.error)}
          </Text>
        </Stack>
      </Container>
    );
  }
  const view = room.data;
  const d = view.decision;
  const needName = !name.trim();
  const nameInput = (
    <TextInput
      label="Your name"
      placeholder="So the team knows who said it"
      value={name}
      onChange={(e) => setName(e.currentTarget.value)}
    />
  );
  return (
    <Box bg="gray.0" mih="100vh" py={{ base: "md", sm: 40 }}>
      <Container size="md" px={{ base: "sm", sm: "md" }}>
        <Stack gap="md">
          <Group justify="space-between">
            <Logo size="md" />
            <Text size="xs" c="dimmed">
              Shared with {view.linkLabel} by {view.sellerName}
            </Text>
          </Group>
          <div>
            <Text size="sm" c="dimmed" fw={600} tt="uppercase">
              {d.accountName}
            </Text>
            <Title order={1} fz={{ base: 24, sm: 32 }} data-testid="room-title">
              {d.title}
            </Title>
            {d.targetDate && <Text c="dimmed">You aim to decide by {date(d.targetDate)}.</Text>}
          </div>
          {act.error && <Alert color="red">{messageOf(act.error)}</Alert>}

          <Section title="The problem, as we understand it" testId="room-problem">
            <Text style={{ whiteSpace: "pre-wrap" }}>
              {d.problem ?? "We have not written it down yet — tell us how you see it."}
            </Text>
            <Group mt="md" gap="xs">
              <Button
                variant={verdict === "right" ? "filled" : "light"}
                onClick={() => {
                  setVerdict("right");
                  act.mutate({ path: "/problem", body: { verdict: "right", ...(name ? { name } : {}) } });
                }}
              >
                This is right
              </Button>
              <Button
                variant={verdict === "not_quite" ? "filled" : "light"}
                color="grape"
                onClick={() => setVerdict("not_quite")}
              >
                Not quite — here is how we see it
              </Button>
            </Group>
            {verdict === "right" && act.isSuccess && (
              <Text size="sm" c="teal" mt="xs">
                Thank you — noted.
              </Text>
            )}
            {verdict === "not_quite" && (
              <Stack mt="md" gap="xs">
                {nameInput}
                <Textarea
                  label="How you see the problem"
                  autosize
                  minRows={3}
                  value={correction}
                  onChange={(e) => setCorrection(e.currentTarget.value)}
                />
                <Button
                  style={{ alignSelf: "flex-start" }}
                  disabled={!correction.trim()}
                  onClick={() =>
                    act.mutate(
                      {
                        path: "/problem",
                        body: { verdict: "not_quite", text: correction, ...(name ? { name } : {}) },
                      },
                      {
                        onSuccess: () => {
                          setCorrection("");
                          setVerdict(null);
                        },
                      },
                    )
                  }
                >
                  Send our view
                </Button>
              </Stack>
            )}
          </Section>

          <Section title="What waiting costs">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <div>
                <Text fz={28} fw={700} c="red.8">
                  {d.costOfWaiting.perMonth ? money(d.costOfWaiting.perMonth, d.costOfWaiting.currency) : "—"}
                </Text>
                <Text size="sm" c="dimmed">
                  each month things stay as they are
                </Text>
              </div>
              <div>
                <Text fz={28} fw={700} c="red.8">
                  {d.costOfWaiting.untilTarget
                    ? money(d.costOfWaiting.untilTarget, d.costOfWaiting.currency)
                    : "—"}
                </Text>
                <Text size="sm" c="dimmed">
                  until your target date
                </Text>
              </div>
            </SimpleGrid>
            {d.outcomesSought.length > 0 && (
              <Stack gap={4} mt="md">
                <Text fw={600} size="sm">
                  What you want to achieve
                </Text>
                {d.outcomesSought.map((o) => (
                  <Text key={o.measure} size="sm">
                    {o.measure}: {o.current ?? "?"} → <b>{o.target ?? "?"}</b>
                  </Text>
                ))}
              </Stack>
            )}
          </Section>

          <Section title="Your plan to a decision" testId="room-plan">
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
                              ...(name ? { name } : {}),
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
                    {[
                      step.ownerName,
                      step.dueDate && `by ${date(step.dueDate)}`,
                      step.status.replace("_", " "),
                    ]
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
                      aria-label={`Comment on ${step.title}`}
                      value={comments[step.id] ?? ""}
                      onChange={(e) => setComments({ ...comments, [step.id]: e.currentTarget.value })}
                    />
                    <Button
                      size="xs"
                      variant="light"
                      disabled={!comments[step.id]?.trim() || needName}
                      title={needName ? "Add your name below first" : undefined}
                      onClick={() =>
                        act.mutate(
                          { path: `/steps/${step.id}/comments`, body: { name, body: comments[step.id] } },
                          { onSuccess: () => setComments({ ...comments, [step.id]: "" }) },
                        )
                      }
                    >
                      Comment
                    </Button>
                  </Group>
                </Paper>
              ))}
            </Stack>
          </Section>

          <Section title="Your concerns" testId="room-concerns">
            <Stack gap="xs">
              {view.concerns.map((c) => (
                <Paper key={c.id} withBorder p="sm">
                  <Text size="sm">{c.text}</Text>
                  {c.response && (
                    <Text size="xs" c="dimmed" mt={4}>
                      Response: {c.response}
                    </Text>
                  )}
                  <Badge size="xs" mt={4} color={c.status === "open" ? "orange" : "teal"}>
                    {c.status}
                  </Badge>
                </Paper>
              ))}
              <Textarea
                label="What worries you about this change?"
                autosize
                value={concern}
                onChange={(e) => setConcern(e.currentTarget.value)}
              />
              <Button
                style={{ alignSelf: "flex-start" }}
                variant="light"
                disabled={!concern.trim()}
                onClick={() =>
                  act.mutate(
                    { path: "/concerns", body: { text: concern, ...(name ? { name } : {}) } },
                    { onSuccess: () => setConcern("") },
                  )
                }
              >
                Add concern
              </Button>
            </Stack>
          </Section>

          <Section title="How confident are you?" testId="room-checkin">
            {checkedIn ? (
              <Alert color="teal" variant="light">
                Thank you. Check in again whenever your view changes.
              </Alert>
            ) : (
              <Stack gap="sm">
                <Select
                  label="Who are you?"
                  placeholder="Pick your name, or type it below"
                  data={view.people.map((p) => ({
                    value: p.name,
                    label: p.title ? `${p.name} (${p.title})` : p.name,
                  }))}
                  value={view.people.some((p) => p.name === name) ? name : null}
                  onChange={(v) => v && setName(v)}
                  clearable
                />
                {nameInput}
                {RATINGS.map(([key, text]) => (
                  <div key={key}>
                    <Text size="sm" mb={4}>
                      {text}
                    </Text>
                    <SegmentedControl
                      fullWidth
                      aria-label={text}
                      data={["1", "2", "3", "4", "5"]}
                      value={ratings[key] ?? ""}
                      onChange={(v) => setRatings({ ...ratings, [key]: v })}
                    />
                  </div>
                ))}
                <Text size="xs" c="dimmed">
                  1 = not at all, 5 = completely
                </Text>
                <Textarea
                  label="Anything to add? (optional)"
                  autosize
                  value={checkInComment}
                  onChange={(e) => setCheckInComment(e.currentTarget.value)}
                />
                <Button
                  style={{ alignSelf: "flex-start" }}
                  disabled={needName || RATINGS.some(([key]) => !ratings[key])}
                  onClick={() =>
                    act.mutate(
                      {
                        path: "/check-ins",
                        body: {
                          stakeholderName: name,
                          ratings: Object.fromEntries(RATINGS.map(([key]) => [key, Number(ratings[key])])),
                          ...(checkInComment.trim() ? { comment: checkInComment } : {}),
                        },
                      },
                      { onSuccess: () => setCheckedIn(true) },
                    )
                  }
                >
                  Send check-in
                </Button>
              </Stack>
            )}
          </Section>
          <Text size="xs" c="dimmed" ta="center">
            This page is private to the people it was shared with.{" "}
            <Anchor size="xs" href="/">
              Confidant
            </Anchor>
          </Text>
        </Stack>
      </Container>
    </Box>
  );
}
