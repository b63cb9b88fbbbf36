/** A real HTTP server that receives webhooks and checks their signatures the way a customer's receiver would. */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: {
    id: string;
    type: string;
    createdAt: string;
    data: { object: { id: string } & Record<string, unknown> };
  };
  signatureValid: boolean;
  at: number;
}

/** Checks `t=<s>,v1=<hex>` as documented: HMAC-SHA256 of "<t>.<raw body>", and t within `toleranceSeconds`. */
export function verifySignature(
  header: string | undefined,
  body: string,
  secret: string,
  toleranceSeconds = 300,
) {
  const parts = Object.fromEntries((header ?? "").split(",").map((p) => p.split("=") as [string, string]));
  const t = Number(parts.t);
  if (!parts.v1 || !Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startReceiver() {
  const received: Received[] = [];
  let secret = "";
  /** Status codes to answer, in order; when used up, 200. A negative one means: do not answer for that many ms. */
  const script: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const signature = request.headers["confidant-signature"] as string | undefined;
      received.push({
        headers: request.headers,
        body,
        json: JSON.parse(body),
        signatureValid: verifySignature(signature, body, secret),
        at: Date.now(),
      });
      const next = script.shift() ?? 200;
      if (next < 0) {
        setTimeout(() => response.end(), -next);
        return;
      }
      response.statusCode = next;
      response.end(next < 300 ? "ok" : "not now");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    script,
    expectSecret: (s: string) => {
      secret = s;
    },
    /** Waits until `count` requests have arrived (or fails after `ms`). */
    async waitFor(count: number, ms = 15_000) {
      const until = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} webhook requests, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
