import type {
  Concern,
  Decision,
  DecisionCard,
  Involvement,
  ReadinessView,
} from "../../../contract/decisions.ts";
import type {
  ConcernFacts,
  ConfidenceRatings,
  DecisionFacts,
  DecisionOption,
  DecisionProcess,
  Impact,
  InvolvementFacts,
  OutcomeSought,
  Problem,
  Trigger,
} from "../../../domain/decision/model.ts";
import { customerConfidence } from "../../../domain/readiness/consensus.ts";
import type { DimensionKey } from "../../../domain/readiness/dimension.ts";
import type { Milestone } from "../../../domain/readiness/milestone.ts";
import type { Readiness } from "../../../domain/readiness/readiness.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { canEditDecision } from "../../http/policies.ts";
import type { CardRow, ConcernRow, DecisionRow, InvolvementRow } from "./decisions.repo.ts";
import type { StoredFacts } from "./readiness.service.ts";

const orNull = <T>(value: T | undefined | null) => value ?? null;

/** JSON columns, read back into the domain's shapes with defaults for anything missing. */
export function partsOf(row: DecisionRow) {
  const problem = (row.problem ?? {}) as Problem;
  const impact = (row.impact ?? {}) as Impact;
  const trigger = (row.trigger ?? {}) as Trigger;
  const process = (row.process ?? {}) as DecisionProcess;
  return {
    problem: {
      statement: orNull(problem.statement),
      saidBy: orNull(problem.saidBy),
      rootCause: orNull(problem.rootCause),
      currentApproach: orNull(problem.currentApproach),
    },
    impact: {
      recurringCost: orNull(impact.recurringCost),
      risks: impact.risks ?? [],
      assumptions: orNull(impact.assumptions),
      confirmedBy: orNull(impact.confirmedBy),
    },
    trigger: {
      event: orNull(trigger.event),
      date: orNull(trigger.date),
      dateOwner: orNull(trigger.dateOwner),
    },
    outcomesSought: ((row.outcomes_sought ?? []) as OutcomeSought[]).map((o) => ({
      measure: o.measure,
      current: orNull(o.current),
      target: orNull(o.target),
    })),
    options: ((row.options ?? []) as DecisionOption[]).map((o) => ({
      name: o.name,
      notes: orNull(o.notes),
      isDoNothing: Boolean(o.isDoNothing),
    })),
    criteria: (row.criteria ?? []) as string[],
    process: {
      steps: (process.steps ?? []).map((s) => ({ name: s.name, who: orNull(s.who), date: orNull(s.date) })),
      approverIds: process.approverIds ?? [],
    },
    sellerConfidence: (row.seller_confidence ?? {}) as ConfidenceRatings,
  };
}

export function presentCard(row: CardRow): DecisionCard {
  return {
    id: row.id,
    title: row.title,
    accountId: row.account_id,
    accountName: row.account_name,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    valueAmount: row.value_amount,
    currency: row.currency,
    targetDate: row.target_date,
    outcome: row.outcome,
    forecastCategory: row.forecast_category,
    readiness: row.readiness,
    milestone: row.milestone as Milestone,
    weakestDimension: row.weakest_dimension as DimensionKey | null,
    costOfWaitingMonthly: row.cost_of_waiting_monthly,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    problemHeadline: row.problem_headline,
  };
}

export function presentDecision(row: DecisionRow): Decision {
  return {
    ...presentCard({ ...row, problem_headline: null }),
    ...partsOf(row),
    outcomeReason: row.outcome_reason,
    outcomeDate: row.outcome_date,
    notes: row.notes,
    source:
      row.source_system && row.source_id
        ? {
            system: row.source_system,
            id: row.source_id,
            stage: row.source_stage,
            productLine: row.product_line,
            owner: row.source_owner,
          }
        : null,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentInvolvement(row: InvolvementRow): Involvement {
  return {
    id: row.id,
    decisionId: row.decision_id,
    stakeholderId: row.stakeholder_id,
    stakeholderName: row.stakeholder_name,
    stakeholderTitle: row.stakeholder_title,
    role: row.role as Involvement["role"],
    influence: row.influence as Involvement["influence"],
    personalStake: row.personal_stake,
    stance: {
      problem: row.stance_problem as Involvement["stance"]["problem"],
      approach: row.stance_approach as Involvement["stance"]["approach"],
      us: row.stance_us as Involvement["stance"]["us"],
      timing: row.stance_timing as Involvement["stance"]["timing"],
    },
    version: row.version,
  };
}

export function presentConcern(row: ConcernRow): Concern {
  return {
    id: row.id,
    decisionId: row.decision_id,
    text: row.text,
    kind: row.kind as Concern["kind"],
    category: row.category as Concern["category"],
    raisedBy: row.raised_by,
    raisedByName: row.raised_by_name,
    severity: row.severity as Concern["severity"],
    status: row.status as Concern["status"],
    response: row.response,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

export function presentReadiness(readiness: Readiness, currency: string): ReadinessView {
  return { ...readiness, costOfWaiting: { ...readiness.costOfWaiting, currency } };
}

/** The facts readiness reads, from the decision row and its parts. */
export function factsOf(
  row: DecisionRow,
  involvements: InvolvementRow[],
  concerns: ConcernRow[],
): DecisionFacts {
  const parts = partsOf(row);
  return {
    title: row.title,
    targetDate: row.target_date,
    ...parts,
    outcome: row.outcome,
    involvements: involvements.map(
      (i): InvolvementFacts => ({
        stakeholderId: i.stakeholder_id,
        name: i.stakeholder_name,
        role: i.role as InvolvementFacts["role"],
        influence: i.influence as InvolvementFacts["influence"],
        personalStake: i.personal_stake,
        stance: presentInvolvement(i).stance,
      }),
    ),
    concerns: concerns.map(
      (c): ConcernFacts => ({
        text: c.text,
        kind: c.kind as ConcernFacts["kind"],
        category: c.category as ConcernFacts["category"],
        raisedBy: c.raised_by,
        severity: c.severity as ConcernFacts["severity"],
        status: c.status as ConcernFacts["status"],
        response: c.response,
      }),
    ),
  };
}

/** A decision with its parts and readiness, and whether the caller may change it. */
export function presentDetail(
  actor: SignedIn,
  {
    row,
    involvements,
    concerns,
    facts,
    readiness,
  }: Pick<StoredFacts, "row" | "involvements" | "concerns" | "facts" | "readiness">,
) {
  return {
    ...presentDecision(row),
    involvements: involvements.map(presentInvolvement),
    concerns: concerns.map(presentConcern),
    readinessDetail: presentReadiness(readiness, row.currency),
    confidence: customerConfidence(facts.sellerConfidence, facts.checkIns ?? []),
    canEdit: canEditDecision(actor, row),
  };
}
