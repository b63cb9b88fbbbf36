import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, client, createTestApp, type TestApp } from "./app.ts";
import { buildWorkspace, type TestWorkspace } from "./factories.ts";
import { listOperations } from "./routes.ts";

let t: TestApp;
let w: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Fuzz");
});
afterAll(() => t.close());

/** What the database or a browser cannot hold: NUL, half a UTF-16 pair, an int8 where int4 fits, year 0000. */
const hostile = fc.oneof(
  fc.string().map((text) => `${text}\u0000`),
  fc.string().map((text) => `${text}\ud800`),
  fc.constantFrom(2_147_483_648, -2_147_483_649, "0000-01-01", "0000-01-01T00:00:00.000Z"),
);
const jsonBody = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(
    fc.constantFrom(
      "email",
      "name",
      "role",
      "version",
      "password",
      "teamId",
      "managerId",
      "active",
      "workspaceName",
      "memberId",
    ),
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.uuid(), fc.jsonValue(), hostile),
  ),
);
const pathId = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent));
const query = fc.dictionary(
  fc.constantFrom(
    "version",
    "limit",
    "cursor",
    "sort",
    "owner",
    "milestone",
    "readinessBelow",
    "targetFrom",
    "targetTo",
    "q",
  ),
  fc.oneof(
    fc.string(),
    fc.integer().map(String),
    fc.uuid(),
    fc.constantFrom("a\u0000b", "2147483648", "0000-01-01"),
  ),
);

describe("input: random bodies to every route", () => {
  it("never answer 500, and every 400 names the field", async () => {
    const operations = listOperations(t.app).filter((op) => op.path !== "/api/v1/auth/sign-out");
    for (const op of operations) {
      const callers: Client[] = op.isPublic ? [client(t.app)] : [w.as.admin];
      for (const caller of callers) {
        await fc.assert(
          fc.asyncProperty(jsonBody, pathId, query, async (body, id, params) => {
            const search = new URLSearchParams(params).toString();
            const url =
              op.path.replace("{id}", id).replace("{key}", id).replace("{question}", id) +
              (search ? `?${search}` : "");
            const reply = await caller.send(op.method as "POST", url, op.method === "GET" ? undefined : body);
            expect(reply.status, `${op.method} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
            if (reply.status === 400) {
              expect(reply.body.error.code).toMatch(/invalid_input|bad_request/);
              if (reply.body.error.code === "invalid_input")
                expect(reply.body.error.fields.length).toBeGreaterThan(0);
            }
          }),
          { numRuns: 25 },
        );
      }
    }
  });

  it("a body over the limit gets 413", async () => {
    const reply = await w.as.admin.post("/api/v1/teams", { name: "x".repeat(2 * 1024 * 1024) });
    expect(reply.status).toBe(413);
    expect(reply.body.error.code).toBe("too_large");
  });
});
