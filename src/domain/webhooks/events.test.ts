import { describe, expect, it } from "vitest";
import { eventsOf } from "./events.ts";

describe("the events a change raises", () => {
  it("a new decision, an edit, and an edit that sets the outcome", () => {
    expect(eventsOf({ entity: "decision", action: "create", after: { title: "x" } })).toEqual([
      "decision.created",
    ]);
    expect(
      eventsOf({ entity: "decision", action: "update", before: { title: "a" }, after: { title: "b" } }),
    ).toEqual(["decision.updated"]);
    expect(
      eventsOf({
        entity: "decision",
        action: "update",
        before: { outcome: null },
        after: { outcome: "won" },
      }),
    ).toEqual(["decision.updated", "decision.outcome_set"]);
    expect(eventsOf({ entity: "decision", action: "delete" })).toEqual([]);
  });

  it("a review completed and a plan step done, only when they become so", () => {
    const completed = {
      entity: "review",
      action: "update",
      before: { status: "open" },
      after: { status: "completed" },
    };
    expect(eventsOf(completed)).toEqual(["review.completed"]);
    expect(eventsOf({ ...completed, before: { status: "completed" } })).toEqual([]);
    const done = {
      entity: "plan_step",
      action: "update",
      before: { status: "in_progress" },
      after: { status: "done" },
    };
    expect(eventsOf(done)).toEqual(["plan.step.completed"]);
    expect(eventsOf({ ...done, after: { status: "blocked" } })).toEqual([]);
  });

  it("a buyer's check-in and a conversation added; nothing for other records", () => {
    expect(eventsOf({ entity: "check_in", action: "create" })).toEqual(["checkin.created"]);
    expect(eventsOf({ entity: "conversation", action: "create" })).toEqual(["conversation.analyzed"]);
    expect(eventsOf({ entity: "account", action: "create" })).toEqual([]);
  });
});
