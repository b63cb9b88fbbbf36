import { costOfWaiting } from "../decision/cost-of-waiting.ts";
import {
  CONFIDENCE_POINTS,
  type ConfidencePoint,
  type DecisionFacts,
  type InvolvementFacts,
  type ReviewFlag,
  STANCE_POINTS,
  type StancePoint,
} from "../decision/model.ts";
import { type Diagnosis, diagnose } from "../diagnostics/diagnose.ts";
import { customerConfidence, divergence, latestCheckIns } from "./consensus.ts";
import { type Dimension, type DimensionKey, DimensionScore } from "./dimension.ts";
import { type Milestone, type MilestoneResult, milestoneOf, missingFor } from "./milestone.ts";
import type { QuestionLibrary } from "./questions.ts";

export interface Readiness {
  overall: number;
  milestone: MilestoneResult["milestone"];
  next: MilestoneResult["next"];
  weakest: DimensionKey;
  dimensions: Dimension[];
  costOfWaiting: ReturnType<typeof costOfWaiting>;
}

/** How much each dimension counts in the overall score (sums to 100); see docs/readiness.md. */
export const WEIGHTS: Record<DimensionKey, number> = {
  problem: 16,
  impact: 14,
  why_change: 14,
  people: 12,
  concerns: 10,
  consensus: 12,
  process: 10,
  confidence: 12,
};

const ROLE_WORDS: Record<string, string> = {
  economic_buyer: "economic buyer",
  technical_evaluator: "technical evaluator",
};
export const roleLabel = (role: string) => ROLE_WORDS[role] ?? role.replace(/_/g, " ");
const POINT_WORDS: Record<StancePoint, string> = {
  problem: "the problem",
  approach: "the approach",
  us: "working with us",
  timing: "the timing",
};
const CONFIDENCE_WORDS: Record<ConfidencePoint, string> = {
  problem: "the problem",
  solution: "the solution",
  risks: "the risks",
  me: "what it means for them",
  agreement: "whether their organization agrees",
};
const has = (text: string | null | undefined) => Boolean(text?.trim());

function problemDimension(facts: DecisionFacts, diagnosis: Diagnosis | null, library: QuestionLibrary) {
  const d = new DimensionScore("problem", library);
  const { problem } = facts;
  const present = d.check(
    20,
    has(problem.statement),
    `Problem: "${problem.statement?.trim().slice(0, 140)}"`,
    {
      key: "problem.missing",
      text: "No one has written down what problem the customer is trying to solve.",
    },
  );
  if (present && diagnosis) {
    if (diagnosis.label === "customer") {
      d.partial(30, 1, "The problem is stated in the customer's terms.");
    } else if (diagnosis.label === "seller") {
      d.gap(
        "problem.seller_shaped",
        `The problem reads like our side, not theirs: it ${diagnosis.explanation.replace(/^The answer /, "")}`,
      );
    } else {
      d.gap("problem.vague", `The problem is too general to act on. ${diagnosis.explanation}`);
    }
  }
  const saidBy = facts.involvements.find((i) => i.stakeholderId === problem.saidBy);
  d.check(20, Boolean(saidBy), `In the words of ${saidBy?.name} (${roleLabel(saidBy?.role ?? "")}).`, {
    key: "problem.no_source",
    text: "The problem is not attributed to anyone at the customer — it may be our reading of it.",
  });
  d.check(15, has(problem.rootCause), "The root cause is written down.", {
    key: "problem.no_root_cause",
    text: "We do not know why the problem happens (no root cause).",
  });
  d.check(15, has(problem.currentApproach), "We know how they do it today.", {
    key: "problem.no_current_approach",
    text: "We do not know how they do it today, or why they do it that way.",
  });
  return d.result();
}

