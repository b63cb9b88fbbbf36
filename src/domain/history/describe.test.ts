import { describe, expect, it } from "vitest";
import { describeChange, type Names } from "./describe.ts";

const DANA = "11111111-1111-4111-8111-111111111111";
const LINK = "22222222-2222-4222-8222-222222222222";
const OWN = "33333333-3333-4333-8333-333333333333";
const names: Names = {
  people: { [DANA]: "Dana Lee" },
  links: {
    [LINK]: { label: "The finance team", personal: false },
    [OWN]: { label: "Dana Lee", personal: true },
  },
};

describe("history in words", () => {
  it("says who changed which field of the decision, before → after, with people by name, and where it is", () => {
    const summary = describeChange(
      {
        entity: "decision",
        action: "update",
        memberName: "Priya Raman",
        via: null,
        before: { version: 2, readiness: 30, problem: { statement: "Close takes 12 days.", saidBy: null } },
        after: { version: 3, readiness: 45, problem: { statement: "Close takes 12 days.", saidBy: DANA } },
      },
      names,
    );
    expect(summary).toEqual({
      who: "Priya Raman",
      what: "changed the decision",
      fields: [{ label: "Problem said by", before: "—", after: "Dana Lee" }],
      section: "problem",
    });
  });

  it("tells the check after the sale: measures agreed at the win, and who reported whether it delivered", () => {
    const measure = describeChange(
      {
        entity: "success_measure",
        action: "create",
        memberName: "Priya Raman",
        via: null,
        before: null,
        after: { measure: "Days to close", due_on: "2027-03-01" },
      },
      names,
    );
    expect(measure).toMatchObject({
      what: "agreed a success measure: Days to close",
      section: "after the sale",
    });
    const report = describeChange(
      {
        entity: "success_report",
        action: "create",
        memberName: null,
        via: `share_link:${OWN} ip:abc`,
        before: null,
        after: { reporter_name: "Dana Lee" },
      },
      names,
    );
    expect(report).toMatchObject({
      who: "Dana Lee, through their own link",
      what: "reported whether the decision delivered (Dana Lee)",
    });
  });

  it("names a buyer by the link they came through: their own link, or a general one (unverified)", () => {
    const checkIn = (via: string) =>
      describeChange(
        { entity: "check_in", action: "create", memberName: null, via, before: null, after: {} },
        names,
      );
    expect(checkIn(`share_link:${OWN} ip:abcd`).who).toBe("Dana Lee, through their own link");
    expect(checkIn(`share_link:${LINK} ip:abcd`).who).toBe(
      "A buyer through the link for The finance team (unverified)",
    );
    expect(checkIn(`share_link:${LINK} ip:abcd`)).toMatchObject({
      what: "checked in: how confident they are",
      section: "plan",
    });
  });

  it("tells parts in words, never as internal names", () => {
    const added = describeChange(
      {
        entity: "involvement",
        action: "create",
        memberName: "Priya Raman",
        via: null,
        before: null,
        after: { stakeholderId: DANA, role: "economic_buyer" },
      },
      names,
    );
    expect(added.what).toBe("added Dana Lee to the decision");
    const notes = describeChange(
      {
        entity: "review",
        action: "update",
        memberName: "Daniel Okafor",
        via: null,
        before: { coachingNotes: null },
        after: { coachingNotes: "Ask the CFO about the audit." },
      },
      names,
    );
    expect(notes.fields).toEqual([
      { label: "Coaching notes", before: "—", after: "Ask the CFO about the audit." },
    ]);
    expect(JSON.stringify([added, notes])).not.toMatch(/coaching_notes|share_link|_id/);
  });
});
