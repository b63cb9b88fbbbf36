import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";

let t: TestApp;
let w: TestWorkspace;
const KEY = "problem.missing";
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Questions Co");
});
afterAll(() => t.close());

const entry = async () =>
  (await w.as.manager.get("/api/v1/questions")).body.items.find((q: { key: string }) => q.key === KEY);

describe("the workspace's questions", () => {
  it("a first wording needs no version, a rewording the version it replaces, and a reset brings the shipped one back", async () => {
    const shipped = (await entry()).text;
    const first = await w.as.manager.put(`/api/v1/questions/${KEY}`, {
      text: "What is in your way this year?",
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ customized: true, version: 1 });
    const blind = await w.as.manager.put(`/api/v1/questions/${KEY}`, { text: "Overwrite without looking" });
    expect(blind.status).toBe(409);
    expect(blind.body.error.current.text).toBe("What is in your way this year?");
    const second = await w.as.manager.put(`/api/v1/questions/${KEY}`, {
      text: "What stops you?",
      version: 1,
    });
    expect(second.body).toMatchObject({ text: "What stops you?", version: 2 });
    expect((await w.as.manager.delete(`/api/v1/questions/${KEY}`)).status).toBe(200);
    expect(await entry()).toMatchObject({ text: shipped, customized: false });
    const history = (await w.as.admin.get("/api/v1/changes?entity=question")).body.items;
    expect(history.map((c: { action: string }) => c.action)).toEqual(["delete", "update", "create"]);
    expect(history[0].before.text).toBe("What stops you?");
  });

  it("says in words when each question is asked, and refuses a placeholder nothing fills in", async () => {
    expect(await entry()).toMatchObject({ when: "The problem is not written down" });
    const unknown = await w.as.manager.put("/api/v1/questions/people.no_personal_stake", {
      text: "What does this mean for {nmae}?",
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0]).toEqual({
      path: "body.text",
      message: "can only fill in {name}, {point}, {concern}",
    });
    expect(
      (await w.as.manager.put("/api/v1/questions/people.no_personal_stake", { text: "And for {name}?" }))
        .status,
    ).toBe(200);
  });

  it("sellers ask the questions but do not reword them", async () => {
    const refused = await w.as.seller.put(`/api/v1/questions/${KEY}`, { text: "My own wording" });
    expect(refused.status).toBe(403);
  });
});
