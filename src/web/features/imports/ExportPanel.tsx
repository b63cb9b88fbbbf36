import { Button, Group, Paper, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { exportUrl } from "./api.ts";

const EXPORTS = ["accounts", "stakeholders", "decisions", "concerns", "reviews"] as const;

export function ExportPanel() {
  return (
    <Paper withBorder p="lg">
      <Text fw={600}>Export</Text>
      <Text size="sm" c="dimmed" mb="sm">
        Every kind as CSV (opens safely in a spreadsheet) or JSON. Exported CSV files import again as they
        are.
      </Text>
      <Group gap="xs">
        {EXPORTS.map((kind) => (
          <Group key={kind} gap={4}>
            <Button
              component="a"
              href={exportUrl(kind, "csv")}
              size="xs"
              variant="light"
              leftSection={<IconDownload size={14} />}
            >
              {kind} CSV
            </Button>
            <Button component="a" href={exportUrl(kind, "json")} size="xs" variant="subtle">
              JSON
            </Button>
          </Group>
        ))}
      </Group>
    </Paper>
  );
}
