import { describe, expect, it } from "vitest";
import {
  amountOf,
  decideAgainWords,
  deliveredShare,
  judgeDecision,
  judgeMeasure,
  judgeReports,
  type MeasurePlan,
  measuresFromOutcomes,
  progressOf,
} from "./delivery.ts";

const cycle: MeasurePlan = {
  measure: "Close cycle",
  baseline: "12 days",
  target: "5 days",
  dueOn: "2026-06-30",
};
const said = (value: string, reached: "yes" | "partly" | "no", on: string) => ({
  value,
  reached,
  on,
  by: "Dana",
});

describe("success measures", () => {
  it("are the outcomes sought, with what they had as the baseline, asked about a quarter after the win", () => {
    expect(
      measuresFromOutcomes(
        [{ measure: "Close cycle", current: " 12 days ", target: "5 days" }, { measure: "NPS" }],
        "2026-03-31",
      ),
    ).toEqual([
      { measure: "Close cycle", baseline: "12 days", target: "5 days", dueOn: "2026-06-29" },
      { measure: "NPS", baseline: null, target: null, dueOn: "2026-06-29" },
    ]);
  });

  it("read the first number in what people write", () => {
    expect(amountOf("12 days")).toBe(12);
    expect(amountOf("$1.2M a year")).toBe(1_200_000);
    expect(amountOf("3,400 tickets")).toBe(3400);
    expect(amountOf("40%")).toBe(40);
    expect(amountOf("about 3k")).toBe(3000);
    expect(amountOf("much better")).toBeNull();
    expect(amountOf(null)).toBeNull();
  });

  it("measure progress from baseline to target, whichever way the target lies", () => {
    expect(progressOf("12 days", "5 days", "7 days")).toBeCloseTo(5 / 7);
    expect(progressOf("40%", "80%", "60%")).toBe(0.5);
    expect(progressOf(null, "5", "7")).toBeNull();
    expect(progressOf("5", "5", "7")).toBeNull();
  });
});

describe("judging a measure", () => {
  it("is not due before its date, and awaited after it until the customer says", () => {
    expect(judgeMeasure(cycle, null, "2026-06-29").state).toBe("not_due");
    const awaiting = judgeMeasure(cycle, null, "2026-06-30");
    expect(awaiting).toMatchObject({ state: "awaiting", flagged: false });
    expect(awaiting.why).toContain("Due 2026-06-30");
  });

  it("is met on the customer's word, early or late, with how far the numbers went", () => {
    const met = judgeMeasure(cycle, said("6 days", "yes", "2026-05-01"), "2026-05-02");
    expect(met).toMatchObject({ state: "met", flagged: false });
    expect(met.why).toBe(
      "Reached. Dana said on 2026-05-01: 6 days against a target of 5 days (it was 12 days), 86% of the way.",
    );
  });

  it("is missed (flagged) when not reached at or after its date, partly when partly", () => {
    const missed = judgeMeasure(cycle, said("11 days", "no", "2026-07-02"), "2026-07-03");
    expect(missed).toMatchObject({ state: "missed", flagged: true });
    expect(missed.why).toMatch(/^Not reached by 2026-06-30\. Dana said on 2026-07-02: 11 days/);
    expect(judgeMeasure(cycle, said("8 days", "partly", "2026-06-30"), "2026-07-01")).toMatchObject({
      state: "partly",
      flagged: true,
    });
  });

  it("is on the way when not yet reached before its date, and asked again once due", () => {
    const early = said("9 days", "no", "2026-05-01");
    expect(judgeMeasure(cycle, early, "2026-05-02")).toMatchObject({ state: "on_the_way", flagged: false });
    const due = judgeMeasure(cycle, early, "2026-07-01");
    expect(due.state).toBe("awaiting");
    expect(due.why).toContain("Before then, Dana said on 2026-05-01: 9 days");
  });
});

describe("judging a decision", () => {
  const j = (measure: string, state: "met" | "missed" | "awaiting" | "not_due" | "partly") => ({
    measure,
    judgement: { state, progress: null, flagged: state === "missed" || state === "partly", why: "" },
  });

  it("delivered when every measure was reached, missed when any was not by its date", () => {
    expect(judgeDecision([j("Cycle", "met"), j("NPS", "met")], ["yes", "yes"])).toEqual({
      delivery: "delivered",
      why: "Every outcome sought was reached: Cycle and NPS. 2 would decide the same again.",
    });
    expect(judgeDecision([j("Cycle", "met"), j("NPS", "partly")], ["unsure"])).toEqual({
      delivery: "missed",
      why: "Not reached by the agreed date: NPS. 1 is unsure.",
    });
  });

  it("waits on the customer when a measure is due, and is on the way before", () => {
    expect(judgeDecision([j("Cycle", "met"), j("NPS", "awaiting")], []).delivery).toBe("awaiting");
    expect(judgeDecision([j("Cycle", "met"), j("NPS", "not_due")], []).delivery).toBe("in_progress");
    expect(judgeDecision([], []).delivery).toBe("none");
  });

  it("says who would decide the same again", () => {
    expect(decideAgainWords(["yes", "unsure", "unsure", "no"])).toBe(
      "1 would decide the same again, 2 are unsure, 1 would not.",
    );
    expect(decideAgainWords([])).toBe("");
  });
});

describe("decisions that delivered", () => {
  it("is the share of won decisions with results in that delivered; the rest are counted, not judged", () => {
    expect(deliveredShare(["delivered", "missed", "delivered", "awaiting", "none"])).toEqual({
      delivered: 2,
      missed: 1,
      awaiting: 1,
      of: 3,
      rate: 2 / 3,
      words:
        "2 of 3 won decisions with the customer's results delivered every outcome sought; 1 missed; 1 not in yet.",
    });
    expect(deliveredShare(["in_progress"]).words).toBe(
      "No results in yet: 1 won decision is waiting on the customer or not due.",
    );
    expect(deliveredShare([]).rate).toBeNull();
  });
});

describe("judging from the reports kept", () => {
  it("reads each measure from the latest report that speaks of it, and each person's latest answer", () => {
    const measures = [
      { id: "m1", ...cycle },
      { id: "m2", measure: "NPS", baseline: "20", target: "40", dueOn: "2026-06-30" },
    ];
    const judged = judgeReports(
      measures,
      [
        {
          reporterName: "Dana",
          decideAgain: "unsure",
          createdAt: "2026-07-01T09:00:00Z",
          values: [
            { measureId: "m1", value: "9 days", reached: "no" },
            { measureId: "m2", value: "41", reached: "yes" },
          ],
        },
        {
          reporterName: "Dana",
          decideAgain: "yes",
          createdAt: "2026-07-05T09:00:00Z",
          values: [{ measureId: "m1", value: "5 days", reached: "yes" }],
        },
      ],
      "2026-07-06",
    );
    expect(judged.measures.map((m) => [m.judgement.state, m.latest?.value])).toEqual([
      ["met", "5 days"],
      ["met", "41"],
    ]);
    expect(judged.delivery).toBe("delivered");
    expect(judged.why).toContain("1 would decide the same again.");
  });
});
