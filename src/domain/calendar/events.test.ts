import { describe, expect, it } from "vitest";
import { calendarEntries } from "./events.ts";

const step = {
  id: "s1",
  title: "Legal signs the DPA",
  description: null,
  ownerSide: "customer" as const,
  ownerName: "Dana Lee",
  dueDate: "2027-01-15",
  status: "not_started" as const,
  decisionId: "d1",
  decisionTitle: "Close in 5 days",
  accountName: "Contoso",
};

describe("plan steps on a calendar", () => {
  it("a dated step is an all-day entry naming its owner, linked to the decision", () => {
    expect(calendarEntries([step], "https://c.test", "c.test")).toEqual([
      {
        uid: "plan-step-s1@c.test",
        date: "2027-01-15",
        title: "Legal signs the DPA — Contoso",
        description: "Contoso: Close in 5 days\nOwner: Customer: Dana Lee\nStatus: open",
        url: "https://c.test/decisions/d1",
        done: false,
      },
    ]);
  });

  it("leaves out steps without a date and marks done ones", () => {
    const entries = calendarEntries(
      [
        { ...step, dueDate: null },
        { ...step, id: "s2", status: "done" as const, ownerSide: "us" as const, ownerName: null },
      ],
      "https://c.test",
      "c.test",
    );
    expect(entries.map((e) => [e.uid, e.title, e.done])).toEqual([
      ["plan-step-s2@c.test", "✓ Legal signs the DPA — Contoso", true],
    ]);
    expect(entries[0]!.description).toContain("Owner: Us");
  });
});
