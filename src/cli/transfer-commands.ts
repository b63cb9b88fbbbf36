import { once } from "node:events";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import type { Config } from "../server/config.ts";
import { backupDatabase, restoreDatabase } from "../server/db/backup.ts";
import { EXPORT_KINDS, writeExport } from "../server/features/exports/export.service.ts";
import { withDatabase } from "./run-with-database.ts";
import { CliUsageError } from "./usage-error.ts";
import { workspaceForCommand } from "./workspace-option.ts";

/** `confidant export --format csv|json --out DIR`: one file per kind, e.g. DIR/decisions.csv. */
export async function exportCommand(
  config: Config,
  options: { format?: string; out?: string; workspace?: string; bom?: boolean },
) {
  const format = options.format ?? "csv";
  if (format !== "csv" && format !== "json")
    throw new CliUsageError(`--format must be csv or json, not "${format}"`);
  if (!options.out) throw new CliUsageError("--out DIR is required: the folder to write the files to");
  const dir = options.out;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new CliUsageError(`--out ${dir}: cannot create the folder (${(error as Error).message})`);
  }
  await withDatabase(config, "confidant export", async ({ db }) => {
    const workspace = await workspaceForCommand(db, options.workspace);
    for (const kind of EXPORT_KINDS) {
      const file = path.join(dir, `${kind}.${format}`);
      const out = createWriteStream(file);
      const count = await writeExport(
        db,
        workspace.id,
        kind,
        format,
        async (chunk) => {
          if (!out.write(chunk)) await once(out, "drain");
        },
        { bom: Boolean(options.bom) },
      );
      out.end();
      await once(out, "close");
      console.log(`${file}: ${count} ${kind}`);
    }
  });
}

export async function backupCommand(config: Config, file: string) {
  await withDatabase(config, "confidant backup", async ({ db }) => {
    const counts = await backupDatabase(db, file);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`Backed up ${Object.keys(counts).length} tables, ${rows} rows, to ${file}`);
  });
}

export async function restoreCommand(config: Config, file: string) {
  await withDatabase(config, "confidant restore", async ({ db }) => {
    const counts = await restoreDatabase(db, file);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`Restored ${rows} rows into ${Object.keys(counts).length} tables from ${file}`);
  });
}
