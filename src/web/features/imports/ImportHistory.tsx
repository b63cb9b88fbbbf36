import { Badge, Button, Paper, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowBackUp } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { notifyError } from "../../lib/errors.ts";
import { runsQuery, useUndoImport } from "./api.ts";

/** Past imports, newest first; one that finished or was interrupted can be undone as a whole. */
export function ImportHistory() {
  const { data } = useQuery(runsQuery);
  const undo = useUndoImport({
    onSuccess: () => notifications.show({ color: "teal", message: "The import was undone." }),
    onError: (error) => notifyError(error, "Could not undo the import"),
  });
  if (!data?.items.length) return null;
  return (
    <Paper withBorder p="lg">
      <Text fw={600} mb="sm">
        Import history
      </Text>
      <Table verticalSpacing="xs" aria-label="Import history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Files</Table.Th>
            <Table.Th>Result</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((run) => (
            <Table.Tr key={run.id}>
              <Table.Td>{new Date(run.createdAt).toLocaleString()}</Table.Td>
              <Table.Td>{run.files.map((f) => f.name).join(", ")}</Table.Td>
              <Table.Td>
                {run.counts.created} created, {run.counts.updated} updated, {run.counts.errors} errors
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={run.status === "done" ? "teal" : run.status === "undone" ? "gray" : "orange"}
                >
                  {run.status}
                </Badge>
                {run.status === "interrupted" && (
                  <Text size="xs" c="dimmed">
                    Import the same files again to resume
                  </Text>
                )}
                {run.error && (
                  <Text size="xs" c="red">
                    {run.error}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {(run.status === "done" || run.status === "interrupted") && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconArrowBackUp size={14} />}
                    loading={undo.isPending && undo.variables === run.id}
                    onClick={() => {
                      if (
                        window.confirm(
                          "Undo this import? What it created is deleted and what it changed is put back.",
                        )
                      )
                        undo.mutate(run.id);
                    }}
                  >
                    Undo
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
