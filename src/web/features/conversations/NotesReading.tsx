import { Badge, Group, List, Paper, Text, Title } from "@mantine/core";
import type { Conversation } from "../../../contract/conversations.ts";

const TYPE_LABEL = { open: "Open", closed: "Closed", insight: "Insight" } as const;

/** What the hand-typed notes say was asked and agreed, read by the same rules as a transcript. */
export function NotesReading({ reading }: { reading: NonNullable<Conversation["notesReading"]> }) {
  const { questions, nextStep } = reading;
  const insight = questions.filter((q) => q.type === "insight").length;
  return (
    <Paper withBorder p="lg" data-testid="notes-reading">
      <Title order={5}>What your notes say</Title>
      <Text size="sm" fw={600} mt="sm">
        Questions you noted asking: {questions.length}
        {questions.length > 0 && `, ${insight} of them insight questions`}
      </Text>
      {questions.length > 0 ? (
        <List size="sm" spacing={4} mt={4}>
          {questions.map((q) => (
            <List.Item key={`${q.line}-${q.text}`}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Badge size="xs" variant="light" color={q.type === "insight" ? "grape" : "gray"}>
                  {TYPE_LABEL[q.type]}
                </Badge>
                <Text size="sm">
                  {q.text}{" "}
                  <Text span size="xs" c="dimmed">
                    line {q.line}
                  </Text>
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="xs" c="dimmed">
          Write the questions you asked ("Asked why they…", or ending in "?") and they are read and typed
          here.
        </Text>
      )}
      <Text size="sm" fw={600} mt="md">
        Next step
      </Text>
      {nextStep.agreed ? (
        <Text size="sm">
          Agreed{nextStep.owner ? `, ${nextStep.owner} owns it` : ""}, on {nextStep.date}: “{nextStep.text}”{" "}
          <Text span size="xs" c="dimmed">
            line {nextStep.line}
          </Text>
        </Text>
      ) : (
        <Text size="sm" c="orange.8">
          No next step with an owner and a specific day in these notes. Next time, leave with one: who does
          what, on which day.
        </Text>
      )}
    </Paper>
  );
}
