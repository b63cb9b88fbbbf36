import { describe, expect, it } from "vitest";
import { type StepFacts, slippageOf } from "./slippage.ts";

const today = new Date("2026-03-10T09:00:00Z");
const step = (over: Partial<StepFacts> & { id: string }): StepFacts => ({
  title: over.id,
  dueDate: null,
  firstDueDate: null,
  dueDateMoves: 0,
  status: "not_started",
  doneAt: null,
  dependsOn: null,
  ...over,
});

describe("plan slippage", () => {
  it("a plan on schedule projects the last due date and is on track for the target", () => {
    const result = slippageOf(
      [step({ id: "a", dueDate: "2026-03-15" }), step({ id: "b", dueDate: "2026-03-30", dependsOn: "a" })],
      "2026-04-01",
      today,
    );
    expect(result).toMatchObject({ overdue: [], projectedDecisionDate: "2026-03-30", daysAfterTarget: -2 });
    expect(result.summary).toBe("On track for their target date, 2 days early.");
  });

  it("an overdue step is projected to finish today and pushes the steps that wait for it", () => {
    const result = slippageOf(
      [
        step({ id: "security", dueDate: "2026-03-01" }),
        step({ id: "legal", dueDate: "2026-03-08", dependsOn: "security" }),
        step({ id: "sign", dueDate: "2026-03-15", dependsOn: "legal" }),
      ],
      "2026-03-15",
      today,
    );
    expect(result.overdue.map((o) => [o.id, o.daysLate])).toEqual([
      ["security", 9],
      ["legal", 2],
    ]);
    // security ends today (03-10); legal keeps its 7-day spacing (03-17); sign keeps 7 more (03-24).
    expect(result.projectedDecisionDate).toBe("2026-03-24");
    expect(result.daysAfterTarget).toBe(9);
    expect(result.summary).toBe("2 steps are overdue. At this pace they decide 9 days after their target.");
  });

  it("done steps count on the day they were done; moved dates and blocked steps are reported", () => {
    const result = slippageOf(
      [
        step({ id: "a", dueDate: "2026-03-01", status: "done", doneAt: "2026-03-03T10:00:00Z" }),
        step({
          id: "b",
          dueDate: "2026-04-10",
          firstDueDate: "2026-03-20",
          dueDateMoves: 2,
          status: "blocked",
        }),
      ],
      null,
      today,
    );
    expect(result.overdue).toEqual([]);
    expect(result.moved).toEqual([{ id: "b", title: "b", moves: 2, daysMoved: 21 }]);
    expect(result.blocked).toEqual([{ id: "b", title: "b" }]);
    expect(result.daysAfterTarget).toBeNull();
  });

  it("survives a dependency loop and an empty plan", () => {
    expect(
      slippageOf(
        [
          step({ id: "a", dueDate: "2026-03-20", dependsOn: "b" }),
          step({ id: "b", dueDate: "2026-03-25", dependsOn: "a" }),
        ],
        null,
        today,
      ).projectedDecisionDate,
    ).toBe("2026-03-25");
    expect(slippageOf([], "2026-04-01", today)).toMatchObject({
      projectedDecisionDate: null,
      summary: "No plan yet.",
    });
  });
});
