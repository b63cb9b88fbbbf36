import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";

let t: TestApp;
let w: TestWorkspace;
let decisionId: string;
let ingridId: string;
const call = readFileSync(path.resolve("test/fixtures/calls/roastery.zoom.vtt"), "utf8");

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Roast Co");
  const account = (await w.as.seller.post("/api/v1/accounts", { name: "Dahl Roasters" })).body;
  ingridId = (
    await w.as.seller.post("/api/v1/stakeholders", {
      accountId: account.id,
      name: "Ingrid Dahl",
      title: "COO",
    })
  ).body.id;
  decisionId = (
    await w.as.seller.post("/api/v1/decisions", {
      accountId: account.id,
      title: "Stop roasting to a whiteboard",
    })
  ).body.id;
});
afterAll(() => t.close());

const add = (body: Record<string, unknown> = {}) =>
  w.as.seller.post(`/api/v1/decisions/${decisionId}/conversations`, {
    happenedOn: "2026-11-20",
    channel: "video",
    title: "Discovery with Ingrid and Tomas",
    transcript: call,
    ...body,
  });

describe("conversations on a decision", () => {
  let conversation: any;

  it("a Zoom transcript is read, its speakers recognised by name, analysed, and what it taught proposed", async () => {
    const reply = await add();
    expect(reply.status).toBe(201);
    conversation = reply.body;
    expect(conversation).toMatchObject({ transcriptFormat: "vtt", turnCount: 24, warnings: [] });
    expect(conversation.speakers).toEqual([
      expect.objectContaining({ name: "Ravi Shah", side: "customer", mapped: false }),
      expect.objectContaining({
        name: "Ingrid Dahl",
        side: "customer",
        stakeholderId: ingridId,
        mapped: true,
      }),
      expect.objectContaining({ name: "Tomas Berg", mapped: false }),
    ]);
    const kinds = conversation.proposals.map((p: { kind: string }) => p.kind);
    // Until the seller says who they are, everyone counts as the customer: no next step can be agreed.
    expect(kinds).toEqual(expect.arrayContaining(["problem", "impact", "concern"]));
    expect(kinds).not.toContain("next_step");
    const ingrids = conversation.proposals.filter((p: { speaker: string }) => p.speaker === "Ingrid Dahl");
    expect(ingrids.every((p: { stakeholderId: string }) => p.stakeholderId === ingridId)).toBe(true);
    const list = await w.as.seller.get(`/api/v1/decisions/${decisionId}/conversations`);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: conversation.id, proposed: kinds.length }),
    ]);
  });

  it("mapping the seller and creating a stakeholder from a speaker reworks the analysis and is remembered", async () => {
    const reply = await w.as.seller.patch(`/api/v1/conversations/${conversation.id}`, {
      version: conversation.version,
      speakers: [
        { name: "Ravi Shah", memberId: w.seller.id },
        { name: "Tomas Berg", newStakeholder: { name: "Tomas Berg", title: "Head roaster" } },
      ],
    });
    expect(reply.status).toBe(200);
    conversation = reply.body;
    expect(conversation.speakers.find((s: { name: string }) => s.name === "Ravi Shah")).toMatchObject({
      side: "seller",
      mapped: true,
    });
    const tomas = conversation.speakers.find((s: { name: string }) => s.name === "Tomas Berg");
    expect(tomas.stakeholderId).toEqual(expect.any(String));
    expect(conversation.analysis).toMatchObject({
      questions: { seller: 8 },
      callType: "mixed",
      discountOffered: { offered: true },
    });
    expect(conversation.analysis.sellerWordShare).toBeGreaterThan(0.3);
    expect(conversation.proposals).toContainEqual(
      expect.objectContaining({
        kind: "next_step",
        speaker: "Tomas Berg",
        stakeholderId: tomas.stakeholderId,
      }),
    );
    expect(conversation.proposals.some((p: { speaker: string }) => p.speaker === "Ravi Shah")).toBe(false);

    // The next transcript with these names maps itself.
    const again = (await add({ title: "Follow-up" })).body;
    expect(again.speakers.map((s: { side: string; mapped: boolean }) => [s.side, s.mapped])).toEqual([
      ["seller", true],
      ["customer", true],
      ["customer", true],
    ]);
    expect(again.analysis.questions.seller).toBe(8);
  });

  it("accepting a problem in edited words puts it in the decision, said by the stakeholder; a concern becomes theirs", async () => {
    const before = (await w.as.seller.get(`/api/v1/decisions/${decisionId}`)).body;
    const problem = conversation.proposals.find((p: { kind: string }) => p.kind === "problem");
    const accepted = await w.as.seller.patch(`/api/v1/conversation-proposals/${problem.id}`, {
      version: problem.version,
      status: "accepted",
      text: "We plan batches on a whiteboard and the coffee is not where the sheet says.",
    });
    expect(accepted.status).toBe(200);
    const decision = (await w.as.seller.get(`/api/v1/decisions/${decisionId}`)).body;
    expect(decision.problem).toMatchObject({
      statement: "We plan batches on a whiteboard and the coffee is not where the sheet says.",
      saidBy: problem.stakeholderId,
    });
    expect(decision.readiness).toBeGreaterThan(before.readiness);

    const concern = conversation.proposals.find(
      (p: { kind: string; speaker: string }) => p.kind === "concern",
    );
    await w.as.seller.patch(`/api/v1/conversation-proposals/${concern.id}`, {
      version: concern.version,
      status: "accepted",
    });
    const listed = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/conversations`)).body.items;
    expect(listed.find((c: { id: string }) => c.id === conversation.id).accepted).toBe(2);
    const concerns = (await w.as.seller.get(`/api/v1/decisions/${decisionId}`)).body.concerns;
    expect(concerns).toEqual([expect.objectContaining({ text: concern.text, raisedBy: ingridId })]);

    const twice = await w.as.seller.patch(`/api/v1/conversation-proposals/${concern.id}`, {
      version: concern.version + 1,
      status: "dismissed",
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/already accepted/);
  });

  it("accepting the customer's figure sets the cost of inaction in the decision's currency, and only in it", async () => {
    const inEuros = (
      await w.as.seller.post("/api/v1/decisions", {
        accountId: (await w.as.seller.get(`/api/v1/decisions/${decisionId}`)).body.accountId,
        title: "Roast to order",
        currency: "EUR",
      })
    ).body.id;
    const inDollars = (
      await w.as.seller.post("/api/v1/decisions", {
        accountId: (await w.as.seller.get(`/api/v1/decisions/${decisionId}`)).body.accountId,
        title: "Roast to order, US entity",
      })
    ).body.id;
    for (const [id, expected] of [
      [inEuros, { amount: 900_000, period: "month" }],
      [inDollars, undefined],
    ] as const) {
      const added = (
        await w.as.seller.post(`/api/v1/decisions/${id}/conversations`, {
          happenedOn: "2026-11-20",
          channel: "video",
          title: "Discovery",
          transcript: call,
        })
      ).body;
      const cost = added.proposals.find((p: { text: string }) => p.text.includes("9,000 euros a month"));
      const accepted = await w.as.seller.patch(`/api/v1/conversation-proposals/${cost.id}`, {
        version: cost.version,
        status: "accepted",
      });
      expect(accepted.status).toBe(200);
      const decision = (await w.as.seller.get(`/api/v1/decisions/${id}`)).body;
      expect(decision.impact.recurringCost ?? undefined).toEqual(expected);
      expect(decision.impact).toMatchObject({ confirmedBy: ingridId });
      expect(decision.impact.assumptions).toContain("9,000 euros a month");
    }
  });

  it("a dismissed proposal is not proposed again when the speakers change", async () => {
    const current = (await w.as.seller.get(`/api/v1/conversations/${conversation.id}`)).body;
    const impact = current.proposals.find(
      (p: { kind: string; status: string }) => p.kind === "impact" && p.status === "proposed",
    );
    await w.as.seller.patch(`/api/v1/conversation-proposals/${impact.id}`, {
      version: impact.version,
      status: "dismissed",
    });
    const remapped = await w.as.seller.patch(`/api/v1/conversations/${conversation.id}`, {
      version: current.version,
      speakers: [{ name: "Ingrid Dahl", stakeholderId: ingridId }],
    });
    const same = remapped.body.proposals.filter((p: { text: string }) => p.text === impact.text);
    expect(same).toEqual([expect.objectContaining({ status: "dismissed" })]);
  });

  it("is deleted and restored like everything else, and the change log holds no transcript", async () => {
    const current = (await w.as.seller.get(`/api/v1/conversations/${conversation.id}`)).body;
    const deleted = await w.as.seller.delete(
      `/api/v1/conversations/${conversation.id}?version=${current.version}`,
    );
    expect(deleted.status).toBe(200);
    expect((await w.as.seller.get(`/api/v1/decisions/${decisionId}/conversations`)).body.items).toHaveLength(
      1,
    );
    const restored = await w.as.seller.post(
      `/api/v1/conversations/${conversation.id}/restore?version=${deleted.body.version}`,
    );
    expect(restored.status).toBe(200);
    expect((await w.as.seller.get(`/api/v1/decisions/${decisionId}/conversations`)).body.items).toHaveLength(
      2,
    );
    const logged = JSON.stringify(
      await t.db.selectFrom("change_log").select("after").where("entity", "=", "conversation").execute(),
    );
    expect(logged).not.toContain("whiteboard every morning");
  });

  it("a transcript it cannot read is refused on the field with the line; a note needs no transcript", async () => {
    const bad = await add({ transcript: "Ann Lee: Hello.\nno speaker on this line\n", format: "txt" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      { path: "body.transcript", message: expect.stringMatching(/^line 2: /) },
    ]);
    const note = await add({
      channel: "note",
      title: "Call notes",
      transcript: undefined,
      notes: "They roast 4 days a week.",
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ turnCount: 0, analysis: null, proposals: [] });
  });

  it("a note typed by hand is read like a transcript: its statements proposed with the line, attributed by name", async () => {
    const note = await add({
      channel: "meeting",
      title: "Plant visit",
      transcript: undefined,
      notes: [
        "Walked the roastery with Ingrid and Tomas.",
        "- Ingrid: we plan the batches on a whiteboard and orders still go missing.",
        "- We showed the scheduling board.",
        "- Asked Ingrid why they still plan from the whiteboard.",
        "Next step: Ingrid to send the order export by December 4th.",
      ].join("\n"),
    });
    expect(note.status).toBe(201);
    expect(note.body.notesReading).toMatchObject({
      questions: [{ line: 4, type: "insight" }],
      nextStep: { agreed: true, owner: "Ingrid", line: 5 },
    });
    expect(note.body.proposals).toEqual([
      expect.objectContaining({ kind: "problem", noteLine: 2, stakeholderId: ingridId, turn: 0 }),
      expect.objectContaining({ kind: "next_step", noteLine: 5, stakeholderId: ingridId }),
    ]);

    const step = note.body.proposals[1];
    await w.as.seller.patch(`/api/v1/conversation-proposals/${step.id}`, {
      version: step.version,
      status: "accepted",
    });
    const plan = (await w.as.seller.get(`/api/v1/decisions/${decisionId}/plan`)).body;
    expect(JSON.stringify(plan)).toContain("Ingrid to send the order export by December 4th.");

    // Editing the notes reads them again; what was accepted stays, what is new is proposed.
    const edited = await w.as.seller.patch(`/api/v1/conversations/${note.body.id}`, {
      version: note.body.version,
      notes: "Ingrid: IT is worried the migration would land in peak season.",
    });
    expect(edited.status).toBe(200);
    expect(edited.body.proposals.map((p: { kind: string; status: string }) => [p.kind, p.status])).toEqual([
      ["next_step", "accepted"],
      ["concern", "proposed"],
    ]);
  });

  it("only those who may change the decision add or accept; another workspace sees nothing", async () => {
    const other = await buildWorkspace(t.app, t.db, "Roast Elsewhere");
    expect((await other.as.admin.get(`/api/v1/conversations/${conversation.id}`)).status).toBe(404);
    expect(
      (
        await w.as.outsider.post(`/api/v1/decisions/${decisionId}/conversations`, {
          happenedOn: "2026-11-20",
          channel: "call",
          title: "x",
        })
      ).status,
    ).toBe(404);
  });
});