function impactDimension(facts: DecisionFacts, library: QuestionLibrary, cost: Readiness["costOfWaiting"]) {
  const d = new DimensionScore("impact", library);
  const { impact } = facts;
  d.check(40, cost.perMonth > 0 || cost.riskExposure > 0, "The cost of inaction is quantified.", {
    key: "impact.no_cost",
    text: "The cost of doing nothing is not quantified.",
  });
  const confirmer = facts.involvements.find((i) => i.stakeholderId === impact.confirmedBy);
  d.check(30, Boolean(confirmer), `Confirmed by ${confirmer?.name} (${roleLabel(confirmer?.role ?? "")}).`, {
    key: "impact.unconfirmed",
    text: "No one on the customer side has confirmed the cost of waiting.",
  });
  d.check(15, has(impact.assumptions), "The assumptions behind the figure are written down.", {
    key: "impact.no_assumptions",
    text: "The assumptions behind the cost are not written down.",
  });
  d.check(15, has(facts.targetDate), "A target decision date lets us size the cost of waiting.", {
    key: "impact.no_target_date",
    text: "Without the customer's target date, the cost of waiting until then cannot be sized.",
  });
  return d.result();
}

function whyChangeDimension(facts: DecisionFacts, library: QuestionLibrary) {
  const d = new DimensionScore("why_change", library);
  const { trigger } = facts;
  const event = trigger.event?.trim();
  const eventDiagnosis = event ? diagnose("why_change", event) : null;
  const eventIsTheirs = Boolean(event) && eventDiagnosis?.label !== "seller";
  if (event && !eventIsTheirs) {
    d.gap(
      "why_change.our_date",
      `The reason to change now is ours, not theirs: it ${eventDiagnosis!.explanation.replace(/^The answer /, "")}`,
    );
  } else {
    d.check(35, eventIsTheirs, `Trigger: "${event?.slice(0, 140)}"`, {
      key: "why_change.no_trigger",
      text: "We do not know what has changed that makes them act now.",
    });
  }
  d.check(25, has(trigger.date), `The date behind "why now": ${trigger.date}.`, {
    key: "why_change.no_date",
    text: 'There is no date behind "why now".',
  });
  if (has(trigger.date)) {
    d.check(25, trigger.dateOwner === "customer", "The date is the customer's, not our quarter.", {
      key: "why_change.our_date",
      text: 'The date behind "why now" is ours (our quarter or offer), not the customer\'s.',
    });
  }
  d.check(15, has(facts.targetDate), `The customer aims to decide by ${facts.targetDate}.`, {
    key: "why_change.no_target_date",
    text: "The customer has not named a date by which they want to decide.",
  });
  return d.result();
}

function peopleDimension(facts: DecisionFacts, library: QuestionLibrary) {
  const d = new DimensionScore("people", library);
  const people = facts.involvements;
  d.check(20, people.length >= 2, `${people.length} people involved.`, {
    key: "people.too_few",
    text:
      people.length === 0
        ? "No one at the customer is recorded as part of this decision."
        : "Only one person is recorded — decisions like this involve several.",
  });
  d.check(15, people.length >= 3, "Three or more people involved, as decisions like this usually need.", {
    key: "people.too_few",
    text: "Fewer than three people involved: who else is affected or has a say?",
  });
  const buyer = people.find((p) => p.role === "economic_buyer");
  d.check(30, Boolean(buyer), `Economic buyer: ${buyer?.name}.`, {
    key: "people.no_economic_buyer",
    text: "No economic buyer identified — we do not know who signs.",
  });
  const champion = people.find((p) => p.role === "champion");
  d.check(20, Boolean(champion), `Champion: ${champion?.name}.`, {
    key: "people.no_champion",
    text: "No champion identified — no one is carrying this inside the customer.",
  });
  const withStake = people.filter((p) => has(p.personalStake));
  d.partial(15, people.length ? withStake.length / people.length : 0);
  if (withStake.length)
    d.evidence.push(`We know what it means personally to ${withStake.map((p) => p.name).join(", ")}.`);
  for (const person of people.filter((p) => !has(p.personalStake)).slice(0, 3)) {
    d.gap(
      "people.no_personal_stake",
      `We do not know what this decision means to ${person.name} personally.`,
      { name: person.name },
    );
  }
  return d.result();
}

