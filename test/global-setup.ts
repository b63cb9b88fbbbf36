import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { buildServerIfStale } from "../scripts/server-bundle.js";
import { openEmbedded, openPostgres } from "../src/server/db/client.ts";
import { migrate } from "../src/server/db/migrator.ts";

/**
 * Migrates once per run: a PGlite snapshot that every test file loads (initdb costs seconds) and a data dir
 * on disk that CLI tests copy, or, with DATABASE_URL, a template database from which every test file copies
 * its own database.
 */
export default async function setup(project: TestProject) {
  // The CLI and server processes the tests start run the bundle: a second faster each than compiling the sources.
  await buildServerIfStale();
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `confidant_test_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const target = new URL(url);
    target.pathname = `/${template}`;
    const handle = openPostgres(target.toString(), 1);
    await migrate(handle.db);
    await handle.close();
    project.provide("postgresTemplate", template);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template}`);
      await admin.end();
    };
  }
  const handle = await openEmbedded({});
  await migrate(handle.db);
  const snapshot = path.join(tmpdir(), `confidant-test-snapshot-${process.pid}.tar`);
  writeFileSync(snapshot, Buffer.from(await (await handle.dumpDataDir!()).arrayBuffer()));
  await handle.close();
  project.provide("embeddedSnapshot", snapshot);
  // The CLI opens a data dir on disk: tests copy this migrated one rather than run initdb per command.
  const dataDir = mkdtempSync(path.join(tmpdir(), "confidant-test-datadir-"));
  const onDisk = await openEmbedded({ dataDir });
  await migrate(onDisk.db);
  await onDisk.close();
  project.provide("embeddedDataDir", dataDir);
  return () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(snapshot, { force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate: string;
    embeddedSnapshot: string;
    embeddedDataDir: string;
  }
}
