import type { Kysely } from "kysely";
import type { z } from "zod";
import type { resolveCorrectionBody } from "../../../contract/room.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { conflict, notFound } from "../../http/errors.ts";
import { changeDecision } from "../decisions/decisions.service.ts";
import { presentCorrectionState } from "./room.presenter.ts";
import { findCorrection } from "./room.repo.ts";

/**
 * The seller accepts or dismisses a buyer's correction of the problem. One transaction: the correction's new
 * status in the change log, and — when accepted — the customer's own words in the problem statement.
 */
export async function resolveCorrection(
  db: Kysely<Database>,
  actor: SignedIn,
  id: string,
  body: z.output<typeof resolveCorrectionBody>,
  /** The decision, when the caller may change it (else it throws). */
  editable: (trx: Kysely<Database>, decisionId: string) => Promise<{ version: number }>,
) {
  await db.transaction().execute(async (trx) => {
    const row = await findCorrection(trx, actor.workspaceId, id);
    if (!row) throw notFound("The correction");
    const decision = await editable(trx, row.decision_id);
    if (row.status !== "proposed") throw conflict("This correction has already been resolved.");
    await applyChange(trx, actor, {
      entity: "problem_correction",
      table: "problem_correction",
      id: row.id,
      version: body.version,
      action: "update",
      patch: { status: body.status, resolved_by: actor.memberId, resolved_at: new Date() },
      current: row,
      load: () => findCorrection(trx, actor.workspaceId, id),
      present: presentCorrectionState,
      parentId: () => row.decision_id,
      what: "The correction",
    });
    if (body.status === "accepted" && row.text) {
      await changeDecision(trx, actor, row.decision_id, {
        version: decision.version,
        // Attribution follows the words: they are the stakeholder's who sent them (null if we cannot tell who).
        problem: { statement: row.text, saidBy: row.stakeholder_id },
      });
    }
  });
}
