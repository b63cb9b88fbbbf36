import { SimpleGrid, Stack, Text } from "@mantine/core";
import type { RoomView } from "../../../contract/room.ts";
import { money } from "../../lib/format.ts";
import { RoomSection } from "./RoomSection.tsx";

/** What staying as they are costs the customer, and what they want to achieve instead. */
export function CostSection({ view }: { view: RoomView }) {
  const d = view.decision;
  return (
    <RoomSection title="What waiting costs">
      {!d.costOfWaiting.quantified ? (
        <Text data-testid="room-cost-unknown">
          We have not put a figure on it yet. What does it cost you each month to keep things as they are?
          Tell {view.sellerName}, or say so in a concern below.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Text fz={28} fw={700} c="red.8">
              {d.costOfWaiting.perMonth ? money(d.costOfWaiting.perMonth, d.costOfWaiting.currency) : "—"}
            </Text>
            <Text size="sm" c="dimmed">
              each month things stay as they are
            </Text>
          </div>
          <div>
            <Text fz={28} fw={700} c="red.8">
              {d.costOfWaiting.untilTarget
                ? money(d.costOfWaiting.untilTarget, d.costOfWaiting.currency)
                : "—"}
            </Text>
            <Text size="sm" c="dimmed">
              until your target date
            </Text>
          </div>
        </SimpleGrid>
      )}
      {d.outcomesSought.length > 0 && (
        <Stack gap={4} mt="md">
          <Text fw={600} size="sm">
            What you want to achieve
          </Text>
          {d.outcomesSought.map((o) => (
            <Text key={o.measure} size="sm">
              {o.measure}: {o.current ?? "?"} → <b>{o.target ?? "?"}</b>
            </Text>
          ))}
        </Stack>
      )}
    </RoomSection>
  );
}
