/** The customer's decision as the domain sees it: plain data, no ids of tables, no I/O. */

export const STANCES = ["supports", "neutral", "doubts", "opposes", "unknown"] as const;
export type Stance = (typeof STANCES)[number];
export const STANCE_POINTS = ["problem", "approach", "us", "timing"] as const;
export type StancePoint = (typeof STANCE_POINTS)[number];

export const STAKEHOLDER_ROLES = [
  "economic_buyer",
  "champion",
  "user",
  "technical_evaluator",
  "finance",
  "legal",
  "procurement",
  "influencer",
  "blocker",
  "other",
] as const;
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];
export const INFLUENCE = ["low", "medium", "high"] as const;
export type Influence = (typeof INFLUENCE)[number];

export const PERIODS = ["week", "month", "quarter", "year"] as const;
export type Period = (typeof PERIODS)[number];

export const OUTCOMES = ["open", "won", "lost", "no_decision"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CONCERN_KINDS = ["individual", "organizational"] as const;
export const CONCERN_CATEGORIES = [
  "cost",
  "disruption",
  "risk_of_failure",
  "job_or_reputation",
  "technical",
  "political",
  "timing",
  "other",
] as const;
export const SEVERITIES = ["low", "medium", "high"] as const;
export const CONCERN_STATUSES = ["open", "addressed", "accepted"] as const;

export const CONFIDENCE_POINTS = ["problem", "solution", "risks", "me", "agreement"] as const;
export type ConfidencePoint = (typeof CONFIDENCE_POINTS)[number];
/** Each point as the buyer rates it, in their own words (the room's check-in, and its line in the activity). */
export const BUYER_CONFIDENCE_WORDS: Record<ConfidencePoint, string> = {
  problem: "We understand the problem",
  solution: "We understand the solution",
  risks: "We understand the risks and how they are handled",
  me: "I know what it means for me",
  agreement: "My organization agrees",
};
export type ConfidenceRatings = Partial<Record<ConfidencePoint, number>>;

export interface Problem {
  statement?: string | null;
  saidBy?: string | null;
  rootCause?: string | null;
  currentApproach?: string | null;
}

export interface Risk {
  description: string;
  amount: number;
  /** Percent, 0–100. */
  likelihood: number;
}

export interface Impact {
  recurringCost?: { amount: number; period: Period } | null;
  risks?: Risk[];
  assumptions?: string | null;
  confirmedBy?: string | null;
}

export interface Trigger {
  event?: string | null;
  date?: string | null;
  dateOwner?: "customer" | "ours" | null;
}

export interface OutcomeSought {
  measure: string;
  current?: string | null;
  target?: string | null;
}

export interface DecisionOption {
  name: string;
  notes?: string | null;
  isDoNothing?: boolean;
}

export interface ProcessStep {
  name: string;
  who?: string | null;
  date?: string | null;
}

export interface DecisionProcess {
  steps?: ProcessStep[];
  approverIds?: string[];
}

export interface InvolvementFacts {
  stakeholderId: string;
  name: string;
  role: StakeholderRole;
  influence: Influence;
  personalStake?: string | null;
  stance: Record<StancePoint, Stance>;
}

export interface ConcernFacts {
  text: string;
  kind: (typeof CONCERN_KINDS)[number];
  category: (typeof CONCERN_CATEGORIES)[number];
  raisedBy?: string | null;
  severity: (typeof SEVERITIES)[number];
  status: (typeof CONCERN_STATUSES)[number];
  response?: string | null;
}

/** A buyer's own ratings (1–5), from the buyer room. */
export interface CheckInFacts {
  id?: string;
  /** The involved stakeholder who goes by the name the buyer gave, when there is one. */
  stakeholderId?: string | null;
  stakeholderName: string;
  /** Given through the stakeholder's own link; through a general link, the name is only what was typed. */
  verified?: boolean;
  role?: StakeholderRole | null;
  ratings: Record<ConfidencePoint, number>;
  comment?: string | null;
  at: string;
}

export interface DecisionFacts {
  title: string;
  targetDate?: string | null;
  problem: Problem;
  impact: Impact;
  trigger: Trigger;
  outcomesSought: OutcomeSought[];
  options: DecisionOption[];
  criteria: string[];
  process: DecisionProcess;
  sellerConfidence: ConfidenceRatings;
  outcome: Outcome;
  involvements: InvolvementFacts[];
  concerns: ConcernFacts[];
  checkIns?: CheckInFacts[];
  /** Answers of the latest completed review that were seller-centric or vague. */
  reviewFlags?: ReviewFlag[];
}

export interface ReviewFlag {
  question: "problem" | "impact" | "why_change" | "worries" | "consensus" | "confidence";
  label: "seller" | "vague";
  explanation: string;
  suggestion: string;
  reviewedAt: string;
}

export const DO_NOTHING: DecisionOption = {
  name: "Do nothing",
  notes: "Keep doing things the way they are done today.",
  isDoNothing: true,
};

/** Options always include doing nothing: the status quo is the customer's most likely choice. */
export function withDoNothing(options: DecisionOption[]): DecisionOption[] {
  if (options.some((option) => option.isDoNothing)) return options;
  return [DO_NOTHING, ...options];
}
