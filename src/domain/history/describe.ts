import { UUID } from "../ids.ts";
import { asLabel } from "../words.ts";

/**
 * A change-log entry in words a seller reads: who (a member, or a buyer through the link for someone), what
 * they did, each changed field before → after, and the part of the decision page it belongs to. Pure: the
 * names behind ids (people, members, links) are passed in.
 */
export interface ChangeFacts {
  entity: string;
  action: string;
  memberName: string | null;
  via: string | null;
  before: unknown;
  after: unknown;
}

/** What the describer needs to name: people and members by id, and each share link by id. */
export interface Names {
  people: Record<string, string>;
  links: Record<string, { label: string; personal: boolean }>;
}

export interface ChangeSummary {
  who: string;
  what: string;
  fields: { label: string; before: string; after: string }[];
  /** Where on the decision page this belongs: a canvas section or a tab. */
  section: string | null;
}

/** Bookkeeping that changes with every write and says nothing a reader needs. */
const IGNORED = new Set([
  "id",
  "version",
  "updatedAt",
  "createdAt",
  "readiness",
  "milestone",
  "weakestDimension",
  "costOfWaitingMonthly",
  "decisionId",
  "accountName",
  "ownerName",
  "stakeholderName",
  "stakeholderTitle",
  "position",
]);

const LABELS: Record<string, string> = {
  title: "Title",
  valueAmount: "Our estimated value",
  currency: "Currency",
  targetDate: "Target decision date",
  ownerId: "Owner",
  accountId: "Account",
  outcome: "Outcome",
  outcomeReason: "Why (in the customer's words)",
  outcomeDate: "Decided on",
  forecastCategory: "Forecast category",
  notes: "Notes",
  sellerConfidence: "Our estimate of their confidence",
  "problem.statement": "Problem, in their words",
  "problem.saidBy": "Problem said by",
  "problem.rootCause": "Root cause",
  "problem.currentApproach": "How they do it today",
  "impact.recurringCost": "Recurring cost of doing nothing",
  "impact.risks": "One-off risks",
  "impact.assumptions": "Assumptions behind the cost",
  "impact.confirmedBy": "Cost confirmed by",
  "trigger.event": "What makes them act now",
  "trigger.date": "Date behind 'why now'",
  "trigger.dateOwner": "Whose date",
  personalStake: "What it means to them",
  dueDate: "Due date",
  ownerSide: "Whose step",
  blockedReason: "Why blocked",
  coachingNotes: "Coaching notes",
  answer: "Answer",
};

const SECTIONS: Record<string, string> = {
  problem: "problem",
  impact: "impact",
  trigger: "why change",
  targetDate: "why change",
  outcomesSought: "how they decide",
  options: "how they decide",
  criteria: "how they decide",
  process: "how they decide",
  sellerConfidence: "confidence",
  outcome: "confidence",
  outcomeReason: "confidence",
  outcomeDate: "confidence",
};

const ENTITY_SECTION: Record<string, string> = {
  involvement: "people",
  concern: "concerns",
  plan_step: "plan",
  step_comment: "plan",
  share_link: "plan",
  check_in: "plan",
  problem_correction: "problem",
  review: "reviews",
  review_answer: "reviews",
  review_action: "reviews",
  success_measure: "after the sale",
  success_report: "after the sale",
};

const record = (value: unknown) =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

function shown(value: unknown, names: Names): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return UUID.test(value) ? (names.people[value] ?? "someone") : value;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return value.toLocaleString("en");
  if (Array.isArray(value)) return value.length ? value.map((v) => shown(v, names)).join("; ") : "—";
  const fields = Object.values(record(value) ?? {}).filter((v) => v !== null && v !== undefined && v !== "");
  return fields.length ? fields.map((v) => shown(v, names)).join(", ") : "—";
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const ORDER = Object.keys(LABELS);
/** The page's order, not the order a JSON column happened to store its keys in. */
const inPageOrder = (keys: string[], prefix = "") =>
  [...keys].sort((x, y) => {
    const rank = (k: string) => (ORDER.indexOf(prefix + k) + ORDER.length + 1) % (ORDER.length + 1);
    return rank(x) - rank(y) || x.localeCompare(y);
  });

