import { isDeepStrictEqual } from "node:util";
import type { Kysely } from "kysely";
import type { DecisionFacts } from "../../../domain/decision/model.ts";
import { SIGNALS_VERSION, signalsOf } from "../../../domain/insights/signals.ts";
import type { Ratings } from "../../../domain/readiness/consensus.ts";
import { type Readiness, readinessOf } from "../../../domain/readiness/readiness.ts";
import { raiseEvents } from "../../db/outbox.ts";
import type { Database } from "../../db/schema.ts";
import { questionLibrary } from "../questions/questions.service.ts";
import { reviewFlagsOf } from "../reviews/review-flags.service.ts";
import { factsOf } from "./decisions.presenter.ts";
import {
  type ConcernRow,
  checkInsOf,
  concernsOf,
  type DecisionRow,
  type Derived,
  findDecisions,
  type InvolvementRow,
  involvementsOf,
  staleDerived,
  updateDerived,
} from "./decisions.repo.ts";

const group = <T extends { decision_id: string }>(rows: T[]) => {
  const byDecision = new Map<string, T[]>();
  for (const row of rows) byDecision.set(row.decision_id, [...(byDecision.get(row.decision_id) ?? []), row]);
  return byDecision;
};

/** A decision's record, people and concerns as stored, what readiness read of them, and its readiness. */
export interface StoredFacts {
  row: DecisionRow;
  involvements: InvolvementRow[];
  concerns: ConcernRow[];
  facts: DecisionFacts;
  readiness: Readiness;
}

/**
 * Everything readiness reads about some decisions — record, people, concerns, buyers' check-ins, last review —
 * and the result, for each. One query per kind of fact however many decisions: an import of thousands reads
 * them in a handful of statements, and one decision takes the same path.
 */
export async function decisionFactsOf(
  db: Kysely<Database>,
  workspaceId: string,
  ids: string[],
): Promise<Map<string, StoredFacts>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await findDecisions(db, workspaceId, unique);
  const involvements = group(await involvementsOf(db, workspaceId, unique));
  const concerns = group(await concernsOf(db, workspaceId, unique));
  const checkIns = group(await checkInsOf(db, workspaceId, unique));
  const flags = await reviewFlagsOf(db, workspaceId, unique);
  const library = await questionLibrary(db, workspaceId);
  const now = new Date();
  return new Map(
    rows.map((row) => {
      const people = involvements.get(row.id) ?? [];
      const raised = concerns.get(row.id) ?? [];
      const facts = {
        ...factsOf(row, people, raised),
        reviewFlags: flags.get(row.id) ?? [],
        checkIns: (checkIns.get(row.id) ?? []).map((c) => ({
          id: c.id,
          stakeholderId: c.stakeholder_id,
          stakeholderName: c.stakeholder_name,
          verified: c.verified,
          role: c.role as never,
          ratings: c.ratings as Ratings,
          comment: c.comment,
          at: c.created_at.toISOString(),
        })),
      };
      const readiness = readinessOf(facts, now, library);
      return [row.id, { row, involvements: people, concerns: raised, facts, readiness }] as const;
    }),
  );
}

/** Everything readiness reads about one decision, and the result. */
export async function decisionFacts(db: Kysely<Database>, workspaceId: string, id: string) {
  return (await decisionFactsOf(db, workspaceId, [id])).get(id)!;
}

/**
 * Recomputes readiness and milestone of some decisions, stored for lists and the board, in the caller's
 * transaction. Gives back each decision's facts as now stored, so the caller can answer without reading again.
 */
export async function refreshDerivedOf(trx: Kysely<Database>, workspaceId: string, ids: string[]) {
  const all = await decisionFactsOf(trx, workspaceId, ids);
  const derived: Array<Derived & { id: string }> = [...all.values()].map(({ row, facts, readiness }) => ({
    id: row.id,
    readiness: readiness.overall,
    milestone: readiness.milestone,
    weakest_dimension: readiness.weakest,
    cost_of_waiting_monthly: readiness.costOfWaiting.perMonth,
    signals: signalsOf(facts, readiness),
    derived_version: SIGNALS_VERSION,
  }));
  // Rows whose stored values are already right are left alone: rewriting them costs the most in a large import.
  const stored = (id: string) => all.get(id)!.row;
  await updateDerived(
    trx,
    workspaceId,
    derived.filter(
      (d) =>
        stored(d.id).readiness !== d.readiness ||
        stored(d.id).milestone !== d.milestone ||
        stored(d.id).weakest_dimension !== d.weakest_dimension ||
        Number(stored(d.id).cost_of_waiting_monthly) !== d.cost_of_waiting_monthly ||
        stored(d.id).derived_version !== d.derived_version ||
        !isDeepStrictEqual(stored(d.id).signals, d.signals),
    ),
  );
  await raiseEvents(
    trx,
    workspaceId,
    derived
      .filter((d) => stored(d.id).milestone !== d.milestone)
      .map((d) => ({
        type: "readiness.milestone_changed" as const,
        entity: "decision",
        entityId: d.id,
        decisionId: d.id,
        snapshot: { previousMilestone: stored(d.id).milestone, milestone: d.milestone },
      })),
  );
  for (const d of derived) {
    const facts = all.get(d.id)!;
    facts.row = { ...facts.row, ...d };
  }
  return all;
}

/**
 * Derives again, in batches, every decision whose stored signals came from older rules — after an upgrade,
 * so metrics never mix the old reading with the new. Safe to run on several servers at once: each batch is
 * its own transaction and writes the same values.
 */
export async function refreshOutdated(db: Kysely<Database>, batch = 500) {
  let total = 0;
  for (;;) {
    const rows = await staleDerived(db, SIGNALS_VERSION, batch);
    if (!rows.length) return total;
    const byWorkspace = new Map<string, string[]>();
    for (const r of rows) {
      const ids = byWorkspace.get(r.workspace_id) ?? [];
      ids.push(r.id);
      byWorkspace.set(r.workspace_id, ids);
    }
    await db.transaction().execute(async (trx) => {
      for (const [workspaceId, ids] of byWorkspace) await refreshDerivedOf(trx, workspaceId, ids);
    });
    total += rows.length;
  }
}

/** Recomputes one decision's readiness (see refreshDerivedOf) and returns its facts as now stored. */
export async function refreshDerived(trx: Kysely<Database>, workspaceId: string, id: string) {
  return (await refreshDerivedOf(trx, workspaceId, [id])).get(id)!;
}
