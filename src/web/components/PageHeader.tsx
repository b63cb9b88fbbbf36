import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

export function PageHeader(props: { title: string; description?: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="lg">
      <Stack gap={4}>
        <Title order={2}>{props.title}</Title>
        {props.description && <Text c="dimmed">{props.description}</Text>}
      </Stack>
      {props.actions}
    </Group>
  );
}
