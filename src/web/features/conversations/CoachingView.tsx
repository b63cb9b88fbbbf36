import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { Conversation } from "../../../contract/conversations.ts";
import type { CallAnalysis } from "../../../domain/conversations/analyze.ts";
import { coachingOf, NORMS } from "../../../domain/conversations/coaching.ts";
import { LabelledProgress } from "../../components/LabelledProgress.tsx";
import { percent } from "../../lib/format.ts";

const TYPE_LABEL = { open: "Open", closed: "Closed", insight: "Insight" } as const;
const CALL_TYPE = { pitch: "A pitch", discovery: "Discovery", mixed: "Part discovery, part pitch" } as const;

/** The figures of one conversation beside published norms — guidance, not grades — and what to try next time. */
export function CoachingView({ analysis }: { analysis: NonNullable<Conversation["analysis"]> }) {
  const a = analysis as unknown as CallAnalysis;
  const notes = coachingOf(a);
  const sellerQuestions = a.questionsList.filter((q) => q.side === "seller");
  return (
    <Paper withBorder p="lg" data-testid="coaching">
      <Group justify="space-between" mb="sm">
        <Title order={5}>How the conversation went</Title>
        <Badge variant="light">{CALL_TYPE[a.callType]}</Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            Talk share: you {percent(a.sellerWordShare)}, the customer {percent(1 - a.sellerWordShare)}
          </Text>
          <LabelledProgress
            label="Our share of the words spoken"
            value={a.sellerWordShare * 100}
            color={a.sellerWordShare > 0.6 ? "orange" : "teal"}
            size="lg"
          />
          <Text size="xs" c="dimmed">
            Top performers talk about {percent(NORMS.talkShare)} of the time (Gong Labs).
          </Text>
          <Text size="sm" fw={600} mt="sm">
            Your questions: {a.questions.seller} ({NORMS.questionsLow}–{NORMS.questionsHigh} is typical of top
            performers in discovery)
          </Text>
          <Group gap="xs">
            {(["open", "closed", "insight"] as const).map((t) => (
              <Badge key={t} variant="light" color={t === "insight" ? "grape" : "gray"}>
                {TYPE_LABEL[t]}: {a.questionTypes.seller[t]}
              </Badge>
            ))}
          </Group>
          <Text size="sm" mt="sm">
            Longest stretch without a pause: {a.longestSellerMonologue.words} words. What you talked about:{" "}
            {percent(a.sellerTalkTopics.customerProblemShare)} their problem,{" "}
            {percent(a.sellerTalkTopics.ourProductShare)} our product.
          </Text>
        </Stack>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            Questions you asked
          </Text>
          {sellerQuestions.length ? (
            <List size="sm" spacing={4} data-testid="questions-asked">
              {sellerQuestions.map((q) => (
                <List.Item key={`${q.turn}-${q.text}`}>
                  <Badge size="xs" variant="light" color={q.type === "insight" ? "grape" : "gray"} mr={6}>
                    {TYPE_LABEL[q.type]}
                  </Badge>
                  {q.text}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              None — or the speakers are not named yet.
            </Text>
          )}
        </Stack>
      </SimpleGrid>
      {notes.length > 0 && (
        <Stack gap="xs" mt="md">
          {notes.map((n) => (
            <Alert key={n.key} color="orange" variant="light" p="xs" data-testid={`coaching-${n.key}`}>
              <Text size="sm" fw={600}>
                {n.said}
              </Text>
              <Text size="sm">Next time: {n.tryNext}</Text>
            </Alert>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
