// Uploads kept in PostgreSQL (with BENCH_DATABASE_URL or DATABASE_URL), as every app server on it keeps them: a
// generated 200 MB CSV saved in parts, then copied out to a server's disk the first time an import reads it,
// against the same file saved to a folder (how the embedded database keeps uploads), measured in the same run.
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream, rmSync } from "node:fs";
import path from "node:path";
import { openPostgres } from "../src/server/db/client.ts";
import { migrate } from "../src/server/db/migrator.ts";
import { DatabaseUploads } from "../src/server/features/imports/database-uploads.ts";
import { FolderUploads } from "../src/server/features/imports/folder-uploads.ts";
import { freshDir, measured, scratchDatabase, table } from "./lib.ts";

const MB = Number(process.env.BENCH_UPLOAD_MB ?? 200);
const dir = freshDir("confidant-bench-uploads-");
const file = path.join(dir, "pipeline.csv");

async function generate() {
  const out = createWriteStream(file);
  out.write("Id,Name,AccountId,StageName,Amount,CloseDate\n");
  for (let i = 0, bytes = 0; bytes < MB * 1e6; i++) {
    const line = `006B${String(i).padStart(10, "0")},"Opportunity ${i}",001B${String(i % 5000).padStart(6, "0")},Prospecting,${(i % 997) * 113}.50,2027-0${1 + (i % 9)}-1${i % 9}\n`;
    bytes += line.length;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "close");
}

const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.log("uploads: needs PostgreSQL: set BENCH_DATABASE_URL (or DATABASE_URL).");
  process.exit(0);
}
await generate();
const { target, drop } = await scratchDatabase(url, `confidant_bench_uploads_${process.pid}`);
const postgres = openPostgres(target.toString());
try {
  await migrate(postgres.db);
  const workspaceId = randomUUID();
  await postgres.db.insertInto("workspace").values({ id: workspaceId, name: "Uploads bench" }).execute();
  const rate = (seconds: number) => Math.round(MB / seconds);

  const folder = await measured(() =>
    new FolderUploads(path.join(dir, "folder")).save(workspaceId, "pipeline.csv", createReadStream(file)),
  );
  const store = new DatabaseUploads(postgres.db, path.join(dir, "copies"));
  const saved = await measured(() => store.save(workspaceId, "pipeline.csv", createReadStream(file)));
  const copied = await measured(() => store.find(workspaceId, saved.result.id));
  const again = await measured(() => store.find(workspaceId, saved.result.id));
  if (saved.result.bytes !== folder.result.bytes) throw new Error("the stored upload lost bytes");

  const row = (what: string, run: { seconds: number; peakMb: number }) => ({
    what,
    seconds: run.seconds.toFixed(3),
    "MB/s": rate(run.seconds),
    "vs the folder": `${((folder.seconds / run.seconds) * 100).toFixed(0)}%`,
    "peak RSS MB": Math.round(run.peakMb),
  });
  console.log(`\nuploads: a ${MB} MB CSV, in-process, same run\n`);
  table([
    row("saved to a folder (embedded; the baseline)", folder),
    row("saved in PostgreSQL, 1 MB parts", saved),
    row("copied out to a server's disk, first read", copied),
    { ...row("found again (the copy is there)", again), "MB/s": "-", "vs the folder": "-" },
  ]);
} finally {
  await postgres.close();
  await drop();
  rmSync(dir, { recursive: true, force: true });
}
