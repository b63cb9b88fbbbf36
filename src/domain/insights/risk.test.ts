import { describe, expect, it } from "vitest";
import { type RiskFacts, type RiskKey, riskFlags } from "./risk.ts";
import type { DecisionSignals } from "./signals.ts";

const today = new Date("2026-11-29T12:00:00Z");
const calm: DecisionSignals = {
  problemInWords: true,
  costQuantified: true,
  economicBuyer: true,
  buyerConfirmed: true,
  options: ["Us"],
  trigger: true,
  riskConcerns: [],
  confidence: 4.2,
  confidenceDrop: null,
  disagreements: [],
};
const base: RiskFacts = {
  signals: calm,
  targetDate: "2027-01-15",
  lateSteps: [],
  learnedAt: "2026-11-20T09:00:00Z",
};

// Each flag: the facts that raise it (evidence present) and the help and words it must carry.
const cases: {
  key: RiskKey;
  facts: Omit<Partial<RiskFacts>, "signals"> & { signals?: Partial<DecisionSignals> };
  help: string;
  says: RegExp;
}[] = [
  {
    key: "too_many_options",
    facts: { signals: { options: ["Us", "Rival", "Build it"] } },
    help: "limit_exploration",
    says: /3 options besides doing nothing: Us, Rival, Build it/,
  },
  {
    key: "no_trigger",
    facts: { signals: { trigger: false } },
    help: "recommend",
    says: /what makes them act now/,
  },
  {
    key: "date_passed",
    facts: { targetDate: "2026-11-19" },
    help: "recommend",
    says: /by 2026-11-19, 10 days ago/,
  },
  {
    key: "risk_concerns",
    facts: { signals: { riskConcerns: ["Go-live during peak"] } },
    help: "take_risk_off",
    says: /1 risk concern with no answer: "Go-live during peak"/,
  },
  {
    key: "low_confidence",
    facts: { signals: { confidence: 2.4 } },
    help: "take_risk_off",
    says: /2\.4 of 5/,
  },
  {
    key: "falling_confidence",
    facts: { signals: { confidenceDrop: { name: "Dana", previous: 4, latest: 3 } } },
    help: "take_risk_off",
    says: /Dana's confidence fell from 4\.0 to 3\.0/,
  },
  {
    key: "disagreement",
    facts: { signals: { disagreements: ["Raj opposes the approach."] } },
    help: "recommend",
    says: /Raj opposes the approach/,
  },
  {
    key: "steps_slipping",
    facts: { lateSteps: [{ title: "Security review", due: "2026-11-20" }] },
    help: "limit_exploration",
    says: /"Security review" due 2026-11-20/,
  },
  {
    key: "stale",
    facts: { learnedAt: "2026-10-01T00:00:00Z" },
    help: "recommend",
    says: /in 59 days \(since 2026-10-01\)/,
  },
];

describe("no-decision flags", () => {
  it("raise nothing on a decision with the customer's evidence and a recent word from them", () => {
    expect(riskFlags(base, today)).toEqual([]);
  });

  it.each(cases)(
    "$key: raised with its evidence and help, and not without the evidence",
    ({ key, facts, help, says }) => {
      const raised = riskFlags({ ...base, ...facts, signals: { ...calm, ...facts.signals } }, today);
      expect(raised.map((f) => f.key)).toEqual([key]);
      expect(raised[0]).toMatchObject({ help });
      expect(raised[0]!.evidence).toMatch(says);
      expect(raised[0]!.advice.length).toBeGreaterThan(20);
      expect(riskFlags(base, today).some((f) => f.key === key)).toBe(false);
    },
  );

  it("say a passed date rather than a missing trigger when both hold, and a fall rather than a low level", () => {
    const both = riskFlags(
      {
        ...base,
        targetDate: "2026-11-01",
        signals: {
          ...calm,
          trigger: false,
          confidence: 2,
          confidenceDrop: { name: "Dana", previous: 3, latest: 2 },
        },
      },
      today,
    ).map((f) => f.key);
    expect(both).toEqual(["date_passed", "falling_confidence"]);
  });

  it("do not call a decision stale one day before the threshold", () => {
    expect(riskFlags({ ...base, learnedAt: "2026-11-09T12:00:00Z" }, today)).toEqual([]);
  });
});
