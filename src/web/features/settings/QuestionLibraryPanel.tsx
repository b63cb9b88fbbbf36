import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import type { questionEntry } from "../../../contract/questions.ts";
import { PLACEHOLDER_WORDS } from "../../../domain/readiness/questions.ts";
import { LongText } from "../../components/LongText.tsx";
import { notifyError } from "../../lib/errors.ts";
import { meQuery } from "../auth/api.ts";
import { questionsQuery, useResetQuestion, useRewordQuestion } from "./api.ts";

type Entry = z.infer<typeof questionEntry>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** A question as it will be asked: each placeholder shown as what fills it in, never as `{name}`. */
function WithPlaceholders({ text }: { text: string }) {
  return text.split(/(\{\w+\})/).map((part, index) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return name && name in PLACEHOLDER_WORDS ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order.
      <Badge key={index} size="sm" variant="outline" color="gray" tt="none" fw={500}>
        {PLACEHOLDER_WORDS[name]}
      </Badge>
    ) : (
      part
    );
  });
}

/** How to keep the placeholders when rewording. */
function placeholderHelp(defaultText: string) {
  const names = [...new Set([...defaultText.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
  return names.length
    ? `Keep ${names.map((n) => `{${n}}`).join(" and ")} where ${names.map((n) => PLACEHOLDER_WORDS[n]).join(" and ")} should go.`
    : undefined;
}

function QuestionRow({ entry, canEdit }: { entry: Entry; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(entry.text);
  const save = useRewordQuestion(entry, {
    onSuccess: () => setEditing(false),
    onError: (error) => notifyError(error, "Could not save the question"),
  });
  const reset = useResetQuestion(entry);
  return (
    <Group
      justify="space-between"
      align="flex-start"
      wrap="nowrap"
      py={6}
      style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
    >
      <Stack gap={2} style={{ flex: 1 }}>
        <Group gap={6}>
          <Text size="xs" c="dimmed" data-testid="question-when">
            When: {entry.when}
          </Text>
          {entry.customized && (
            <Badge size="xs" variant="light">
              reworded
            </Badge>
          )}
        </Group>
        {editing ? (
          <LongText
            autosize
            limit={500}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            aria-label={`Question when: ${entry.when}`}
            description={placeholderHelp(entry.defaultText)}
          />
        ) : (
          <Text size="sm">
            <WithPlaceholders text={entry.text} />
          </Text>
        )}
      </Stack>
      {canEdit && (
        <Group gap={4} wrap="nowrap">
          {editing ? (
            <>
              <Button size="compact-xs" onClick={() => save.mutate(text)} loading={save.isPending}>
                Save
              </Button>
              <Button size="compact-xs" variant="default" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </>
          ) : (
            <>
              <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
                Reword
              </Button>
              {entry.customized && (
                <Button size="compact-xs" variant="subtle" color="gray" onClick={() => reset.mutate()}>
                  Reset
                </Button>
              )}
            </>
          )}
        </Group>
      )}
    </Group>
  );
}

/** The next questions readiness proposes for each gap, in the workspace's own words. */
export function QuestionLibraryPanel() {
  const { data: me } = useSuspenseQuery(meQuery);
  const { data } = useQuery(questionsQuery);
  const canEdit = me?.member.role !== "seller";
  return (
    <Paper withBorder p="lg">
      <Text fw={600}>Question library</Text>
      <Text size="sm" c="dimmed" mb="sm">
        For every gap readiness finds, the next question to ask the customer.{" "}
        {canEdit ? "Reword them in your team's voice." : "Managers and admins can reword them."}
      </Text>
      <Stack gap={0}>
        {(data?.items ?? []).map((entry) => (
          <QuestionRow key={`${entry.key}-${entry.version}`} entry={entry} canEdit={canEdit} />
        ))}
      </Stack>
    </Paper>
  );
}
