import { Alert, Anchor, Box, Container, Group, Stack, Text, Title } from "@mantine/core";
import { useLocalStorage } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { Logo } from "../../components/Logo.tsx";
import { ApiError } from "../../lib/api.ts";
import { messageOf } from "../../lib/errors.ts";
import { date } from "../../lib/format.ts";
import { AfterSaleSection } from "./AfterSaleSection.tsx";
import { roomQuery, type Speaker, useRoomAction } from "./api.ts";
import { CheckInSection } from "./CheckInSection.tsx";
import { ConcernsSection } from "./ConcernsSection.tsx";
import { CostSection } from "./CostSection.tsx";
import { PlanSection } from "./PlanSection.tsx";
import { ProblemSection } from "./ProblemSection.tsx";
import { WhoAreYou } from "./WhoAreYou.tsx";

/** The buyer room: the customer's own page for their decision, opened with a link and no account. */
export function RoomPage() {
  const { token } = useParams({ strict: false }) as { token: string };
  const room = useQuery(roomQuery(token));
  const [typedName, setName] = useLocalStorage({ key: "confidant-room-name", defaultValue: "" });
  const [nameMissing, setNameMissing] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const act = useRoomAction(token);

  if (room.isPending) return <Container py="xl">Loading…</Container>;
  if (room.error) {
    const gone = room.error instanceof ApiError && room.error.status === 404;
    return (
      <Container size="sm" py={64}>
        <Stack>
          <Logo />
          <Title order={2}>{gone ? "This link is no longer valid" : "We could not open this page"}</Title>
          <Text c="dimmed" data-testid="room-error">
            {gone
              ? "It may have expired or been withdrawn. Ask the person who sent it to you for a new link."
              : messageOf(room.error)}
          </Text>
        </Stack>
      </Container>
    );
  }
  const view = room.data;
  const d = view.decision;
  const name = view.you?.name ?? typedName.trim();
  const speaker: Speaker = (nameNeeded) => {
    if (view.you) return {};
    if (name) return { name };
    if (!nameNeeded) return {};
    setNameMissing(true);
    nameRef.current?.scrollIntoView({ behavior: "smooth", block: "center" });
    nameRef.current?.focus();
    return null;
  };
  return (
    <Box component="main" bg="gray.0" mih="100vh" py={{ base: "md", sm: 40 }}>
      <Container size="md" px={{ base: "sm", sm: "md" }}>
        <Stack gap="md">
          <Group justify="space-between">
            <Logo size="md" />
            <Text size="xs" c="dimmed">
              Shared with {view.linkLabel} by {view.sellerName}
            </Text>
          </Group>
          <div>
            <Text size="sm" c="dimmed" fw={600} tt="uppercase">
              {d.accountName}
            </Text>
            <Title order={1} fz={{ base: 24, sm: 32 }} data-testid="room-title">
              {d.title}
            </Title>
            {d.targetDate && <Text c="dimmed">You aim to decide by {date(d.targetDate)}.</Text>}
          </div>
          <WhoAreYou
            view={view}
            name={typedName}
            setName={setName}
            missing={nameMissing}
            inputRef={nameRef}
          />
          {act.error && (
            <Alert color="red" role="alert">
              {messageOf(act.error)}
            </Alert>
          )}

          <AfterSaleSection view={view} act={act} speaker={speaker} />
          <ProblemSection view={view} act={act} speaker={speaker} />
          <CostSection view={view} />
          <PlanSection view={view} act={act} speaker={speaker} />
          <ConcernsSection view={view} act={act} speaker={speaker} />
          <CheckInSection view={view} act={act} speaker={speaker} />
          <Text size="xs" c="dimmed" ta="center">
            This page is private to the people it was shared with.{" "}
            <Anchor size="xs" href="/" underline="always">
              Confidant
            </Anchor>
          </Text>
        </Stack>
      </Container>
    </Box>
  );
}
