import { mkdtempSync, readFileSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { buildWorkspace } from "../../../../test/factories.ts";
import { DatabaseUploads, inParts } from "./database-uploads.ts";
import { FolderUploads } from "./folder-uploads.ts";
import type { Uploads } from "./uploads.ts";

let t: TestApp;
let mine: string;
let theirs: string;
const root = mkdtempSync(path.join(tmpdir(), "confidant-upload-store-"));
beforeAll(async () => {
  t = await createTestApp();
  mine = (await buildWorkspace(t.app, t.db, "Uploads Mine")).workspace.id;
  theirs = (await buildWorkspace(t.app, t.db, "Uploads Theirs")).workspace.id;
});
afterAll(async () => {
  await t.close();
  await rm(root, { recursive: true, force: true });
});

/** 3.5 MB of numbered lines, so any part out of order or missing shows. */
const content = Buffer.from(Array.from({ length: 150_000 }, (_, i) => `row ${i},value ${i * 7}\n`).join(""));

/** The body in uneven pieces, as a network delivers it; `failAfter` bytes in, the sender goes away. */
function sent(body: Buffer, failAfter = Number.POSITIVE_INFINITY) {
  return Readable.from(
    (function* () {
      for (let at = 0, size = 1; at < body.length; at += size, size = (size * 7) % 300_000 || 1) {
        if (at >= failAfter) throw new Error("the connection was reset");
        yield body.subarray(at, at + size);
      }
    })(),
  );
}

/** Each store, and what it holds of the workspace's uploads (rows or files). */
const stores: Array<[string, () => Uploads, () => Promise<unknown[]>]> = [
  [
    "in the database",
    () => new DatabaseUploads(t.db, path.join(root, "copies")),
    () => t.db.selectFrom("upload").select("id").where("workspace_id", "=", mine).execute(),
  ],
  [
    "in a folder",
    () => new FolderUploads(path.join(root, "folder")),
    () => readdir(path.join(root, "folder", mine)).catch(() => []),
  ],
];

describe.each(stores)("uploads kept %s", (_, store, held) => {
  it("gives back every byte, in order, to the workspace that sent it and to no other", async () => {
    const uploads = store();
    const saved = await uploads.save(mine, "../../etc/pipeline export.csv", sent(content));
    expect(saved).toMatchObject({ name: "pipeline export.csv", bytes: content.length });
    const file = await uploads.find(mine, saved.id);
    expect(path.basename(file!)).toBe("pipeline export.csv");
    expect(readFileSync(file!).equals(content)).toBe(true);
    expect(await uploads.find(theirs, saved.id)).toBeNull();
    expect(await uploads.remove(theirs, saved.id)).toBe(false);
    expect(await uploads.find(mine, "not-an-id")).toBeNull();
    expect(await uploads.remove(mine, saved.id)).toBe(true);
    expect(await uploads.find(mine, saved.id)).toBeNull();
    expect(await uploads.remove(mine, saved.id)).toBe(false);
  });

  it("keeps nothing of a file whose sender went away half-way", async () => {
    const uploads = store();
    const before = (await held()).length;
    await expect(uploads.save(mine, "cut.csv", sent(content, 1_500_000))).rejects.toThrow("reset");
    expect((await held()).length).toBe(before);
  });

  it("removes uploads a week old, and keeps newer ones", async () => {
    const uploads = store();
    const saved = await uploads.save(mine, "old.csv", sent(Buffer.from("a,b\n1,2\n")));
    await uploads.forgetOld(Date.now() + 6 * 24 * 3600_000);
    expect(await uploads.find(mine, saved.id)).not.toBeNull();
    await uploads.forgetOld(Date.now() + 8 * 24 * 3600_000);
    expect(await uploads.find(mine, saved.id)).toBeNull();
  });
});

describe("uploads in the database", () => {
  it("are found by another app server, which makes its own copy, and again once that copy is lost", async () => {
    const taker = new DatabaseUploads(t.db, path.join(root, "server-a"));
    const other = new DatabaseUploads(t.db, path.join(root, "server-b"));
    const saved = await taker.save(mine, "shared.csv", sent(content));
    const copy = await other.find(mine, saved.id);
    expect(copy!.startsWith(path.join(root, "server-b"))).toBe(true);
    await rm(copy!);
    expect(readFileSync((await other.find(mine, saved.id))!).equals(content)).toBe(true);
  });

  it("are cut in parts of the same size whatever sizes the body arrives in", async () => {
    const parts: Buffer[] = [];
    for await (const part of inParts(sent(content), 1024 * 1024)) parts.push(part);
    const whole = Math.floor(content.length / (1024 * 1024));
    expect(parts.map((p) => p.length)).toEqual([
      ...Array(whole).fill(1024 * 1024),
      content.length - whole * 1024 * 1024,
    ]);
    expect(Buffer.concat(parts).equals(content)).toBe(true);
  });
});
