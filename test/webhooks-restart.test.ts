import { afterAll, describe, expect, it } from "vitest";
import { freshTarget } from "./cli/cli-helpers.ts";
import { firstAdmin, type ServerProcess, startServer } from "./server-process.ts";
import { startReceiver } from "./webhook-receiver.ts";

const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null) await s.kill();
});

describe("webhook delivery across a crash", () => {
  it("killed (kill -9) while a delivery waits for its retry, the restarted server delivers it exactly once more", async () => {
    const target = await freshTarget();
    const receiver = await startReceiver();
    const env = {
      ...target.env,
      CONFIDANT_WEBHOOKS_ALLOW_PRIVATE: "1",
      CONFIDANT_WEBHOOK_RETRY_SECONDS: "3",
      CONFIDANT_WEBHOOK_RETRIES: "4",
    };
    try {
      const first = await startServer(target.dataDir, env);
      servers.push(first);
      const as = await firstAdmin(first.url);
      const hook = await as(first.url, "POST", "/api/v1/webhooks", {
        url: receiver.url,
        events: ["decision.created"],
      });
      expect(hook.status).toBe(201);
      receiver.expectSecret(hook.body.secret);
      receiver.script.push(500);
      const account = await as(first.url, "POST", "/api/v1/accounts", { name: "Contoso" });
      await as(first.url, "POST", "/api/v1/decisions", {
        accountId: account.body.id,
        title: "Survives a crash",
      });

      await receiver.waitFor(1);
      // Once the failed first attempt is recorded, the delivery waits 3–6 s for its retry. The server dies meanwhile.
      for (let i = 0; ; i++) {
        const log = await as(first.url, "GET", `/api/v1/webhooks/${hook.body.id}/deliveries`);
        if (log.body.items[0]?.status === "retrying") break;
        if (i > 100) throw new Error(`the failed attempt was never recorded: ${JSON.stringify(log.body)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      // The queue marks the job for retry just after the attempt is recorded: let it, well inside the 3 s wait.
      await new Promise((r) => setTimeout(r, 500));
      await first.kill();
      const second = await startServer(target.dataDir, env);
      servers.push(second);

      const [failed, delivered] = await receiver.waitFor(2, 30_000);
      expect(delivered!.json.id).toBe(failed!.json.id);
      expect(delivered!.signatureValid).toBe(true);
      // Nothing more arrives: not a third copy from the dead server's job, not a duplicate from the new one.
      await new Promise((r) => setTimeout(r, 7000));
      expect(receiver.received).toHaveLength(2);
      const log = await as(second.url, "GET", `/api/v1/webhooks/${hook.body.id}/deliveries`);
      expect(log.body.items).toHaveLength(1);
      expect(log.body.items[0]).toMatchObject({ status: "delivered", attempts: 2, responseCode: 200 });
      await second.stop();
    } finally {
      await receiver.close();
      await target.drop();
    }
  }, 90_000);
});
