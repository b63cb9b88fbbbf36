import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./app.ts";
import { buildWorkspace, type TestWorkspace } from "./factories.ts";
import { listOperations } from "./routes.ts";

/** Another site (a sibling subdomain counts: it is "same-site") must not make a signed-in browser change anything. */
let t: TestApp;
let w: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Csrf");
});
afterAll(() => t.close());

const ID = "00000000-0000-4000-8000-000000000000";
const writes = () =>
  listOperations(t.app)
    .filter((op) => op.method !== "GET")
    .map((op) => ({
      ...op,
      url: op.path.replace(/\{[^}]+\}/g, (name) => (name === "{question}" ? "impact" : ID)),
    }));

async function send(method: string, url: string, headers: Record<string, string>, payload?: string) {
  const reply = await t.app.inject({
    method: method as "POST",
    url,
    headers: { cookie: w.as.admin.cookie!, ...headers },
    ...(payload === undefined ? {} : { payload }),
  });
  return { status: reply.statusCode, code: reply.json().error?.code as string | undefined };
}

describe("CSRF: every state-changing route", () => {
  it("refuses a request from another origin, even with a JSON body", async () => {
    const routes = writes();
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const json = { "content-type": "application/json" };
      for (const headers of [
        { ...json, origin: "https://evil.example" },
        { ...json, origin: "http://app.localhost" },
        { ...json, origin: "null" },
        { ...json, "sec-fetch-site": "same-site" },
        { ...json, "sec-fetch-site": "cross-site" },
      ]) {
        const reply = await send(route.method, route.url, headers, "{}");
        expect({ route: `${route.method} ${route.path}`, ...headers, ...reply }).toMatchObject({
          status: 403,
          code: "cross_site",
        });
      }
    }
  });

  it("refuses a body no JSON client sends: text/plain, a form, or none on a POST, PUT or PATCH", async () => {
    for (const route of writes()) {
      const bodies: Array<[Record<string, string>, string | undefined]> = [
        [{ "content-type": "text/plain" }, "{}"],
        [{ "content-type": "multipart/form-data; boundary=x" }, "--x--"],
      ];
      // The one exception: a mail app's one-click unsubscribe (RFC 8058) is a form post to the link in the mail.
      if (route.path !== "/api/v1/unsubscribe/{token}")
        bodies.push([{ "content-type": "application/x-www-form-urlencoded" }, "a=1"]);
      if (route.method !== "DELETE") bodies.push([{}, undefined]);
      for (const [headers, payload] of bodies) {
        const reply = await send(route.method, route.url, headers, payload);
        expect({ route: `${route.method} ${route.path}`, ...headers, ...reply }).toMatchObject({
          status: 415,
          code: "unsupported_media_type",
        });
      }
    }
  });

  it("a form post cannot sign a member out, and their own page still can", async () => {
    const formPost = await send("POST", "/api/v1/auth/sign-out", { "content-type": "text/plain" }, "");
    expect(formPost.status).toBe(415);
    expect((await w.as.admin.get("/api/v1/me")).status).toBe(200);
    const own = await send(
      "POST",
      "/api/v1/auth/sign-out",
      { "content-type": "application/json", origin: "http://localhost:80", "sec-fetch-site": "same-origin" },
      "{}",
    );
    expect(own.status).toBeLessThan(300);
    expect((await w.as.admin.get("/api/v1/me")).status).toBe(401);
  });
});
