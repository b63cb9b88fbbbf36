import { Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** What a page will hold, why it matters, and the next thing to do — never a blank screen. */
export function EmptyState(props: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Paper withBorder p="xl" maw={720}>
      <Stack gap="sm" align="flex-start">
        <ThemeIcon size={48} radius="xl" variant="light">
          {props.icon}
        </ThemeIcon>
        <Title order={3}>{props.title}</Title>
        <Text c="dimmed" component="div">
          {props.children}
        </Text>
        {props.action}
      </Stack>
    </Paper>
  );
}
