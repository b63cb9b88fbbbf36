import { describe, expect, it } from "vitest";
import { postWebhook } from "./send.ts";
import { requireReachableTarget } from "./target.ts";

describe("webhook targets (SSRF)", () => {
  it.each([
    "http://127.0.0.1:8080/hook",
    "http://localhost/hook",
    "http://[::1]/hook",
    "http://169.254.169.254/latest",
  ])("refuses %s at registration unless private targets are allowed", async (url) => {
    await expect(requireReachableTarget(url, false)).rejects.toThrow(/private or loopback address/);
    await expect(requireReachableTarget(url, true)).resolves.toBeUndefined();
  });

  it("refuses a host that does not resolve, naming it", async () => {
    await expect(requireReachableTarget("https://no-such-host.invalid/x", false)).rejects.toThrow(
      /no-such-host\.invalid could not be found/,
    );
  });

  it("checks the address a delivery connects to, so a host that later points inside is refused", async () => {
    const result = await postWebhook(
      "http://localhost:9/hook",
      "{}",
      {},
      { timeoutMs: 1000, allowPrivate: false },
    );
    expect(result).toMatchObject({ ok: false, status: null });
    expect(result.error).toMatch(/private address/);
  });
});
