import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirInUseError, lockDataDir } from "./data-dir-lock.ts";

describe("lockDataDir", () => {
  it("refuses a directory held by a live process, naming it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lock-"));
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"]);
    try {
      writeFileSync(
        path.join(dir, "confidant.lock"),
        JSON.stringify({ pid: holder.pid, command: "confidant serve", since: "2026-01-01T00:00:00Z" }),
      );
      expect(() => lockDataDir(dir, "confidant migrate")).toThrow(DataDirInUseError);
      expect(() => lockDataDir(dir, "confidant migrate")).toThrow(`process ${holder.pid} (confidant serve`);
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock left by a process that is gone, and releases it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lock-"));
    const file = path.join(dir, "confidant.lock");
    writeFileSync(file, JSON.stringify({ pid: 2 ** 22 + 12345, command: "confidant serve", since: "x" }));
    const release = lockDataDir(dir, "confidant serve");
    expect(existsSync(file)).toBe(true);
    release();
    expect(existsSync(file)).toBe(false);
  });
});
