// After the sale: did the decision deliver what the customer sought? Each success measure is judged on the
// customer's own word (reached: yes, partly, no) at or after its date; their numbers, when they give them, say
// how far along it is. A decision delivered when every measure was reached; it missed when any measure was not
// reached by its date.
import { DAY_MS } from "../time.ts";

export type Reached = "yes" | "partly" | "no";
export type DecideAgain = "yes" | "unsure" | "no";
export const REACHED: Reached[] = ["yes", "partly", "no"];
export const DECIDE_AGAIN: DecideAgain[] = ["yes", "unsure", "no"];

/** Without an agreed date, the customer is asked a quarter after the decision. */
export const DEFAULT_CHECK_DAYS = 90;

export interface MeasurePlan {
  measure: string;
  baseline: string | null;
  target: string | null;
  /** By when the target was to be reached, and when the customer is asked. */
  dueOn: string;
}

export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The outcomes sought, as measures: what they had is the baseline; asked about a quarter after the win. */
export function measuresFromOutcomes(
  outcomes: { measure: string; current?: string | null; target?: string | null }[],
  wonOn: string,
): MeasurePlan[] {
  return outcomes.map((o) => ({
    measure: o.measure,
    baseline: o.current?.trim() || null,
    target: o.target?.trim() || null,
    dueOn: addDays(wonOn, DEFAULT_CHECK_DAYS),
  }));
}

const SCALE: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, bn: 1e9, b: 1e9 };

/** The first number in what someone wrote ("12 days", "$1.2M", "40%", "3,400"), or null when there is none. */
export function amountOf(text: string | null | undefined): number | null {
  const found = text?.match(/(-?\d[\d,]*(?:\.\d+)?)\s*(k|mm|m|bn|b)?\b/i);
  if (!found) return null;
  const value = Number(found[1]!.replace(/,/g, ""));
  return Number.isFinite(value) ? value * (SCALE[found[2]?.toLowerCase() ?? ""] ?? 1) : null;
}

/** How far from the baseline to the target the value is: 0 at the baseline, 1 at the target. */
export function progressOf(baseline: string | null, target: string | null, value: string): number | null {
  const [from, to, now] = [amountOf(baseline), amountOf(target), amountOf(value)];
  if (from === null || to === null || now === null || from === to) return null;
  return (now - from) / (to - from);
}

/** What one person said of one measure, on one day. */
export interface Said {
  value: string;
  reached: Reached;
  on: string;
  by: string;
}

export type MeasureState = "not_due" | "on_the_way" | "awaiting" | "met" | "partly" | "missed";

export interface MeasureJudgement {
  state: MeasureState;
  progress: number | null;
  /** Reported as not (fully) reached at or after its date: the promised outcome was missed. */
  flagged: boolean;
  why: string;
}

const against = (m: MeasurePlan) => (m.target ? ` against a target of ${m.target}` : "");
const fromTo = (m: MeasurePlan, said: Said, progress: number | null) =>
  `${said.by} said on ${said.on}: ${said.value}${against(m)}${
    m.baseline ? ` (it was ${m.baseline})` : ""
  }${progress === null ? "" : `, ${Math.round(progress * 100)}% of the way`}`;

/** Where one measure stands today, from the latest thing the customer said of it. */
export function judgeMeasure(m: MeasurePlan, latest: Said | null, today: string): MeasureJudgement {
  const progress = latest ? progressOf(m.baseline, m.target, latest.value) : null;
  const due = today >= m.dueOn;
  if (latest?.reached === "yes")
    return { state: "met", progress, flagged: false, why: `Reached. ${fromTo(m, latest, progress)}.` };
  if (latest && latest.on >= m.dueOn) {
    const state = latest.reached === "partly" ? "partly" : "missed";
    const words = state === "partly" ? "Partly reached by" : "Not reached by";
    return { state, progress, flagged: true, why: `${words} ${m.dueOn}. ${fromTo(m, latest, progress)}.` };
  }
  if (!due)
    return {
      state: latest ? "on_the_way" : "not_due",
      progress,
      flagged: false,
      why: latest
        ? `On the way to ${m.dueOn}. ${fromTo(m, latest, progress)}.`
        : `Due ${m.dueOn}: the customer is asked then.`,
    };
  return {
    state: "awaiting",
    progress,
    flagged: false,
    why: `Due ${m.dueOn}; the customer has not said since.${latest ? ` Before then, ${fromTo(m, latest, progress)}.` : ""}`,
  };
}

