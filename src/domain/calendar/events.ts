/** A step of a mutual plan as a calendar shows it: an all-day entry on its date, named for who owns it. */
export interface PlanStepForCalendar {
  id: string;
  title: string;
  description: string | null;
  ownerSide: "customer" | "us" | "both";
  ownerName: string | null;
  dueDate: string | null;
  status: "not_started" | "in_progress" | "done" | "blocked";
  decisionId: string;
  decisionTitle: string;
  accountName: string;
}

export interface CalendarEntry {
  uid: string;
  /** YYYY-MM-DD: an all-day entry. */
  date: string;
  title: string;
  description: string;
  url: string;
  done: boolean;
}

const SIDE = { customer: "Customer", us: "Us", both: "Together" } as const;

/** Steps with a date become entries; one without a date has nowhere to go on a calendar. */
export function calendarEntries(steps: PlanStepForCalendar[], appUrl: string, host: string): CalendarEntry[] {
  return steps
    .filter((s) => s.dueDate)
    .map((s) => {
      const who = s.ownerName ? `${SIDE[s.ownerSide]}: ${s.ownerName}` : SIDE[s.ownerSide];
      const state = s.status === "done" ? "done" : s.status === "blocked" ? "blocked" : "open";
      return {
        uid: `plan-step-${s.id}@${host}`,
        date: s.dueDate!,
        title: `${s.status === "done" ? "✓ " : ""}${s.title} — ${s.accountName}`,
        description: [
          `${s.accountName}: ${s.decisionTitle}`,
          `Owner: ${who}`,
          `Status: ${state}`,
          ...(s.description ? [s.description] : []),
        ].join("\n"),
        url: `${appUrl}/decisions/${s.decisionId}`,
        done: s.status === "done",
      };
    });
}