function concernsDimension(facts: DecisionFacts, library: QuestionLibrary) {
  const d = new DimensionScore("concerns", library);
  const concerns = facts.concerns;
  d.check(
    30,
    concerns.length > 0,
    `${concerns.length} concern${concerns.length === 1 ? "" : "s"} recorded.`,
    {
      key: "concerns.none",
      text: "No concerns recorded — every change worries someone, and we have not heard what.",
    },
  );
  d.check(
    15,
    concerns.some((c) => c.kind === "individual"),
    "We know what individuals fear for themselves.",
    {
      key: "concerns.no_individual",
      text: "No individual concern recorded: what does anyone fear for their own role?",
    },
  );
  d.check(
    15,
    concerns.some((c) => c.kind === "organizational"),
    "We know what the organization fears.",
    {
      key: "concerns.no_organizational",
      text: "No organizational concern recorded: what does the company fear?",
    },
  );
  const serious = concerns.filter((c) => c.severity !== "low");
  const answered = serious.filter((c) => c.status !== "open" || has(c.response));
  if (concerns.length) d.partial(40, serious.length ? answered.length / serious.length : 1);
  if (answered.length)
    d.evidence.push(`${answered.length} of ${serious.length} serious concerns have a response.`);
  for (const concern of serious.filter((c) => !answered.includes(c)).slice(0, 3)) {
    d.gap(
      "concerns.unanswered",
      `Open ${concern.severity}-severity concern without a response: "${concern.text.slice(0, 100)}".`,
      {
        concern: concern.text.slice(0, 80).replace(/[.!?\s]+$/, ""),
      },
    );
  }
  return d.result();
}

function isAgainst(stance: string) {
  return stance === "doubts" || stance === "opposes";
}

function consensusDimension(facts: DecisionFacts, library: QuestionLibrary) {
  const d = new DimensionScore("consensus", library);
  const people = facts.involvements;
  if (people.length === 0) {
    d.gap("consensus.unknown_stance", "No stakeholders recorded, so we cannot tell whether they agree.", {
      name: "everyone involved",
    });
    return d.result();
  }
  const cells = people.flatMap((p) => STANCE_POINTS.map((point) => p.stance[point]));
  const known = cells.filter((stance) => stance !== "unknown").length;
  d.partial(
    30,
    known / cells.length,
    `We know ${known} of ${cells.length} stances (problem, approach, us, timing).`,
  );
  for (const person of people
    .filter((p) => p.stance.problem === "unknown" || p.stance.timing === "unknown")
    .slice(0, 2)) {
    d.gap("consensus.unknown_stance", `We do not know how ${person.name} sees the problem or the timing.`, {
      name: person.name,
    });
  }
  const weight = (p: InvolvementFacts) => (p.influence === "high" ? 2 : p.influence === "medium" ? 1 : 0.5);
  const totalWeight = people.reduce((sum, p) => sum + weight(p), 0);
  const against = people.filter((p) => STANCE_POINTS.some((point) => isAgainst(p.stance[point])));
  const againstWeight = against.reduce((sum, p) => sum + weight(p), 0);
  d.partial(
    40,
    1 - againstWeight / totalWeight,
    against.length === 0 ? "No one is recorded as doubting or opposing." : undefined,
  );
  for (const person of against) {
    for (const point of STANCE_POINTS.filter((pt) => isAgainst(person.stance[pt]))) {
      d.gap(
        "consensus.disagreement",
        `${person.name} (${roleLabel(person.role)}, ${person.influence} influence) ${person.stance[point]} ${POINT_WORDS[point]}.`,
        { name: person.name, point: POINT_WORDS[point] },
      );
    }
  }
  const checkIns = latestCheckIns(facts.checkIns ?? []);
  if (checkIns.length === 0) {
    d.evidence.push(
      "Stances are our reading of the people involved; no buyer has confirmed them (unconfirmed).",
    );
  } else {
    // Buyers' own word on agreement comes first: a low "my organization agrees" is a gap whatever we recorded.
    for (const checkIn of checkIns.filter((c) => c.ratings.agreement <= 2)) {
      d.gap(
        "consensus.disagreement",
        `${checkIn.stakeholderName} rates "my organization agrees" ${checkIn.ratings.agreement} of 5 in their own check-in.`,
        {
          name: checkIn.stakeholderName,
          point: "whether the organization agrees",
        },
      );
    }
    d.evidence.push(
      `${checkIns.length} buyer${checkIns.length === 1 ? "" : "s"} rated agreement themselves.`,
    );
  }
  const buyer = people.find((p) => p.role === "economic_buyer");
  const buyerBacks = buyer && buyer.stance.problem === "supports" && buyer.stance.timing === "supports";
  d.check(
    30,
    Boolean(buyerBacks),
    `The economic buyer, ${buyer?.name}, supports the problem and the timing.`,
    {
      key: "consensus.no_economic_buyer_view",
      text: buyer
        ? `The economic buyer, ${buyer.name}, is not yet recorded as supporting both the problem and the timing.`
        : "Without an economic buyer we cannot tell whether the person who signs agrees.",
    },
  );
  return d.result();
}

