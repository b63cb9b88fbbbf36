import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { type ReactNode, useState } from "react";
import type { RoomView } from "../../../contract/room.ts";
import type { RoomAct } from "./api.ts";
import { RoomSection } from "./RoomSection.tsx";

/** The problem as the seller wrote it: the buyer confirms it, or says how they see it. */
export function ProblemSection({
  view,
  act,
  name,
  nameInput,
}: {
  view: RoomView;
  act: RoomAct;
  name: string;
  nameInput: ReactNode;
}) {
  const d = view.decision;
  const [verdict, setVerdict] = useState<"right" | "not_quite" | null>(null);
  const [correction, setCorrection] = useState("");
  return (
    <RoomSection title="The problem, as we understand it" testId="room-problem">
      <Text style={{ whiteSpace: "pre-wrap" }}>
        {d.problem ?? "We have not written it down yet — tell us how you see it."}
      </Text>
      <Group mt="md" gap="xs">
        <Button
          variant={verdict === "right" ? "filled" : "light"}
          onClick={() => {
            setVerdict("right");
            act.mutate({ path: "/problem", body: { verdict: "right", ...(name ? { name } : {}) } });
          }}
        >
          This is right
        </Button>
        <Button
          variant={verdict === "not_quite" ? "filled" : "light"}
          color="grape"
          onClick={() => setVerdict("not_quite")}
        >
          Not quite — here is how we see it
        </Button>
      </Group>
      {verdict === "right" && act.isSuccess && (
        <Text size="sm" c="teal" mt="xs">
          Thank you — noted.
        </Text>
      )}
      {verdict === "not_quite" && (
        <Stack mt="md" gap="xs">
          {nameInput}
          <Textarea
            label="How you see the problem"
            autosize
            minRows={3}
            value={correction}
            onChange={(e) => setCorrection(e.currentTarget.value)}
          />
          <Button
            style={{ alignSelf: "flex-start" }}
            disabled={!correction.trim()}
            onClick={() =>
              act.mutate(
                {
                  path: "/problem",
                  body: { verdict: "not_quite", text: correction, ...(name ? { name } : {}) },
                },
                {
                  onSuccess: () => {
                    setCorrection("");
                    setVerdict(null);
                  },
                },
              )
            }
          >
            Send our view
          </Button>
        </Stack>
      )}
    </RoomSection>
  );
}
