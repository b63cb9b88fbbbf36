import { describe, expect, it } from "vitest";
import type { CheckInFacts, InvolvementFacts } from "../decision/model.ts";
import {
  averageRating,
  consensusOf,
  divergence,
  latestCheckIns,
  personKey,
  type Ratings,
  steepestDrop,
} from "./consensus.ts";

const all = (value: number): Ratings => ({
  problem: value,
  solution: value,
  risks: value,
  me: value,
  agreement: value,
});
const checkIn = (
  name: string,
  at: string,
  ratings: Partial<Ratings> & { base?: number } = {},
  stakeholderId: string | null = null,
): CheckInFacts => {
  const { base = 4, ...points } = ratings;
  return {
    stakeholderName: name,
    stakeholderId,
    ratings: { ...all(base), ...points },
    at: `2026-11-${at}T10:00:00.000Z`,
  };
};
const involved = (
  id: string,
  name: string,
  stance: InvolvementFacts["stance"]["problem"] = "supports",
): InvolvementFacts => ({
  stakeholderId: id,
  name,
  role: "economic_buyer",
  influence: "high",
  stance: { problem: stance, approach: stance, us: stance, timing: stance },
});

describe("personKey", () => {
  it.each([
    [{ stakeholderId: "s1", stakeholderName: "Ana" }, "s1"],
    [{ stakeholderId: null, stakeholderName: " Ana Lima " }, "ana lima"],
    [{ stakeholderName: "ANA" }, "ana"],
  ])("%o is keyed %s", (input, key) => expect(personKey(input)).toBe(key));
});

describe("latestCheckIns", () => {
  it.each([
    {
      case: "one person twice: the later one counts, whatever order they arrive in",
      checkIns: [checkIn("Ana", "10", { base: 2 }), checkIn("Ana", "03", { base: 5 })],
      latest: [["Ana", 2]],
    },
    {
      case: "the same person under a name typed differently",
      checkIns: [checkIn("Ana", "01", { base: 1 }), checkIn("ana", "02", { base: 3 })],
      latest: [["ana", 3]],
    },
    {
      case: "two people with the same name but different stakeholders stay two",
      checkIns: [checkIn("Sam", "01", { base: 1 }, "s1"), checkIn("Sam", "02", { base: 5 }, "s2")],
      latest: [
        ["Sam", 1],
        ["Sam", 5],
      ],
    },
    {
      case: "people in the order they last checked in",
      checkIns: [checkIn("Ana", "01"), checkIn("Ben", "02"), checkIn("Ana", "03", { base: 1 })],
      latest: [
        ["Ben", 4],
        ["Ana", 1],
      ],
    },
  ])("$case", ({ checkIns, latest }) => {
    expect(latestCheckIns(checkIns).map((c) => [c.stakeholderName, c.ratings.problem])).toEqual(latest);
  });
});

describe("averageRating and divergence", () => {
  it("averages the five points", () => {
    expect(averageRating({ problem: 5, solution: 4, risks: 3, me: 2, agreement: 1 })).toBe(3);
  });
  it.each([
    { case: "2 against 4 splits", values: [2, 4], split: true },
    { case: "1 against 5 splits", values: [1, 5], split: true },
    { case: "3 against 5 does not", values: [3, 5], split: false },
    { case: "all low does not", values: [1, 2], split: false },
    { case: "one person alone does not", values: [1], split: false },
  ])("$case", ({ values, split }) => {
    const latest = values.map((v, i) => checkIn(`P${i}`, "01", { agreement: v }));
    expect(divergence(latest, "agreement") !== null).toBe(split);
  });
});

describe("consensusOf", () => {
  it("puts each involved person's stance beside their own latest check-in, with their history", () => {
    const result = consensusOf(
      [involved("s1", "Ana Lima")],
      [
        checkIn("Ana Lima", "01", { base: 5 }, "s1"),
        checkIn("Ana Lima", "05", { base: 3, agreement: 1 }, "s1"),
      ],
    );
    expect(result.people).toHaveLength(1);
    const ana = result.people[0]!;
    expect(ana.stance?.problem).toBe("supports");
    expect(ana.latest?.ratings.agreement).toBe(1);
    expect(ana.history.map((h) => h.average)).toEqual([5, 2.6]);
    expect(result.trend.map((t) => t.average)).toEqual([5, 2.6]);
    expect(result.divergences).toEqual([
      "We record Ana Lima as supporting, but their own check-in says otherwise.",
    ]);
  });

  it("names who disagrees with whom on whether their organization agrees", () => {
    const result = consensusOf(
      [involved("s1", "Ana"), involved("s2", "Ben", "neutral")],
      [checkIn("Ana", "01", { agreement: 5 }, "s1"), checkIn("Ben", "02", { agreement: 2 }, "s2")],
    );
    expect(result.divergences).toEqual([
      'Ben (economic buyer) rates "my organization agrees" 2, while Ana rates it 5.',
    ]);
  });

  it("lists a buyer we have not recorded as involved, and someone involved who never checked in", () => {
    const result = consensusOf([involved("s1", "Ana")], [checkIn("Dee", "01")]);
    expect(result.people.map((p) => [p.name, p.stakeholderId, p.latest !== null])).toEqual([
      ["Ana", "s1", false],
      ["Dee", null, true],
    ]);
    expect(result.divergences).toEqual([]);
  });
});

describe("steepestDrop", () => {
  it.each([
    {
      case: "two different people are never a trend, however far apart their ratings",
      checkIns: [checkIn("Ana", "01", { base: 5 }, "s1"), checkIn("Ben", "02", { base: 2 }, "s2")],
      drop: null,
    },
    {
      case: "one person's own fall of half a point or more is",
      checkIns: [
        checkIn("Ana", "01", { base: 5 }, "s1"),
        checkIn("Ben", "02", { base: 1 }, "s2"),
        checkIn("Ana", "03", { base: 4 }, "s1"),
      ],
      drop: { name: "Ana", previous: 5, latest: 4 },
    },
    {
      case: "a fall of less than half a point is not",
      checkIns: [checkIn("Ana", "01", { base: 4 }), checkIn("Ana", "02", { base: 4, agreement: 3 })],
      drop: null,
    },
    {
      case: "a rise is not",
      checkIns: [checkIn("Ana", "01", { base: 2 }), checkIn("Ana", "02", { base: 4 })],
      drop: null,
    },
    {
      case: "of several, the steepest; only each person's last two count",
      checkIns: [
        checkIn("Ana", "01", { base: 5 }),
        checkIn("Ana", "02", { base: 1 }),
        checkIn("Ana", "03", { base: 1 }),
        checkIn("Ben", "04", { base: 5 }),
        checkIn("Ben", "05", { base: 3 }),
      ],
      drop: { name: "Ben", previous: 5, latest: 3 },
    },
  ])("$case", ({ checkIns, drop }) => {
    expect(steepestDrop(checkIns)).toEqual(drop);
  });
});