function processDimension(facts: DecisionFacts, library: QuestionLibrary) {
  const d = new DimensionScore("process", library);
  const steps = facts.process.steps ?? [];
  d.check(
    30,
    steps.length > 0,
    `The customer's decision process has ${steps.length} step${steps.length === 1 ? "" : "s"}.`,
    {
      key: "process.no_steps",
      text: "We do not know how the customer will make the decision (no process steps).",
    },
  );
  const approvers = facts.process.approverIds ?? [];
  d.check(
    20,
    approvers.length > 0,
    `${approvers.length} approver${approvers.length === 1 ? "" : "s"} named.`,
    {
      key: "process.no_approvers",
      text: "No approvers named.",
    },
  );
  d.check(20, facts.criteria.length > 0, `${facts.criteria.length} decision criteria.`, {
    key: "process.no_criteria",
    text: "We do not know how they will judge the options (no decision criteria).",
  });
  const measured = facts.outcomesSought.filter((o) => has(o.current) && has(o.target));
  d.check(
    15,
    measured.length > 0,
    `${measured.length} outcome${measured.length === 1 ? "" : "s"} with a current and a target value.`,
    {
      key: "process.no_outcomes",
      text: "No outcome sought with a current and a target value — how will they know it worked?",
    },
  );
  const alternatives = facts.options.filter((o) => !o.isDoNothing);
  d.check(
    15,
    alternatives.length > 0,
    `They weigh ${alternatives.length} option${alternatives.length === 1 ? "" : "s"} besides doing nothing.`,
    {
      key: "process.no_alternatives",
      text: 'Only "do nothing" is recorded as an option — what else are they considering?',
    },
  );
  return d.result();
}

