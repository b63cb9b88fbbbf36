import { Paper, Title } from "@mantine/core";

/** One part of the buyer room, titled in the buyer's words. */
export function RoomSection({
  title,
  children,
  testId,
}: {
  title: string;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} data-testid={testId}>
      <Title order={3} fz={{ base: 18, sm: 20 }} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
