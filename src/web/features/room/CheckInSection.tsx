import { Alert, Button, SegmentedControl, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { RoomView } from "../../../contract/room.ts";
import { BUYER_CONFIDENCE_WORDS, CONFIDENCE_POINTS } from "../../../domain/decision/model.ts";
import type { Ratings } from "../../../domain/readiness/consensus.ts";
import { LongText } from "../../components/LongText.tsx";
import type { RoomAct, Speaker } from "./api.ts";
import { RoomSection } from "./RoomSection.tsx";

const RATINGS = CONFIDENCE_POINTS.map((point) => [point, BUYER_CONFIDENCE_WORDS[point]] as const);

/** Each buyer rates, in their own words, how confident they are: the evidence readiness trusts most. */
export function CheckInSection({ view, act, speaker }: { view: RoomView; act: RoomAct; speaker: Speaker }) {
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [checkInComment, setCheckInComment] = useState("");
  const [checkedIn, setCheckedIn] = useState(false);
  return (
    <RoomSection title="How confident are you?" testId="room-checkin">
      {checkedIn ? (
        <Alert color="teal" variant="light" role="status">
          Thank you — {view.sellerName} sees your check-in. Check in again whenever your view changes.
        </Alert>
      ) : (
        <Stack gap="sm">
          {RATINGS.map(([key, text]) => (
            <div key={key}>
              <Text size="sm" mb={4}>
                {text}
              </Text>
              <SegmentedControl
                fullWidth
                aria-label={text}
                data={["1", "2", "3", "4", "5"]}
                value={ratings[key] ?? ""}
                onChange={(v) => setRatings({ ...ratings, [key]: v })}
              />
            </div>
          ))}
          <Text size="xs" c="dimmed">
            1 = not at all, 5 = completely
          </Text>
          <LongText
            label="Anything to add? (optional)"
            autosize
            limit={2000}
            value={checkInComment}
            onChange={(e) => setCheckInComment(e.currentTarget.value)}
          />
          <Button
            style={{ alignSelf: "flex-start" }}
            disabled={RATINGS.some(([key]) => !ratings[key])}
            onClick={() => {
              const who = speaker(true);
              if (!who) return;
              act.mutate(
                {
                  path: "/check-ins",
                  body: {
                    ...(who.name ? { stakeholderName: who.name } : {}),
                    ratings: Object.fromEntries(
                      RATINGS.map(([key]) => [key, Number(ratings[key])]),
                    ) as Ratings,
                    ...(checkInComment.trim() ? { comment: checkInComment } : {}),
                  },
                },
                { onSuccess: () => setCheckedIn(true) },
              );
            }}
          >
            Send check-in
          </Button>
        </Stack>
      )}
    </RoomSection>
  );
}
