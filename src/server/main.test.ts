import { mkdtempSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { loadConfig } from "./config.ts";
import { startServer } from "./main.ts";

// The server on an embedded data dir of its own: the same in both runs, so the PostgreSQL run skips the repeat.
test.skipIf(Boolean(process.env.DATABASE_URL))(
  "stopping the server does not wait forever on a client that never finishes its request",
  async () => {
    const config = loadConfig({
      PORT: "0",
      CONFIDANT_DEMO: "0",
      LOG_LEVEL: "silent",
      CONFIDANT_DATA_DIR: mkdtempSync(path.join(tmpdir(), "confidant-stop-")),
    });
    const running = await startServer(config, () => {});
    const socket = connect(Number(new URL(running.url).port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write("GET /api/health HTTP/1.1\r\nHost: x\r\n"); // headers never end: not idle, never answered
    const closed = new Promise((resolve) => socket.once("close", resolve));
    socket.on("error", () => {});

    await running.stop();
    await closed;
    expect(socket.destroyed).toBe(true);
    // Shorter than Node's own 60 s header timeout, which would otherwise end the socket and hide a hang.
  },
  40_000,
);
