import type { Kysely } from "kysely";
import type { Ratings } from "../../../domain/readiness/consensus.ts";
import { DAY_MS } from "../../../domain/time.ts";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { applyTemplate, listTemplates, planOf } from "../plan/plan.service.ts";
import { activeLink, checkIn, raiseConcern, tickStep } from "../room/room.service.ts";
import { openLink } from "../room/share-links.service.ts";

interface DemoRoom {
  decision: string;
  templateIndex: number;
  buyer: string;
  checkIns: { name: string; ratings: Ratings; comment?: string }[];
  concern?: string;
}

/** Demo plans and buyer rooms: buyers who ticked steps, raised a worry and checked in — and disagree. */
export async function seedDemoRooms(db: Kysely<Database>, owner: SignedIn, decisions: Map<string, string>) {
  const templates = await listTemplates(db, owner);
  const rooms: DemoRoom[] = [
    {
      decision: "Close the books in 5 days, not 12",
      templateIndex: 0,
      buyer: "Dana Lee, CFO",
      checkIns: [
        { name: "Sam Ortiz", ratings: { problem: 5, solution: 4, risks: 4, me: 5, agreement: 5 } },
        {
          name: "Dana Lee",
          ratings: { problem: 5, solution: 3, risks: 2, me: 4, agreement: 2 },
          comment: "Audit timing worries me.",
        },
      ],
      concern: "If cutover slips into the audit, we lose the board's trust.",
    },
    {
      decision: "Get ED boarding under 4 hours before state reporting starts",
      templateIndex: 2,
      buyer: "Grace Whitfield, CFO",
      checkIns: [
        { name: "Marcus Bell", ratings: { problem: 5, solution: 4, risks: 4, me: 5, agreement: 4 } },
        { name: "Grace Whitfield", ratings: { problem: 5, solution: 4, risks: 4, me: 4, agreement: 4 } },
      ],
    },
  ];
  for (const room of rooms) {
    const decisionId = decisions.get(room.decision);
    if (!decisionId) continue;
    await applyTemplate(
      db,
      owner,
      decisionId,
      templates[room.templateIndex]!.id,
      new Date(Date.now() - 14 * DAY_MS).toISOString().slice(0, 10),
    );
    const { token } = await openLink(db, owner, decisionId, room.buyer, new Date(Date.now() + 30 * DAY_MS));
    const link = (await activeLink(db, token))!;
    const plan = await planOf(db, owner.workspaceId, decisionId, null);
    const first = plan.steps.find((s) => s.ownerSide !== "us");
    if (first) await tickStep(db, link, "demo", first.id, "done", room.buyer.split(",")[0]);
    for (const c of room.checkIns)
      await checkIn(db, link, "demo", {
        stakeholderName: c.name,
        ratings: c.ratings,
        ...(c.comment ? { comment: c.comment } : {}),
      });
    if (room.concern)
      await raiseConcern(db, link, "demo", {
        text: room.concern,
        kind: "organizational",
        name: room.buyer.split(",")[0],
      });
  }
}
