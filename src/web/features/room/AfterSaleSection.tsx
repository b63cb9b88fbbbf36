import { Alert, Text } from "@mantine/core";
import { useState } from "react";
import type { RoomView } from "../../../contract/room.ts";
import { ReportForm } from "../success/ReportForm.tsx";
import type { RoomAct, Speaker } from "./api.ts";
import { RoomSection } from "./RoomSection.tsx";

/**
 * After the decision: the customer says whether it delivered what they sought — where each agreed measure
 * stands, whether they would decide the same again, what got in the way.
 */
export function AfterSaleSection({ view, act, speaker }: { view: RoomView; act: RoomAct; speaker: Speaker }) {
  const [sent, setSent] = useState(false);
  const success = view.success;
  if (!success) return null;
  return (
    <RoomSection title="Did it deliver what you sought?" testId="room-after-sale">
      {sent ? (
        <Alert color="teal" variant="light" role="status">
          Thank you — {view.sellerName} sees your answer, including anything that did not work. Tell us again
          whenever things change.
        </Alert>
      ) : (
        <>
          <Text size="sm" mb="sm">
            {success.due
              ? `The date you agreed has come. Where does each measure stand now?`
              : `These are the measures you agreed when you decided. Tell ${view.sellerName} where they stand at any time.`}
          </Text>
          <ReportForm
            measures={success.measures}
            nameLabel={null}
            submitLabel="Send"
            pending={act.isPending}
            refused={act.variables?.path === "/success-reports" ? act.error : null}
            onSubmit={({ values, decideAgain, inTheWay }) => {
              const who = speaker(true);
              if (!who) return;
              act.mutate(
                { path: "/success-reports", body: { ...who, values, decideAgain, inTheWay } },
                { onSuccess: () => setSent(true) },
              );
            }}
          />
        </>
      )}
    </RoomSection>
  );
}
