import { Badge, Button, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { RoomView } from "../../../contract/room.ts";
import { LongText } from "../../components/LongText.tsx";
import type { RoomAct, Speaker } from "./api.ts";
import { RoomSection } from "./RoomSection.tsx";

/** The buyers' own worries, with the seller's answers. */
export function ConcernsSection({ view, act, speaker }: { view: RoomView; act: RoomAct; speaker: Speaker }) {
  const [concern, setConcern] = useState("");
  const [added, setAdded] = useState(false);
  return (
    <RoomSection title="Your concerns" testId="room-concerns">
      <Stack gap="xs">
        {view.concerns.map((c) => (
          <Paper key={c.id} withBorder p="sm">
            <Text size="sm">{c.text}</Text>
            {c.response && (
              <Text size="xs" c="dimmed" mt={4}>
                Response: {c.response}
              </Text>
            )}
            <Badge size="xs" mt={4} color={c.status === "open" ? "orange" : "teal"}>
              {c.status}
            </Badge>
          </Paper>
        ))}
        <LongText
          label="What worries you about this change?"
          autosize
          value={concern}
          onChange={(e) => {
            setConcern(e.currentTarget.value);
            setAdded(false);
          }}
        />
        <Button
          style={{ alignSelf: "flex-start" }}
          variant="light"
          disabled={!concern.trim()}
          onClick={() =>
            act.mutate(
              { path: "/concerns", body: { text: concern, ...speaker(false) } },
              {
                onSuccess: () => {
                  setConcern("");
                  setAdded(true);
                },
              },
            )
          }
        >
          Add concern
        </Button>
        {added && (
          <Text size="sm" c="teal.8" role="status">
            Thank you — {view.sellerName} will answer it here.
          </Text>
        )}
      </Stack>
    </RoomSection>
  );
}
