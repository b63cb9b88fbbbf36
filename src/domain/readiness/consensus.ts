import {
  type CheckInFacts,
  CONFIDENCE_POINTS,
  type ConfidencePoint,
  type InvolvementFacts,
  type StancePoint,
} from "../decision/model.ts";

export type Ratings = Record<ConfidencePoint, number>;

/** A person's check-ins are theirs whether they gave their name the same way each time or not. */
export const personKey = (checkIn: Pick<CheckInFacts, "stakeholderId" | "stakeholderName">) =>
  checkIn.stakeholderId ?? checkIn.stakeholderName.trim().toLowerCase();

/** The mean of the five ratings (1–5). */
export const averageRating = (ratings: Ratings) =>
  CONFIDENCE_POINTS.reduce((sum, point) => sum + ratings[point], 0) / CONFIDENCE_POINTS.length;

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

const byTime = <T extends { at: string }>(checkIns: readonly T[]) =>
  [...checkIns].sort((a, b) => a.at.localeCompare(b.at));

/** Each person's most recent check-in, in the order they last checked in. */
export function latestCheckIns<T extends CheckInFacts>(checkIns: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const checkIn of byTime(checkIns)) {
    latest.delete(personKey(checkIn));
    latest.set(personKey(checkIn), checkIn);
  }
  return [...latest.values()];
}

/** The customer's confidence as the record states it: buyers' own latest check-ins when any, our estimate otherwise. */
export interface CustomerConfidence {
  source: "buyers" | "our_estimate" | "none";
  /** Per point: the mean of buyers' latest ratings, or our estimate when no buyer has rated. */
  points: Record<ConfidencePoint, number | null>;
  /** Each buyer's latest ratings, most recent first. */
  people: { name: string; stakeholderId: string | null; verified: boolean; ratings: Ratings; at: string }[];
  /** What the seller estimated — shown second, never mixed into the buyers' figures. */
  estimate: Partial<Ratings>;
}

/** One source of truth for confidence: what buyers said themselves outranks what we believe they feel. */
export function customerConfidence(
  estimate: Partial<Ratings>,
  checkIns: readonly CheckInFacts[],
): CustomerConfidence {
  const people = latestCheckIns(checkIns).reverse();
  const fromEstimate = CONFIDENCE_POINTS.some((point) => typeof estimate[point] === "number");
  const points = Object.fromEntries(
    CONFIDENCE_POINTS.map((point) => [
      point,
      people.length
        ? people.reduce((sum, c) => sum + c.ratings[point], 0) / people.length
        : (estimate[point] ?? null),
    ]),
  ) as Record<ConfidencePoint, number | null>;
  return {
    source: people.length ? "buyers" : fromEstimate ? "our_estimate" : "none",
    points,
    people: people.map((c) => ({
      name: c.stakeholderName,
      stakeholderId: c.stakeholderId ?? null,
      verified: c.verified ?? false,
      ratings: { ...c.ratings },
      at: c.at,
    })),
    estimate: { ...estimate },
  };
}

/**
 * The person whose confidence fell most between their own last two check-ins, if anyone's fell by half a point
 * or more. Two different people's check-ins are never compared: a drop is only a drop for the same person.
 */
export function steepestDrop(checkIns: readonly CheckInFacts[]) {
  const byPerson = new Map<string, CheckInFacts[]>();
  for (const checkIn of byTime(checkIns))
    byPerson.set(personKey(checkIn), [...(byPerson.get(personKey(checkIn)) ?? []), checkIn]);
  let steepest: { name: string; previous: number; latest: number } | null = null;
  for (const theirs of byPerson.values()) {
    if (theirs.length < 2) continue;
    const previous = averageRating(theirs.at(-2)!.ratings);
    const latest = averageRating(theirs.at(-1)!.ratings);
    if (previous - latest >= 0.5 && (!steepest || previous - latest > steepest.previous - steepest.latest))
      steepest = { name: theirs.at(-1)!.stakeholderName, previous, latest };
  }
  return steepest;
}

/** Where people's latest ratings of one point split: some at 2 or below while others give 4 or 5. */
export function divergence<T extends CheckInFacts>(latest: readonly T[], point: ConfidencePoint) {
  const low = latest.filter((c) => c.ratings[point] <= 2);
  const high = latest.filter((c) => c.ratings[point] >= 4);
  return low.length && high.length ? { low, high } : null;
}

export interface ConsensusPerson {
  name: string;
  stakeholderId: string | null;
  role: string | null;
  influence: string | null;
  stance: Record<StancePoint, string> | null;
  latest: CheckInFacts | null;
  history: { at: string; average: number; agreement: number }[];
}

export interface Consensus {
  people: ConsensusPerson[];
  divergences: string[];
  trend: { at: string; average: number }[];
}

const roleWords = (role: string | null | undefined) => (role ? ` (${role.replace(/_/g, " ")})` : "");

/**
 * Per person: our reading of their stance beside their own latest check-in, where they diverge from each
 * other or from what we recorded, and how their confidence moved.
 */
export function consensusOf(
  involvements: readonly InvolvementFacts[],
  checkIns: readonly CheckInFacts[],
): Consensus {
  const ordered = byTime(checkIns);
  const people = new Map<string, { name: string; involvement?: InvolvementFacts }>();
  for (const i of involvements) people.set(i.stakeholderId, { name: i.name, involvement: i });
  for (const c of ordered)
    if (!people.has(personKey(c))) people.set(personKey(c), { name: c.stakeholderName });
  const result = [...people.entries()].map(([key, { name, involvement }]): ConsensusPerson => {
    const theirs = ordered.filter((c) => personKey(c) === key);
    const latest = theirs.at(-1) ?? null;
    return {
      name,
      stakeholderId: involvement?.stakeholderId ?? null,
      role: involvement?.role ?? latest?.role ?? null,
      influence: involvement?.influence ?? null,
      stance: involvement ? { ...involvement.stance } : null,
      latest,
      history: theirs.map((c) => ({
        at: c.at,
        average: oneDecimal(averageRating(c.ratings)),
        agreement: c.ratings.agreement,
      })),
    };
  });
  const divergences: string[] = [];
  const rated = result.filter((p): p is ConsensusPerson & { latest: CheckInFacts } => p.latest !== null);
  const split = divergence(
    rated.map((p) => p.latest),
    "agreement",
  );
  if (split) {
    const high = rated.filter((p) => split.high.includes(p.latest));
    for (const person of rated.filter((p) => split.low.includes(p.latest)))
      divergences.push(
        `${person.name}${roleWords(person.role)} rates "my organization agrees" ${person.latest.ratings.agreement}, while ${high.map((h) => `${h.name} rates it ${h.latest.ratings.agreement}`).join(" and ")}.`,
      );
  }
  for (const person of rated) {
    if (
      person.latest.ratings.agreement <= 2 &&
      person.stance?.problem === "supports" &&
      person.stance.timing === "supports"
    )
      divergences.push(`We record ${person.name} as supporting, but their own check-in says otherwise.`);
  }
  return {
    people: result,
    divergences,
    trend: ordered.map((c) => ({ at: c.at, average: oneDecimal(averageRating(c.ratings)) })),
  };
}
