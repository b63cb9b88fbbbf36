import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { firstAdmin, type ServerProcess, startServer } from "./server-process.ts";

// The embedded data dir's disk fills up under a running server. A small disk of its own is mounted for it
// (tmpfs, as root); the PostgreSQL run has no embedded data dir to fill.
const mountPoint = mkdtempSync(path.join(tmpdir(), "confidant-disk-full-"));
const mounted = (() => {
  if (process.env.DATABASE_URL || process.getuid?.() !== 0) return false;
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=96m", "tmpfs", mountPoint], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
})();
if (!process.env.DATABASE_URL && !mounted && process.env.CI === "true")
  throw new Error("The disk-full test needs to mount a small disk (root) in CI.");

const dataDir = path.join(mountPoint, "data");
const filler = path.join(mountPoint, "filler");
let server: ServerProcess;
let as: Awaited<ReturnType<typeof firstAdmin>>;
let accountId: string;

beforeAll(async () => {
  if (!mounted) return;
  mkdirSync(dataDir);
  cpSync(inject("embeddedDataDir"), dataDir, { recursive: true });
  server = await startServer(dataDir);
  as = await firstAdmin(server.url);
  accountId = (await as(server.url, "POST", "/api/v1/accounts", { name: "Full Disk Mining" })).body.id;
}, 120_000);
afterAll(async () => {
  await server?.stop();
  if (mounted) execFileSync("umount", ["-l", mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

// Random, so the database cannot compress it away.
const bulky = () => randomBytes(6000).toString("base64");
const create = (title: string) =>
  as(server.url, "POST", "/api/v1/decisions", { accountId, title, notes: bulky() });

describe.skipIf(!mounted)("the embedded data dir's disk full (embedded run only)", () => {
  it("a write answers 507 saying so, nothing half-saved, reads go on, and writes resume once there is room", async () => {
    const confirmed: string[] = [];
    for (let i = 0; i < 5; i++) {
      const reply = await create(`Before ${i}`);
      expect(reply.status).toBe(201);
      confirmed.push(reply.body.id);
    }
    const { bavail, bsize } = statfsSync(mountPoint);
    writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - 32 * 1024)));

    const statuses: number[] = [];
    let refusal: { error: { code: string; message: string } } | undefined;
    for (let i = 0; i < 400 && !refusal; i++) {
      const reply = await create(`Filling ${i}`);
      statuses.push(reply.status);
      if (reply.status === 201) confirmed.push(reply.body.id);
      else refusal = reply.body;
    }
    expect(refusal, "the disk never filled").toBeDefined();
    expect(statuses.at(-1)).toBe(507);
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
    expect(refusal!.error.code).toBe("disk_full");
    expect(refusal!.error.message).toMatch(/disk is full.*nothing was saved/i);

    // Reads go on while it is full; every confirmed decision is whole, with its history.
    const listed = await as(server.url, "GET", "/api/v1/decisions?limit=200");
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((d: { id: string }) => d.id).sort()).toEqual([...confirmed].sort());
    const history = await as(server.url, "GET", `/api/v1/decisions/${confirmed.at(-1)}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.length).toBeGreaterThan(0);

    rmSync(filler);
    const after = await create("After there is room");
    expect(after.status).toBe(201);
    confirmed.push(after.body.id);

    // And all of it is there after a restart.
    await server.stop();
    server = await startServer(dataDir);
    const signedIn = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "ada@restart.test", password: "a-long-password" }),
    });
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    const reopened = await fetch(`${server.url}/api/v1/decisions?limit=200`, { headers: { cookie } });
    const items = ((await reopened.json()) as { items: { id: string }[] }).items;
    expect(items.map((d) => d.id).sort()).toEqual([...confirmed].sort());
  }, 120_000);
});
