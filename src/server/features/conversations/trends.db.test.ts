import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildAccount, buildWorkspace, type TestWorkspace } from "../../../../test/factories.ts";

let t: TestApp;
let w: TestWorkspace;
const call = readFileSync(path.resolve("test/fixtures/calls/roastery.zoom.vtt"), "utf8");

/** The call with our side spoken by `name`, so the member is recognised by name. */
const spokenBy = (name: string) => call.replaceAll("Ravi Shah", name);

async function conversations(as: TestWorkspace["as"]["seller"], who: string, days: string[]) {
  const { account } = await buildAccount(as, `${who} roastery`);
  const decision = (await as.post("/api/v1/decisions", { accountId: account.id, title: `${who}'s decision` }))
    .body;
  for (const day of days) {
    const added = await as.post(`/api/v1/decisions/${decision.id}/conversations`, {
      happenedOn: day,
      channel: "video",
      title: `Call on ${day}`,
      transcript: spokenBy(who),
    });
    expect(added.status).toBe(201);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Trend Co");
  await conversations(w.as.seller, w.seller.name, ["2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22"]);
  await conversations(w.as.outsider, w.outsider.name, ["2026-11-20"]);
});
afterAll(() => t.close());

const trends = (as: TestWorkspace["as"]["seller"], query = "last=2") =>
  as.get(`/api/v1/conversations/trends?${query}`);

describe("trends over each seller's last conversations", () => {
  it("a seller sees their own last N beside the N before, in words", async () => {
    const reply = await trends(w.as.seller);
    expect(reply.status).toBe(200);
    expect(reply.body.sellers).toHaveLength(1);
    const [mine] = reply.body.sellers;
    expect(mine).toMatchObject({ memberId: w.seller.id, teamId: w.team.id });
    expect(mine.trend.recent.conversations).toBe(2);
    expect(mine.trend.earlier.conversations).toBe(2);
    expect(mine.trend.points.map((p: { happenedOn: string }) => p.happenedOn)).toEqual([
      "2026-11-22",
      "2026-11-15",
    ]);
    expect(mine.trend.said[0]).toMatch(/^Talked \d+% of the time on average over the last 2 conversations/);
    // The same call each time: no change to report, and too few earlier ones to call it a trend anyway.
    expect(mine.trend.said.at(-1)).toMatch(/^Too few earlier conversations \(2, fewer than 3\)/);
  });

  it("a manager sees their team's sellers, an admin everyone's, and a team filter narrows it", async () => {
    const names = async (as: TestWorkspace["as"]["seller"], query?: string) =>
      (await trends(as, query)).body.sellers.map((s: { memberId: string }) => s.memberId).sort();
    expect(await names(w.as.manager)).toEqual([w.seller.id]);
    expect(await names(w.as.admin)).toEqual([w.seller.id, w.outsider.id].sort());
    expect(await names(w.as.admin, `teamId=${w.team.id}`)).toEqual([w.seller.id]);
    expect(await names(w.as.admin, `memberId=${w.outsider.id}`)).toEqual([w.outsider.id]);
    // A seller asking for someone else gets nobody, not their figures.
    expect(await names(w.as.seller, `memberId=${w.outsider.id}`)).toEqual([]);
    const all = (await trends(w.as.admin, "last=10")).body.together;
    expect(all.recent.conversations).toBe(5);
  });

  it("refuses a bad query on the field, an unknown team, and shows another workspace nothing", async () => {
    const bad = await trends(w.as.admin, "last=0");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe("querystring.last");
    expect((await trends(w.as.admin, "teamId=00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const other = await buildWorkspace(t.app, t.db, "Trend Elsewhere");
    expect((await trends(other.as.admin)).body.sellers).toEqual([]);
  });
});
