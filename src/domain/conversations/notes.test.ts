import { describe, expect, it } from "vitest";
import { readNotes } from "./notes.ts";

const NOTE = `Met Dana Whitfield (COO) and Raj at the plant.
- Dana: we reconcile the shipping files by hand every Friday and orders still go missing.
- They lose about 3 days a month chasing invoices.
- Raj is worried the migration will land in peak season.
- Concern: legal wants to review the data processing terms first
- We showed the dashboard and offered a pilot.
- Asked Dana why they still reconcile by hand.
- Q: how do you decide which orders ship first?
Next steps: Dana to send the export by December 4th.`;

describe("reading a note typed by hand", () => {
  const reading = readNotes(NOTE);

  it("finds the customer's statements, attributed where the note says who, never our own actions", () => {
    expect(reading.statements.problem).toEqual([
      {
        line: 2,
        speaker: "Dana",
        text: "we reconcile the shipping files by hand every Friday and orders still go missing.",
      },
    ]);
    expect(reading.statements.impact).toEqual([
      { line: 3, speaker: null, text: "They lose about 3 days a month chasing invoices." },
    ]);
    expect(reading.statements.concern.map((s) => [s.line, s.speaker])).toEqual([
      [4, "Raj"],
      [5, null],
    ]);
    const all = Object.values(reading.statements).flat();
    expect(all.some((s) => s.text.includes("dashboard"))).toBe(false);
  });

  it("lists the questions we asked, typed, whether written as questions or reported", () => {
    expect(reading.questions.map((q) => [q.line, q.type])).toEqual([
      [7, "insight"],
      [8, "open"],
    ]);
    expect(readNotes("We asked them whether IT owns the file.").questions).toEqual([
      { line: 1, type: "closed", text: "We asked them whether IT owns the file." },
    ]);
  });

  it("takes a step with an owner and a specific day as agreed, and a vague or hedged one as not", () => {
    expect(reading.nextStep).toMatchObject({ agreed: true, owner: "Dana", date: "December 4th", line: 9 });
    expect(readNotes("Next step: catch up next week.").nextStep.agreed).toBe(false);
    expect(readNotes("Next steps: maybe a demo on Thursday the 12th?").nextStep.agreed).toBe(false);
    expect(readNotes("Follow-up call booked for 2026-12-09 with Dana.").nextStep).toMatchObject({
      agreed: true,
      date: "2026-12-09",
    });
  });
});
