import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";

export function Logo({ size = "lg" }: { size?: "md" | "lg" | "xl" }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={size === "xl" ? 36 : 28} radius="md" variant="filled">
        <IconCheck size={size === "xl" ? 22 : 18} stroke={3} />
      </ThemeIcon>
      <Text fw={700} size={size} style={{ letterSpacing: "-0.01em" }}>
        Confidant
      </Text>
    </Group>
  );
}
