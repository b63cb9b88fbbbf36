import type { z } from "zod";
import type { checkIn, consensus } from "../../../contract/room.ts";
import type { CheckInFacts } from "../../../domain/decision/model.ts";
import type { Consensus } from "../../../domain/readiness/consensus.ts";

export function presentCheckIn(c: CheckInFacts): z.infer<typeof checkIn> {
  return {
    id: c.id!,
    stakeholderId: c.stakeholderId ?? null,
    verified: c.verified ?? false,
    stakeholderName: c.stakeholderName,
    role: c.role ?? null,
    ratings: c.ratings,
    comment: c.comment ?? null,
    at: c.at,
  };
}

export function presentConsensus(result: Consensus): z.infer<typeof consensus> {
  return {
    ...result,
    people: result.people.map((p) => ({ ...p, latest: p.latest ? presentCheckIn(p.latest) : null })),
  };
}

/** Where a buyer's correction stands: proposed, accepted or dismissed. */
export const presentCorrectionState = (row: { id: string; status: string; version: number }) => ({
  id: row.id,
  status: row.status,
  version: row.version,
});
