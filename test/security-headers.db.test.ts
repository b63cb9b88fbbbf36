import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./app.ts";
import { buildWorkspace, type TestWorkspace } from "./factories.ts";

let t: TestApp;
let w: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorkspace(t.app, t.db, "Headers");
});
afterAll(() => t.close());

describe("response headers", () => {
  it("no API answer may be cached: it holds customers' data", async () => {
    for (const url of ["/api/v1/me", "/api/v1/decisions", "/api/health", "/api/v1/nowhere"]) {
      const reply = await w.as.seller.get(url);
      expect(reply.headers["cache-control"], url).toBe("no-store");
    }
  });

  it("every answer — API, error, unknown page — forbids sniffing, framing by others and scripts from elsewhere", async () => {
    for (const url of ["/api/health", "/api/v1/decisions", "/api/v1/nowhere", "/no-such-page"]) {
      const reply = await w.as.seller.get(url);
      expect(reply.headers["x-content-type-options"], url).toBe("nosniff");
      expect(reply.headers["x-frame-options"], url).toBe("SAMEORIGIN");
      expect(reply.headers["referrer-policy"], url).toBe("no-referrer");
      const policy = String(reply.headers["content-security-policy"]);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "img-src 'self' data:",
        "frame-ancestors 'self'",
      ])
        expect(policy, url).toContain(directive);
    }
  });

  it("HSTS only over HTTPS (here, behind the trusted local proxy that says so), never over plain HTTP", async () => {
    const plain = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    const secure = await t.app.inject({
      method: "GET",
      url: "/api/health",
      headers: { "x-forwarded-proto": "https" },
    });
    expect(secure.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  });
});
