import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, client, createTestApp, type TestApp } from "./app.ts";
import { buildAccount, buildWorkspace, type TestWorkspace } from "./factories.ts";

let t: TestApp;
let w: TestWorkspace;
let decisionId: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Hostile");
  const { account } = await buildAccount(w.as.admin);
  decisionId = (await w.as.admin.post("/api/v1/decisions", { accountId: account.id, title: "Target" })).body
    .id;
});
afterAll(() => t.close());

/** What an independent fuzz found the database cannot hold, or a browser cannot represent. */
const HOSTILE: [string, unknown][] = [
  ["a NUL character", "before\u0000after"],
  ["a lone UTF-16 surrogate", "half \ud800 a pair"],
  ["an integer beyond a PostgreSQL integer", 2_147_483_648],
  ["the year 0000", "0000-01-01"],
  ["a date-time in the year 0000", "0000-01-01T00:00:00.000Z"],
];

interface Body {
  method: string;
  path: string;
  fields: string[];
}

/** Every operation that takes a JSON body, with the body's top-level fields, from the OpenAPI document. */
function bodies(): Body[] {
  type Op = { requestBody?: { content?: Record<string, { schema?: { properties?: object } }> } };
  const doc = t.app.swagger() as { paths: Record<string, Record<string, Op>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, op]) => {
      const properties = op.requestBody?.content?.["application/json"]?.schema?.properties;
      return properties ? [{ method: method.toUpperCase(), path, fields: Object.keys(properties) }] : [];
    }),
  );
}

const urlOf = (path: string) =>
  path.replace("/decisions/{id}", `/decisions/${decisionId}`).replace(/\{\w+\}/g, crypto.randomUUID());

function expectRefusedByField(reply: { status: number; body: any }, what: string) {
  expect(reply.status, what).toBeLessThan(500);
  if (reply.status === 400) expect(reply.body.error.fields.length, what).toBeGreaterThan(0);
}

describe("hostile input: what the database cannot store is refused by field, never a 500", () => {
  it("in every field of every JSON body, signed in and on public routes", async () => {
    const operations = bodies();
    expect(operations.length).toBeGreaterThan(20);
    const anonymous = client(t.app);
    let sent = 0;
    for (const op of operations) {
      for (const caller of [w.as.admin, anonymous] as Client[]) {
        for (const field of op.fields) {
          for (const [name, value] of HOSTILE) {
            const reply = await caller.send(op.method as "POST", urlOf(op.path), { [field]: value });
            expectRefusedByField(reply, `${op.method} ${op.path} ${field} = ${name}`);
            sent++;
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
  });

  it("names the field, however deep, and says what is wrong in words", async () => {
    const nul = await w.as.admin.patch(`/api/v1/decisions/${decisionId}`, {
      version: 1,
      problem: { statement: "Closing takes \u0000 12 days" },
    });
    expect(nul.status).toBe(400);
    expect(nul.body.error.fields).toEqual([
      { path: "body.problem.statement", message: "must not contain a NUL character (\\u0000)" },
    ]);
    const surrogate = await w.as.admin.post("/api/v1/teams", { name: "Team \udc00" });
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.error.fields[0].path).toBe("body.name");
    const version = await w.as.admin.patch(`/api/v1/decisions/${decisionId}`, { version: 2_147_483_648 });
    expect(version.status).toBe(400);
    expect(version.body.error.fields[0].path).toMatch(/version/);
    const year = await w.as.admin.patch(`/api/v1/decisions/${decisionId}`, {
      version: 1,
      targetDate: "0000-01-01",
    });
    expect(year.status).toBe(400);
    expect(year.body.error.fields[0].path).toMatch(/targetDate/);
    const stored = (await w.as.admin.get(`/api/v1/decisions/${decisionId}`)).body;
    expect(stored.version).toBe(1);
  });

  it("in query strings and paths, including the buyer room's public routes", async () => {
    const cases = [
      `/api/v1/decisions?q=${encodeURIComponent("a\u0000b")}`,
      `/api/v1/decisions/${decisionId}?version=2147483648`,
      `/api/v1/accounts/${crypto.randomUUID()}?version=2147483648`,
      `/api/v1/room/${encodeURIComponent("token\u0000")}`,
      "/api/v1/room/token%ED%A0%80/check-ins",
      `/api/v1/decisions?targetFrom=0000-01-01`,
    ];
    for (const url of cases) {
      for (const method of ["GET", "POST", "DELETE"] as const) {
        const reply = await w.as.admin.send(method, url, method === "POST" ? {} : undefined);
        expectRefusedByField(reply, `${method} ${url}`);
      }
    }
  });
});
