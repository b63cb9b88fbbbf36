import { Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import type { RefObject } from "react";
import type { RoomView } from "../../../contract/room.ts";

/**
 * On a general link the room asks once, at the top, who is speaking; on a stakeholder's own link it greets them
 * and asks nothing.
 */
export function WhoAreYou({
  view,
  name,
  setName,
  missing,
  inputRef,
}: {
  view: RoomView;
  name: string;
  setName: (name: string) => void;
  /** Set when the buyer tried something that needs their name. */
  missing: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  if (view.you)
    return (
      <Text size="sm" data-testid="room-you">
        Welcome, {view.you.name}. What you do here is shared with {view.sellerName} as yours.
      </Text>
    );
  return (
    <Paper withBorder p="md" data-testid="room-who">
      <Stack gap="xs">
        {view.people.length > 0 && (
          <Select
            label="Who are you?"
            placeholder="Pick your name"
            data={view.people.map((p) => ({
              value: p.name,
              label: p.title ? `${p.name} (${p.title})` : p.name,
            }))}
            value={view.people.some((p) => p.name === name) ? name : null}
            onChange={(v) => v && setName(v)}
            clearable
          />
        )}
        <TextInput
          ref={inputRef}
          label="Your name"
          description="So the team knows who said it. This link is shared, so your name is shown as you type it."
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={missing && !name.trim() ? "Tell us your name to comment or check in" : undefined}
        />
      </Stack>
    </Paper>
  );
}
