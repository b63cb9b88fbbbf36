import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, client, createTestApp, type TestApp } from "../../../../test/app.ts";
import { ensureDemoWorkspace } from "./demo.seed.ts";

let t: TestApp;
let manager: Client;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await ensureDemoWorkspace(t.db);
  const setup = await client(t.app).get("/api/v1/setup");
  const daniel = setup.body.demo.members.find((m: { role: string }) => m.role === "manager");
  const entered = await t.app.inject({
    method: "POST",
    url: "/api/v1/demo/enter",
    payload: { memberId: daniel.id },
  });
  manager = client(t.app, String(entered.headers["set-cookie"]).split(";")[0]);
});
afterAll(() => t.close());

describe("the demo's conversations", () => {
  it("give the manager two sellers' trends that differ the way the stories do", async () => {
    const { body } = await manager.get("/api/v1/conversations/trends?last=10");
    const trend = (name: string) => body.sellers.find((s: { name: string }) => s.name === name).trend;
    const priya = trend("Priya Raman");
    const tom = trend("Tom Becker");
    // Priya listens, asks and leaves with dated next steps; Tom pitches, discounts and leaves with none.
    expect(priya.recent).toMatchObject({ conversations: 2, nextStepRate: 1, discountRate: 0 });
    expect(tom.recent).toMatchObject({ conversations: 2, nextStepRate: 0, discountRate: 1 });
    expect(priya.recent.talkShare).toBeLessThan(0.5);
    expect(tom.recent.talkShare).toBeGreaterThan(0.7);
    expect(tom.said).toContain("Offered a discount in 2 of 2.");
  });

  it("propose what the customer said, attributed to the account's people, from transcripts and notes", async () => {
    const decisions = (await manager.get("/api/v1/decisions?limit=100&outcome=open")).body.items;
    const books = decisions.find((d: { title: string }) => d.title === "Close the books in 5 days, not 12");
    const list = (await manager.get(`/api/v1/decisions/${books.id}/conversations`)).body.items;
    expect(list.map((c: { title: string }) => c.title)).toEqual([
      "Integration session with Kim",
      "Discovery with Dana and Sam",
    ]);
    const [notes, call] = await Promise.all(
      list.map(async (c: { id: string }) => (await manager.get(`/api/v1/conversations/${c.id}`)).body),
    );
    expect(call.speakers.every((s: { mapped: boolean }) => s.mapped)).toBe(true);
    expect(call.analysis.nextStep).toMatchObject({ agreed: true, owner: "Dana Lee" });
    const cost = call.proposals.find((p: { text: string }) => p.text.includes("$30k a month"));
    expect(cost).toMatchObject({ kind: "impact", speaker: "Dana Lee", stakeholderId: expect.any(String) });
    expect(notes.notesReading.nextStep).toMatchObject({ agreed: true, owner: "Kim" });
    expect(notes.proposals.every((p: { stakeholderId: string | null }) => p.stakeholderId)).toBe(true);
  });
});
