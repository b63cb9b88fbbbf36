import http from "node:http";
import https from "node:https";
import { guardedLookup } from "./target.ts";

export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** What a receiver's answer body may be: it is read (so the connection can be reused) and thrown away. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs one signed webhook body. Any 2xx is delivered; anything else — another status, a refused or slow
 * connection, a private address — is a failure with the reason in words. Never throws.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<SendResult> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const target = new URL(url);
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Confidant-Webhooks/1",
          ...headers,
        },
        lookup: guardedLookup(options.allowPrivate),
        timeout: options.timeoutMs,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) response.destroy();
        });
        const done = () => {
          const status = response.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          resolve({ ok, status, error: ok ? null : `answered ${status}`, durationMs: took() });
        };
        response.on("end", done);
        response.on("close", done);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s`)));
    request.on("error", (error: Error & { code?: string }) => {
      const reason =
        error.name === "AbortError" || error.name === "TimeoutError"
          ? `no answer within ${options.timeoutMs / 1000} s`
          : error.code === "ECONNREFUSED"
            ? "the connection was refused"
            : error.message;
      resolve({ ok: false, status: null, error: reason, durationMs: took() });
    });
    request.end(body);
  });
}
