import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";

let t: TestApp;
let w: TestWorkspace;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Verdict Co");
});
afterAll(() => t.close());

const correct = (as: TestWorkspace["as"]["manager"], body: Record<string, unknown>) =>
  as.post("/api/v1/diagnosis-corrections", body);

describe("managers' verdicts on the diagnostics", () => {
  let disagreed: any;

  it("records an agreement and a correction with what the diagnosis said, and the figures follow", async () => {
    const agreed = await correct(w.as.manager, {
      question: "problem",
      answer: "They need to buy a new CRM.",
      label: "seller",
      reason: "product_as_problem",
    });
    expect(agreed.status).toBe(201);
    expect(agreed.body).toMatchObject({
      predicted: { label: "seller", reason: "product_as_problem" },
      agrees: true,
      by: { id: w.manager.id },
    });
    const corrected = await correct(w.as.manager, {
      question: "impact",
      answer: "They need to buy a new CRM.",
      label: "vague",
    });
    expect(corrected.body).toMatchObject({ label: "vague", reason: "vague", agrees: false });
    disagreed = corrected.body;

    const list = (await w.as.manager.get("/api/v1/diagnosis-corrections")).body;
    expect(list.items).toHaveLength(2);
    expect(list.agreement.label).toEqual({ count: 2, agreed: 1, rate: 0.5 });
    expect(list.agreement.perLabel.vague).toEqual({ count: 1, agreed: 0, rate: 0 });
    expect(list.agreement.perReason.product_as_problem).toEqual({ count: 1, agreed: 1, rate: 1 });
  });

  it("exports the verdicts as labelled answers in the shared schema", async () => {
    const reply = await t.app.inject({
      method: "GET",
      url: "/api/v1/diagnosis-corrections/export",
      headers: { cookie: w.as.manager.cookie! },
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers["content-type"]).toContain("application/x-ndjson");
    const lines = reply.body
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toContainEqual({
      id: disagreed.id,
      question: "impact",
      answer: "They need to buy a new CRM.",
      label: "vague",
      reason: "vague",
    });
  });

  it("a correction is deleted and restored, in the change log", async () => {
    const deleted = await w.as.manager.delete(
      `/api/v1/diagnosis-corrections/${disagreed.id}?version=${disagreed.version}`,
    );
    expect(deleted.status).toBe(200);
    expect((await w.as.manager.get("/api/v1/diagnosis-corrections")).body.items).toHaveLength(1);
    const restored = await w.as.manager.post(
      `/api/v1/diagnosis-corrections/${disagreed.id}/restore?version=${deleted.body.version}`,
    );
    expect(restored.status).toBe(200);
    expect((await w.as.manager.get("/api/v1/diagnosis-corrections")).body.items).toHaveLength(2);
  });

  it("refuses bad input on the field, sellers, and shows another workspace nothing", async () => {
    const noReason = await correct(w.as.manager, { question: "problem", answer: "x y z", label: "seller" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toEqual([
      { path: "body.reason", message: "is required when the label is seller" },
    ]);
    const badQuestion = await correct(w.as.manager, { question: "budget", answer: "x", label: "customer" });
    expect(badQuestion.body.error.fields[0].path).toBe("body.question");
    const seller = await correct(w.as.seller, { question: "problem", answer: "x y z", label: "customer" });
    expect(seller.status).toBe(403);
    expect((await w.as.seller.get("/api/v1/diagnosis-corrections")).status).toBe(403);
    const other = await buildWorkspace(t.app, t.db, "Verdict Elsewhere");
    expect((await other.as.admin.get("/api/v1/diagnosis-corrections")).body.items).toEqual([]);
    expect(
      (await other.as.admin.delete(`/api/v1/diagnosis-corrections/${disagreed.id}?version=1`)).status,
    ).toBe(404);
  });
});
