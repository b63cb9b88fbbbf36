import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Correction, createCorrectionBody } from "../../../contract/corrections.ts";
import { agreementOf, reasonOf, sameReason } from "../../../domain/diagnostics/agreement.ts";
import { diagnose } from "../../../domain/diagnostics/diagnose.ts";
import type { DiagnosisLabel, DiagnosisReason, ReviewQuestion } from "../../../domain/diagnostics/types.ts";
import { recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { notFound } from "../../http/errors.ts";
import { requireDiagnosisCorrector } from "../../http/policies.ts";
import { requireReview } from "../reviews/reviews.service.ts";
import { type CorrectionRow, correctionsOf, findCorrection, insertCorrection } from "./corrections.repo.ts";

const verdictOf = (row: CorrectionRow) => ({
  predictedLabel: row.predicted_label as DiagnosisLabel,
  predictedReason: row.predicted_reason as DiagnosisReason | null,
  label: row.label,
  reason: row.reason as DiagnosisReason | null,
});

export function presentCorrection(row: CorrectionRow): Correction {
  const verdict = verdictOf(row);
  return {
    id: row.id,
    question: row.question as ReviewQuestion,
    answer: row.answer,
    predicted: { label: verdict.predictedLabel, reason: verdict.predictedReason },
    label: row.label,
    reason: verdict.reason,
    agrees: sameReason(verdict),
    reviewId: row.review_id,
    by: { id: row.created_by, name: row.by_name ?? null },
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

/** What the change log keeps of a verdict. */
const logged = (row: CorrectionRow) => ({
  question: row.question,
  answer: row.answer,
  predicted: `${row.predicted_label}/${row.predicted_reason ?? "-"}`,
  verdict: `${row.label}/${row.reason ?? "-"}`,
});

/**
 * A manager's verdict on the diagnosis of an answer. The diagnosis is worked out again here, so what is
 * recorded as predicted is what the product said, not what a client claims it said.
 */
export async function addCorrection(
  db: Kysely<Database>,
  actor: SignedIn,
  body: z.output<typeof createCorrectionBody>,
) {
  requireDiagnosisCorrector(actor);
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    if (body.reviewId) await requireReview(trx, actor, body.reviewId);
    const predicted = diagnose(body.question, body.answer);
    const row = {
      id,
      workspace_id: actor.workspaceId,
      review_id: body.reviewId ?? null,
      question: body.question,
      answer: body.answer,
      predicted_label: predicted.label,
      predicted_reason: predicted.reason,
      label: body.label,
      // Stored as the diagnosis gives it: "vague" for a vague answer, none for a customer one.
      reason: reasonOf(body.label, body.reason ?? null),
      created_by: actor.memberId,
    };
    await insertCorrection(trx, row);
    await recordCreate(trx, actor, "diagnosis_correction", id, logged({ ...row } as CorrectionRow));
  });
  return presentCorrection((await findCorrection(db, actor.workspaceId, id))!);
}

export async function listCorrections(db: Kysely<Database>, actor: SignedIn) {
  requireDiagnosisCorrector(actor);
  const rows = await correctionsOf(db, actor.workspaceId);
  return { items: rows.map(presentCorrection), agreement: agreementOf(rows.map(verdictOf)) };
}

/** The verdicts as labelled answers in the shared JSONL schema, ready for `npm run train:review -- --extra`. */
export async function exportCorrections(db: Kysely<Database>, actor: SignedIn) {
  requireDiagnosisCorrector(actor);
  const rows = await correctionsOf(db, actor.workspaceId);
  return rows
    .map((r) =>
      JSON.stringify({
        id: r.id,
        question: r.question,
        answer: r.answer,
        label: r.label,
        reason: r.reason,
      }),
    )
    .join("\n");
}

export async function changeCorrection(
  db: Kysely<Database>,
  actor: SignedIn,
  id: string,
  change: { action: "delete" | "restore"; version: number },
) {
  requireDiagnosisCorrector(actor);
  await db.transaction().execute(async (trx) => {
    const row = await findCorrection(trx, actor.workspaceId, id, change.action === "restore");
    if (!row) throw notFound("The correction");
    await applyChange(trx, actor, {
      entity: "diagnosis_correction",
      table: "diagnosis_correction",
      id,
      version: change.version,
      action: change.action,
      current: row,
      load: (includeDeleted) => findCorrection(trx, actor.workspaceId, id, includeDeleted),
      present: logged,
      what: "The correction",
    });
  });
  return presentCorrection((await findCorrection(db, actor.workspaceId, id, true))!);
}
