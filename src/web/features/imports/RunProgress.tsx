import { Anchor, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { LabelledProgress } from "../../components/LabelledProgress.tsx";
import { issuesCsvUrl, runQuery } from "./api.ts";

export function RunProgress({
  id,
  onDone,
  onAgain,
}: {
  id: string;
  onDone: () => void;
  onAgain: () => void;
}) {
  const { data: run } = useQuery(runQuery(id));
  const finished = run && run.status !== "running";
  if (finished && run.status === "done") queueMicrotask(onDone);
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Text fw={600}>3. Import</Text>
        <LabelledProgress
          value={finished ? 100 : Math.round((run?.progress ?? 0) * 100)}
          animated={!finished}
          label="Import progress"
        />
        {run && (
          <Text role="status">
            {finished ? (run.status === "done" ? "Imported: " : `${run.status}: `) : "Importing… "}
            {run.counts.created} created, {run.counts.updated} updated, {run.counts.skipped} skipped,{" "}
            {run.counts.errors} errors
            {run.error ? ` — ${run.error}` : ""}
          </Text>
        )}
        {finished && (
          <Group>
            {run.counts.errors + run.counts.warnings > 0 && (
              <Anchor href={issuesCsvUrl(id)}>Download the row errors and warnings (CSV)</Anchor>
            )}
            <Button variant="default" onClick={onAgain}>
              Import more files
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
