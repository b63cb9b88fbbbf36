import { Anchor, Card, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconBulb, IconListCheck, IconUsersGroup } from "@tabler/icons-react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { meQuery } from "../auth/api.ts";
import { BuyerActivityPanel } from "./BuyerActivityPanel.tsx";
import { QueuePanel } from "./QueuePanel.tsx";
import { TasksPanel } from "./TasksPanel.tsx";

const questions = [
  "What problem is the customer trying to solve?",
  "What happens if they don't solve it?",
  "Why do they need to change — and why now?",
  "What are they worried about, individually and as an organization?",
  "Who must agree, and do they?",
  "How confident are they?",
];

export function HomePage() {
  const { data: me } = useSuspenseQuery(meQuery);
  if (!me) return null;
  const firstName = me.member.name.split(" ")[0];
  return (
    <Stack gap="xl" maw={1100}>
      <div>
        <Title order={2}>Welcome, {firstName}</Title>
        <Text c="dimmed">
          {me.member.role === "manager"
            ? "Coach your team on what the customer needs to decide."
            : me.member.role === "admin"
              ? "Set up your workspace so your team can help customers decide."
              : "Help your customers decide — and see what to ask them next."}
        </Text>
      </div>
      {me.member.role !== "seller" && <QueuePanel />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TasksPanel />
        <BuyerActivityPanel />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder padding="lg">
          <ThemeIcon variant="light" size="lg" mb="sm">
            <IconListCheck size={20} />
          </ThemeIcon>
          <Text fw={600}>Record a customer's decision</Text>
          <Text size="sm" c="dimmed" mt={4}>
            Write down their problem in their words, what waiting costs them, and who must agree.
          </Text>
          <Anchor component={Link} to="/decisions" size="sm" mt="sm">
            Go to Decisions
          </Anchor>
        </Card>
        <Card withBorder padding="lg">
          <ThemeIcon variant="light" size="lg" mb="sm">
            <IconUsersGroup size={20} />
          </ThemeIcon>
          <Text fw={600}>{me.member.role === "admin" ? "Invite your team" : "Your team"}</Text>
          <Text size="sm" c="dimmed" mt={4}>
            {me.member.role === "admin"
              ? "Add sellers and managers, and group them into teams."
              : "See who is in your workspace and which team you belong to."}
          </Text>
          <Anchor component={Link} to="/settings" size="sm" mt="sm">
            Open Settings
          </Anchor>
        </Card>
        <Card withBorder padding="lg">
          <ThemeIcon variant="light" size="lg" mb="sm">
            <IconBulb size={20} />
          </ThemeIcon>
          <Text fw={600}>Ask better questions</Text>
          <Text size="sm" c="dimmed" mt={4}>
            "What if…", "Have you ever considered…", "Why are you doing things this way…"
          </Text>
        </Card>
      </SimpleGrid>
      <Card withBorder padding="lg">
        <Title order={4}>The customer questions</Title>
        <Text size="sm" c="dimmed" mb="sm">
          Every decision, review and forecast in Confidant rests on these six.
        </Text>
        <List type="ordered" spacing={6}>
          {questions.map((question) => (
            <List.Item key={question}>{question}</List.Item>
          ))}
        </List>
      </Card>
    </Stack>
  );
}
