import { DAY_MS } from "../time.ts";

/** A plan step as slippage sees it. Dates are YYYY-MM-DD. */
export interface StepFacts {
  id: string;
  title: string;
  dueDate: string | null;
  firstDueDate: string | null;
  dueDateMoves: number;
  status: "not_started" | "in_progress" | "done" | "blocked";
  doneAt: string | null;
  dependsOn: string | null;
}

const toDay = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export interface Slippage {
  overdue: { id: string; title: string; daysLate: number }[];
  moved: { id: string; title: string; moves: number; daysMoved: number }[];
  blocked: { id: string; title: string }[];
  /** When the last step will be done if late steps finish today and their dependents keep their spacing. */
  projectedDecisionDate: string | null;
  /** Days the projection lies after the customer's target (negative: ahead of it). */
  daysAfterTarget: number | null;
  summary: string;
}

/**
 * Where the mutual plan stands against the customer's target date. An unfinished step whose due date has
 * passed is projected to finish today; a step that depends on it moves by the same amount.
 */
export function slippageOf(steps: StepFacts[], targetDate: string | null, today: Date): Slippage {
  const now = toDay(today.toISOString());
  const byId = new Map(steps.map((s) => [s.id, s]));
  const projected = new Map<string, number>();
  const projectedEnd = (step: StepFacts, seen = new Set<string>()): number | null => {
    if (projected.has(step.id)) return projected.get(step.id)!;
    if (seen.has(step.id)) return null; // a dependency loop: ignore the link
    seen.add(step.id);
    let end: number | null;
    if (step.status === "done")
      end = step.doneAt ? toDay(step.doneAt) : step.dueDate ? toDay(step.dueDate) : null;
    else end = step.dueDate ? Math.max(toDay(step.dueDate), now) : null;
    const dependency = step.dependsOn ? byId.get(step.dependsOn) : undefined;
    if (dependency && step.status !== "done") {
      const dependencyEnd = projectedEnd(dependency, seen);
      if (dependencyEnd !== null && dependency.dueDate) {
        const spacing = step.dueDate ? Math.max(0, toDay(step.dueDate) - toDay(dependency.dueDate)) : 0;
        end = Math.max(end ?? 0, dependencyEnd + spacing);
      }
    }
    if (end !== null) projected.set(step.id, end);
    return end;
  };
  const ends = steps.map((s) => projectedEnd(s)).filter((e): e is number => e !== null);
  const projectedDecision = ends.length ? Math.max(...ends) : null;
  const overdue = steps
    .filter((s) => s.status !== "done" && s.dueDate && toDay(s.dueDate) < now)
    .map((s) => ({ id: s.id, title: s.title, daysLate: Math.round((now - toDay(s.dueDate!)) / DAY_MS) }));
  const moved = steps
    .filter((s) => s.dueDateMoves > 0 && s.firstDueDate && s.dueDate)
    .map((s) => ({
      id: s.id,
      title: s.title,
      moves: s.dueDateMoves,
      daysMoved: Math.round((toDay(s.dueDate!) - toDay(s.firstDueDate!)) / DAY_MS),
    }));
  const blocked = steps.filter((s) => s.status === "blocked").map((s) => ({ id: s.id, title: s.title }));
  const daysAfterTarget =
    projectedDecision !== null && targetDate
      ? Math.round((projectedDecision - toDay(targetDate)) / DAY_MS)
      : null;
  const parts: string[] = [];
  if (steps.length === 0) parts.push("No plan yet.");
  if (overdue.length) parts.push(`${overdue.length} step${overdue.length === 1 ? " is" : "s are"} overdue.`);
  if (blocked.length) parts.push(`${blocked.length} blocked.`);
  if (moved.length) parts.push(`Dates moved on ${moved.length} step${moved.length === 1 ? "" : "s"}.`);
  if (daysAfterTarget !== null) {
    parts.push(
      daysAfterTarget > 0
        ? `At this pace they decide ${daysAfterTarget} days after their target.`
        : `On track for their target date${daysAfterTarget < 0 ? `, ${-daysAfterTarget} days early` : ""}.`,
    );
  }
  return {
    overdue,
    moved,
    blocked,
    projectedDecisionDate: projectedDecision === null ? null : toDate(projectedDecision),
    daysAfterTarget,
    summary: parts.join(" "),
  };
}