function average(values: number[]) {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function confidenceDimension(facts: DecisionFacts, library: QuestionLibrary) {
  const d = new DimensionScore("confidence", library);
  const confidence = customerConfidence(facts.sellerConfidence, facts.checkIns ?? []);
  if (confidence.source === "buyers") {
    const people = latestCheckIns(facts.checkIns ?? []);
    const perPoint = CONFIDENCE_POINTS.map((point) => ({ point, value: confidence.points[point]! }));
    d.partial(
      100,
      (average(perPoint.map((p) => p.value)) - 1) / 4,
      `${people.length} buyer check-in${people.length === 1 ? "" : "s"} (confirmed by the customer).`,
    );
    for (const { point, value } of perPoint.filter((p) => p.value < 3)) {
      d.gap("confidence.low", `Buyers rate ${CONFIDENCE_WORDS[point]} ${value.toFixed(1)} of 5.`, {
        point: CONFIDENCE_WORDS[point],
      });
    }
    for (const point of CONFIDENCE_POINTS) {
      const split = divergence(people, point);
      if (!split) continue;
      const { low } = split;
      d.gap(
        "confidence.divergent",
        `${low.map((c) => c.stakeholderName).join(", ")} rate${low.length === 1 ? "s" : ""} ${CONFIDENCE_WORDS[point]} ${low.map((c) => c.ratings[point]).join(", ")} while others rate it 4 or 5.`,
        {
          name: low[0]!.stakeholderName,
          point: CONFIDENCE_WORDS[point],
        },
      );
    }
    return d.result();
  }
  const estimate = CONFIDENCE_POINTS.map((point) => facts.sellerConfidence[point]).filter(
    (v): v is number => typeof v === "number",
  );
  if (estimate.length) {
    // Our estimate is worth at most 60: only the buyers can confirm their confidence.
    d.partial(
      60,
      (average(estimate) - 1) / 4,
      "Seller's estimate of the customer's confidence (unconfirmed).",
    );
  }
  d.gap(
    "confidence.unconfirmed",
    estimate.length
      ? "The customer's confidence is our estimate, not confirmed by them."
      : "We have no read of the customer's confidence — neither theirs nor ours.",
  );
  for (const point of CONFIDENCE_POINTS.filter((p) => (facts.sellerConfidence[p] ?? 5) <= 2)) {
    d.gap("confidence.low", `We estimate their confidence in ${CONFIDENCE_WORDS[point]} as low.`, {
      point: CONFIDENCE_WORDS[point],
    });
  }
  return d.result();
}

const FLAGGED_DIMENSION: Record<ReviewFlag["question"], DimensionKey> = {
  problem: "problem",
  impact: "impact",
  why_change: "why_change",
  worries: "concerns",
  consensus: "consensus",
  confidence: "confidence",
};
const QUESTION_WORDS: Record<ReviewFlag["question"], string> = {
  problem: "what problem the customer is trying to solve",
  impact: "what happens if they don't solve it",
  why_change: "why they need to change now",
  worries: "what they are worried about",
  consensus: "who must agree",
  confidence: "how confident they are",
};

/**
 * Readiness: how well we and the customer understand the decision, per dimension with evidence, gaps and
 * the next question to ask. Pure: `today` and the workspace's question library are passed in.
 */
const problemDiagnosis = (facts: DecisionFacts) =>
  facts.problem.statement?.trim() ? diagnose("problem", facts.problem.statement) : null;

/** The customer evidence a decision still lacks to reach a milestone, in words a seller accepts. */
export const evidenceMissingFor = (facts: DecisionFacts, target: Milestone) =>
  missingFor(facts, problemDiagnosis(facts), target);

export function readinessOf(facts: DecisionFacts, today: Date, library: QuestionLibrary = {}): Readiness {
  const diagnosis = problemDiagnosis(facts);
  const cost = costOfWaiting(facts.impact, facts.targetDate, today);
  const scores = [
    problemDimension(facts, diagnosis, library),
    impactDimension(facts, library, cost),
    whyChangeDimension(facts, library),
    peopleDimension(facts, library),
    concernsDimension(facts, library),
    consensusDimension(facts, library),
    processDimension(facts, library),
    confidenceDimension(facts, library),
  ];
  const dimensions = scores.map((dimension) => {
    const flags = (facts.reviewFlags ?? []).filter((f) => FLAGGED_DIMENSION[f.question] === dimension.key);
    // A flagged answer shows what we do not know yet, as a gap with the question to ask. It does not move the
    // score: readiness moves only with evidence from the customer, never with how a review was answered.
    if (flags.length === 0) return dimension;
    return {
      ...dimension,
      gaps: [
        ...flags.map((flag) => ({
          key: "review.flagged" as const,
          text: `In the review of ${flag.reviewedAt.slice(0, 10)}, the answer on ${QUESTION_WORDS[flag.question]} was ${flag.label === "seller" ? "about us, not the customer" : "too vague"}: ${flag.explanation}`,
          question: flag.suggestion,
        })),
        ...dimension.gaps,
      ],
    };
  });
  const overall = Math.round(dimensions.reduce((sum, dim) => sum + dim.score * WEIGHTS[dim.key], 0) / 100);
  const weakest = [...dimensions].sort((a, b) => a.score / 1 - b.score || WEIGHTS[b.key] - WEIGHTS[a.key])[0]!
    .key;
  const { milestone, next } = milestoneOf(facts, diagnosis);
  return { overall, milestone, next, weakest, dimensions, costOfWaiting: cost };
}