/** The fields an update changed, one level into the decision's parts (problem, impact, trigger). */
function changedFields(before: unknown, after: unknown, names: Names) {
  const b = record(before) ?? {};
  const a = record(after) ?? {};
  const out: ChangeSummary["fields"] = [];
  for (const key of inPageOrder(Object.keys(a))) {
    if (IGNORED.has(key) || same(b[key], a[key])) continue;
    const nestedB = record(b[key]);
    const nestedA = record(a[key]);
    const nested = Object.keys(LABELS).some((label) => label.startsWith(`${key}.`));
    if (nested && nestedA) {
      for (const sub of inPageOrder(Object.keys(nestedA), `${key}.`)) {
        if (same(nestedB?.[sub], nestedA[sub])) continue;
        out.push({
          label: LABELS[`${key}.${sub}`] ?? asLabel(sub),
          before: shown(nestedB?.[sub], names),
          after: shown(nestedA[sub], names),
        });
      }
    } else
      out.push({
        label: LABELS[key] ?? asLabel(key),
        before: shown(b[key], names),
        after: shown(a[key], names),
      });
  }
  return out;
}

function who(facts: ChangeFacts, names: Names) {
  if (facts.memberName)
    return facts.via?.startsWith("token:") ? `${facts.memberName}, through an API token` : facts.memberName;
  const link = /^share_link:([0-9a-f-]{36})/.exec(facts.via ?? "")?.[1];
  if (link) {
    const known = names.links[link];
    if (!known) return "A buyer through a share link";
    return known.personal
      ? `${known.label}, through their own link`
      : `A buyer through the link for ${known.label} (unverified)`;
  }
  if (facts.via?.startsWith("import:")) return "An import";
  if (facts.via === "cli") return "The command line";
  return "Confidant";
}

const VERB: Record<string, string> = {
  create: "added",
  update: "changed",
  delete: "deleted",
  restore: "restored",
  access: "opened",
};

function what(facts: ChangeFacts, names: Names) {
  const after = record(facts.after) ?? record(facts.before) ?? {};
  const title = typeof after.title === "string" ? ` “${after.title}”` : "";
  const person =
    typeof after.stakeholderName === "string"
      ? after.stakeholderName
      : typeof after.stakeholderId === "string"
        ? (names.people[after.stakeholderId] ?? "someone")
        : "someone";
  const verb = VERB[facts.action] ?? facts.action;
  switch (facts.entity) {
    case "decision":
      return facts.action === "create" ? "created the decision" : `${verb} the decision`;
    case "involvement":
      return facts.action === "create"
        ? `added ${person} to the decision`
        : facts.action === "delete"
          ? `removed ${person} from the decision`
          : `${verb} what we know of ${person}`;
    case "concern":
      return facts.action === "create" ? "raised a concern" : `${verb} a concern`;
    case "check_in":
      return "checked in: how confident they are";
    case "problem_correction":
      return facts.action === "create"
        ? record(facts.after)?.verdict === "right"
          ? "confirmed the problem statement"
          : "proposed a correction to the problem"
        : `${String(record(facts.after)?.status ?? "resolved")} a buyer's correction of the problem`;
    case "plan_step":
      return `${verb} the plan step${title}`;
    case "step_comment":
      return "commented on a plan step";
    case "share_link":
      return facts.action === "create"
        ? `shared the buyer room${typeof after.label === "string" ? ` with ${after.label}` : ""}`
        : facts.action === "delete"
          ? `revoked the room link${typeof after.label === "string" ? ` for ${after.label}` : ""}`
          : "visited the buyer room";
    case "review":
      return facts.action === "create" ? "started a review" : `${verb} the review`;
    case "review_answer":
      return `answered ${typeof after.question === "string" ? `the ${asLabel(after.question).toLowerCase()} question` : "a review question"}`;
    case "review_action":
      return `${verb} an agreed action${title}`;
    case "success_measure":
      return facts.action === "create"
        ? `agreed a success measure${typeof after.measure === "string" ? `: ${after.measure}` : ""}`
        : `${verb} a success measure${typeof after.measure === "string" ? `: ${after.measure}` : ""}`;
    case "success_report":
      return `reported whether the decision delivered${typeof after.reporter_name === "string" ? ` (${after.reporter_name})` : ""}`;
    default:
      return `${verb} the ${asLabel(facts.entity).toLowerCase()}`;
  }
}

export function describeChange(facts: ChangeFacts, names: Names): ChangeSummary {
  const fields = facts.action === "update" ? changedFields(facts.before, facts.after, names) : [];
  const topKeys = Object.keys(facts.action === "update" ? (record(facts.after) ?? {}) : {}).filter(
    (key) => !same(record(facts.before)?.[key], record(facts.after)?.[key]) && SECTIONS[key],
  );
  return {
    who: who(facts, names),
    what: what(facts, names),
    fields,
    section:
      ENTITY_SECTION[facts.entity] ??
      (facts.entity === "decision" && topKeys.length ? SECTIONS[topKeys[0]!]! : null),
  };
}
