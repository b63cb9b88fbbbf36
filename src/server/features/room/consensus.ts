import type { z } from "zod";
import type { consensus } from "../../../contract/plan.ts";
import type { StoredFacts } from "../decisions/readiness.service.ts";

type InvolvementRow = StoredFacts["involvements"][number];

type CheckInRow = {
  id: string;
  stakeholder_id: string | null;
  stakeholder_name: string;
  role: string | null;
  ratings: unknown;
  comment: string | null;
  created_at: Date;
};
type Ratings = { problem: number; solution: number; risks: number; me: number; agreement: number };
const average = (r: Ratings) =>
  Math.round(((r.problem + r.solution + r.risks + r.me + r.agreement) / 5) * 10) / 10;

/** Per person: our reading of their stance beside their own latest check-in, where they diverge, and the trend. */
export function consensusOf(
  involvements: InvolvementRow[],
  checkIns: CheckInRow[],
): z.infer<typeof consensus> {
  const key = (c: CheckInRow) => c.stakeholder_id ?? c.stakeholder_name.toLowerCase();
  const names = new Map<string, { name: string; involvement?: InvolvementRow }>();
  for (const i of involvements) names.set(i.stakeholder_id, { name: i.stakeholder_name, involvement: i });
  for (const c of checkIns) if (!names.has(key(c))) names.set(key(c), { name: c.stakeholder_name });
  const people = [...names.entries()].map(([k, { name, involvement }]) => {
    const mine = checkIns.filter((c) => key(c) === k);
    const latest = mine.at(-1);
    return {
      name,
      stakeholderId: involvement?.stakeholder_id ?? null,
      role: involvement?.role ?? latest?.role ?? null,
      influence: involvement?.influence ?? null,
      stance: involvement
        ? {
            problem: involvement.stance_problem,
            approach: involvement.stance_approach,
            us: involvement.stance_us,
            timing: involvement.stance_timing,
          }
        : null,
      latest: latest
        ? {
            id: latest.id,
            stakeholderId: latest.stakeholder_id,
            stakeholderName: latest.stakeholder_name,
            role: latest.role,
            ratings: latest.ratings as Ratings,
            comment: latest.comment,
            at: latest.created_at.toISOString(),
          }
        : null,
      history: mine.map((c) => ({
        at: c.created_at.toISOString(),
        average: average(c.ratings as Ratings),
        agreement: (c.ratings as Ratings).agreement,
      })),
    };
  });
  const divergences: string[] = [];
  const rated = people.filter((p) => p.latest);
  const low = rated.filter((p) => p.latest!.ratings.agreement <= 2);
  const high = rated.filter((p) => p.latest!.ratings.agreement >= 4);
  for (const person of low) {
    if (high.length) {
      divergences.push(
        `${person.name}${person.role ? ` (${person.role.replace(/_/g, " ")})` : ""} rates "my organization agrees" ${person.latest!.ratings.agreement}, while ${high.map((h) => `${h.name} rates it ${h.latest!.ratings.agreement}`).join(" and ")}.`,
      );
    }
  }
  for (const person of rated) {
    const stance = person.stance;
    if (
      stance &&
      person.latest!.ratings.agreement <= 2 &&
      stance.problem === "supports" &&
      stance.timing === "supports"
    ) {
      divergences.push(`We record ${person.name} as supporting, but their own check-in says otherwise.`);
    }
  }
  return {
    people,
    divergences,
    trend: checkIns.map((c) => ({ at: c.created_at.toISOString(), average: average(c.ratings as Ratings) })),
  };
}
