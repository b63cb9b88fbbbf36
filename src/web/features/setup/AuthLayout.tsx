import { Anchor, Box, Container, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Logo } from "../../components/Logo.tsx";

/** The frame of the welcome and sign-in pages: what Confidant is, then the ways in. */
export function AuthLayout(props: { children: ReactNode; aside?: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.0" py={48}>
      <Container size={props.aside ? 1000 : 480}>
        <Stack gap="xl">
          <Stack gap="xs">
            <Logo size="xl" />
            <Title order={1} fz={32} mt="md" style={{ letterSpacing: "-0.02em" }}>
              Help your customers decide.
            </Title>
            <Text c="dimmed" maw={620}>
              Confidant puts the customer's decision at the centre: their problem, the cost of waiting, why
              change and why now, who must agree and how confident they are.
            </Text>
          </Stack>
          {props.aside ? (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              {props.children}
              {props.aside}
            </SimpleGrid>
          ) : (
            props.children
          )}
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              Confidant
            </Text>
            <Anchor size="xs" href="/api/openapi.json" c="dimmed">
              API
            </Anchor>
          </Group>
        </Stack>
      </Container>
    </Box>
  );
}
