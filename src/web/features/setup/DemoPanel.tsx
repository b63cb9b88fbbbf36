import { Avatar, Badge, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import type { SetupStatus } from "../../../contract/auth.ts";
import { notifyError } from "../../lib/errors.ts";
import { useEnterDemo } from "./api.ts";

const roleHint = {
  admin: "Sets up the workspace and its members",
  manager: "Reviews the team's decisions and coaches",
  seller: "Helps customers decide",
} as const;

export function initials(name: string) {
  return name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
}

/** One click into the demo workspace as any of its members. */
export function DemoPanel({ demo }: { demo: SetupStatus["demo"] }) {
  const navigate = useNavigate();
  const enter = useEnterDemo({
    onSuccess: () => navigate({ to: "/" }),
    onError: (error) => notifyError(error, "Could not enter the demo"),
  });
  return (
    <Paper withBorder p="xl" h="100%">
      <Stack gap="md">
        <div>
          <Group gap="xs">
            <Title order={3}>Explore the demo</Title>
            <Badge variant="light">no sign-up</Badge>
          </Group>
          <Text c="dimmed" size="sm" mt={4}>
            Step into {demo.workspaceName}, a sales team helping its customers decide. Pick who you want to
            be.
          </Text>
        </div>
        {demo.members.map((member) => (
          <Button
            key={member.id}
            variant="default"
            size="lg"
            h="auto"
            py="sm"
            justify="flex-start"
            loading={enter.isPending && enter.variables === member.id}
            onClick={() => enter.mutate(member.id)}
            leftSection={
              <Avatar color="cyan" aria-hidden>
                {initials(member.name)}
              </Avatar>
            }
          >
            <Stack gap={0} align="flex-start">
              <Text fw={600}>
                <VisuallyHidden>Enter the demo as </VisuallyHidden>
                {member.name}{" "}
                <Text span c="dimmed" fw={400} size="sm">
                  ({member.role})
                </Text>
              </Text>
              <Text size="xs" c="dimmed">
                {roleHint[member.role]}
              </Text>
            </Stack>
          </Button>
        ))}
      </Stack>
    </Paper>
  );
}
