import { Alert, Button, SegmentedControl, Select, Stack, Text, Textarea } from "@mantine/core";
import { type ReactNode, useState } from "react";
import type { RoomView } from "../../../contract/room.ts";
import { BUYER_CONFIDENCE_WORDS, CONFIDENCE_POINTS } from "../../../domain/decision/model.ts";
import type { Ratings } from "../../../domain/readiness/consensus.ts";
import type { RoomAct } from "./api.ts";
import { RoomSection } from "./RoomSection.tsx";

const RATINGS = CONFIDENCE_POINTS.map((point) => [point, BUYER_CONFIDENCE_WORDS[point]] as const);

/** Each buyer rates, in their own words, how confident they are: the evidence readiness trusts most. */
export function CheckInSection({
  view,
  act,
  name,
  setName,
  nameInput,
}: {
  view: RoomView;
  act: RoomAct;
  name: string;
  setName: (name: string) => void;
  nameInput: ReactNode;
}) {
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [checkInComment, setCheckInComment] = useState("");
  const [checkedIn, setCheckedIn] = useState(false);
  const needName = !name.trim();
  return (
    <RoomSection title="How confident are you?" testId="room-checkin">
      {checkedIn ? (
        <Alert color="teal" variant="light">
          Thank you. Check in again whenever your view changes.
        </Alert>
      ) : (
        <Stack gap="sm">
          <Select
            label="Who are you?"
            placeholder="Pick your name, or type it below"
            data={view.people.map((p) => ({
              value: p.name,
              label: p.title ? `${p.name} (${p.title})` : p.name,
            }))}
            value={view.people.some((p) => p.name === name) ? name : null}
            onChange={(v) => v && setName(v)}
            clearable
          />
          {nameInput}
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
          <Textarea
            label="Anything to add? (optional)"
            autosize
            value={checkInComment}
            onChange={(e) => setCheckInComment(e.currentTarget.value)}
          />
          <Button
            style={{ alignSelf: "flex-start" }}
            disabled={needName || RATINGS.some(([key]) => !ratings[key])}
            onClick={() =>
              act.mutate(
                {
                  path: "/check-ins",
                  body: {
                    stakeholderName: name,
                    ratings: Object.fromEntries(
                      RATINGS.map(([key]) => [key, Number(ratings[key])]),
                    ) as Ratings,
                    ...(checkInComment.trim() ? { comment: checkInComment } : {}),
                  },
                },
                { onSuccess: () => setCheckedIn(true) },
              )
            }
          >
            Send check-in
          </Button>
        </Stack>
      )}
    </RoomSection>
  );
}
