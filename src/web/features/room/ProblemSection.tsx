import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { RoomView } from "../../../contract/room.ts";
import { LongText } from "../../components/LongText.tsx";
import type { RoomAct, Speaker } from "./api.ts";
import { RoomSection } from "./RoomSection.tsx";

/** The problem as the seller wrote it: the buyer confirms it, or says how they see it. */
export function ProblemSection({ view, act, speaker }: { view: RoomView; act: RoomAct; speaker: Speaker }) {
  const d = view.decision;
  const [verdict, setVerdict] = useState<"right" | "not_quite" | null>(null);
  const [correction, setCorrection] = useState("");
  const [sent, setSent] = useState<"right" | "not_quite" | null>(null);
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
            act.mutate(
              { path: "/problem", body: { verdict: "right", ...speaker(false) } },
              { onSuccess: () => setSent("right") },
            );
          }}
        >
          This is right
        </Button>
        <Button
          variant={verdict === "not_quite" ? "filled" : "light"}
          color="grape"
          onClick={() => {
            setVerdict("not_quite");
            setSent(null);
          }}
        >
          Not quite — here is how we see it
        </Button>
      </Group>
      {sent && (
        <Alert color="teal" variant="light" mt="sm" role="status" data-testid="room-problem-sent">
          {sent === "right"
            ? "Thank you — noted that we have it right."
            : `Thank you — ${view.sellerName} has your view of the problem and will update it in your words.`}
        </Alert>
      )}
      {verdict === "not_quite" && !sent && (
        <Stack mt="md" gap="xs">
          <LongText
            label="How you see the problem"
            autosize
            minRows={3}
            value={correction}
            onChange={(e) => setCorrection(e.currentTarget.value)}
          />
          <Button
            style={{ alignSelf: "flex-start" }}
            disabled={!correction.trim()}
            loading={act.isPending}
            onClick={() => {
              const who = speaker(false);
              if (!who) return;
              act.mutate(
                { path: "/problem", body: { verdict: "not_quite", text: correction, ...who } },
                {
                  onSuccess: () => {
                    setCorrection("");
                    setSent("not_quite");
                  },
                },
              );
            }}
          >
            Send our view
          </Button>
        </Stack>
      )}
    </RoomSection>
  );
}
