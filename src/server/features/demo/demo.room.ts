import type { Kysely } from "kysely";
import { DAY_MS } from "../../../domain/time.ts";
import { recordChange } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { applyTemplate, listTemplates, planOf } from "../plan/plan.service.ts";
import { checkIn, hashSecret, newRoomToken, raiseConcern, tickStep } from "../room/room.service.ts";

type Ratings = { problem: number; solution: number; risks: number; me: number; agreement: number };
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
    const id = crypto.randomUUID();
    await db
      .insertInto("share_link")
      .values({
        id,
        workspace_id: owner.workspaceId,
        decision_id: decisionId,
        token_hash: hashSecret(newRoomToken()),
        label: room.buyer,
        expires_at: new Date(Date.now() + 30 * DAY_MS),
        created_by: owner.memberId,
      })
      .execute();
    await recordChange(db, owner, {
      entity: "share_link",
      entityId: id,
      action: "create",
      after: { label: room.buyer },
      parentId: decisionId,
    });
    const link = (await db.selectFrom("share_link").selectAll().where("id", "=", id).executeTakeFirst())!;
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