export type Delivery = "none" | "delivered" | "missed" | "awaiting" | "in_progress";

export const DELIVERY_WORDS: Record<Delivery, string> = {
  none: "No success measures",
  delivered: "Delivered",
  missed: "Missed",
  awaiting: "Waiting on the customer",
  in_progress: "On the way",
};

const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

/** Whether the decision delivered: every measure reached, or any missed at its date; and in words why. */
export function judgeDecision(
  measures: { measure: string; judgement: MeasureJudgement }[],
  decideAgain: DecideAgain[],
): { delivery: Delivery; why: string } {
  const named = (states: MeasureState[]) =>
    measures.filter((m) => states.includes(m.judgement.state)).map((m) => m.measure);
  const again = decideAgainWords(decideAgain);
  const tail = again ? ` ${again}` : "";
  if (measures.length === 0)
    return { delivery: "none", why: "No outcomes sought were agreed as success measures." };
  const missed = named(["missed", "partly"]);
  if (missed.length > 0)
    return { delivery: "missed", why: `Not reached by the agreed date: ${list(missed)}.${tail}` };
  if (named(["met"]).length === measures.length)
    return {
      delivery: "delivered",
      why: `Every outcome sought was reached: ${list(named(["met"]))}.${tail}`,
    };
  const awaiting = named(["awaiting"]);
  if (awaiting.length > 0)
    return { delivery: "awaiting", why: `Due, and the customer has not said yet: ${list(awaiting)}.${tail}` };
  return { delivery: "in_progress", why: `Not due yet: ${list(named(["not_due", "on_the_way"]))}.${tail}` };
}

/** "2 would decide the same again, 1 is unsure": each person's latest answer. */
export function decideAgainWords(answers: DecideAgain[]): string {
  if (answers.length === 0) return "";
  const count = (a: DecideAgain) => answers.filter((x) => x === a).length;
  const parts = [
    count("yes") ? `${count("yes")} would decide the same again` : "",
    count("unsure") ? `${count("unsure")} ${count("unsure") === 1 ? "is" : "are"} unsure` : "",
    count("no") ? `${count("no")} would not` : "",
  ].filter(Boolean);
  return `${parts.join(", ")}.`;
}

/** "Decisions that delivered": of the won decisions whose results are in, the share that delivered. */
export function deliveredShare(deliveries: Delivery[]) {
  const delivered = deliveries.filter((d) => d === "delivered").length;
  const missed = deliveries.filter((d) => d === "missed").length;
  const awaiting = deliveries.filter((d) => d === "awaiting" || d === "in_progress").length;
  const of = delivered + missed;
  return {
    delivered,
    missed,
    awaiting,
    of,
    rate: of ? delivered / of : null,
    words: of
      ? `${delivered} of ${of} won decisions with the customer's results delivered every outcome sought${
          missed ? `; ${missed} missed` : ""
        }${awaiting ? `; ${awaiting} not in yet` : ""}.`
      : awaiting
        ? `No results in yet: ${awaiting} won ${awaiting === 1 ? "decision is" : "decisions are"} waiting on the customer or not due.`
        : "No won decisions with success measures.",
  };
}

/** One report as kept: who, when, and what they said of each measure. */
export interface ReportFacts {
  reporterName: string;
  decideAgain: DecideAgain;
  /** ISO date-time. */
  createdAt: string;
  values: { measureId: string; value: string; reached: Reached }[];
}

/** Every measure judged on the latest report that speaks of it, and the decision on all of them. */
export function judgeReports<M extends MeasurePlan & { id: string }>(
  measures: M[],
  reports: ReportFacts[],
  today: string,
) {
  const newestFirst = [...reports].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const judged = measures.map((m) => {
    const report = newestFirst.find((r) => r.values.some((v) => v.measureId === m.id));
    const value = report?.values.find((v) => v.measureId === m.id);
    const latest: Said | null =
      report && value
        ? {
            value: value.value,
            reached: value.reached,
            on: report.createdAt.slice(0, 10),
            by: report.reporterName,
          }
        : null;
    return { ...m, latest, judgement: judgeMeasure(m, latest, today) };
  });
  const latestAnswer = new Map<string, DecideAgain>();
  for (const r of newestFirst)
    if (!latestAnswer.has(r.reporterName)) latestAnswer.set(r.reporterName, r.decideAgain);
  return { measures: judged, ...judgeDecision(judged, [...latestAnswer.values()]) };
}
