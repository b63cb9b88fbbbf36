import { once } from "node:events";
import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { SingleBar } from "cli-progress";
import { stringify } from "csv-stringify";
import type { z } from "zod";
import { dateFormat, importFormat, mappingFile } from "../contract/imports.ts";
import { FIELDS } from "../domain/import/fields.ts";
import { type MappingProposal, proposalAsMapping } from "../domain/import/propose.ts";
import type { ImportIssue } from "../domain/import/record.ts";
import { neutralizeCell } from "../domain/import/values.ts";
import type { Config } from "../server/config.ts";
import type { ImportProgress } from "../server/features/imports/engine.ts";
import { dryRun, importFiles } from "../server/features/imports/imports.service.ts";
import { MappingNeededError } from "../server/features/imports/plan.ts";
import { knownEncoding, UnusableFileError } from "../server/features/imports/read-file.ts";
import { withDatabase } from "./run-with-database.ts";
import { CliUsageError } from "./usage-error.ts";
import { workspaceForCommand } from "./workspace-option.ts";

export interface ImportCommandOptions {
  format?: string;
  map?: string;
  workspace?: string;
  dryRun?: boolean;
  dateFormat?: string;
  encoding?: string;
  report?: string;
}

/** The report goes beside the (first) file it reports on, never into whatever folder the command ran from. */
function defaultReportPath(files: string[], now = new Date()) {
  const first = path.parse(path.resolve(files[0] ?? "import.csv"));
  return path.join(first.dir, `${first.name}.import-errors-${now.toISOString().replace(/[:.]/g, "-")}.csv`);
}

function parse<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new CliUsageError(`${flag} ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  return parsed.data;
}

function readMapping(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CliUsageError(
      `--map ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `is not valid JSON (${(error as Error).message})`}`,
    );
  }
  const parsed = mappingFile.safeParse(json);
  if (!parsed.success)
    throw new CliUsageError(
      `--map ${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(top)"} ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

/** An error report beside the import: one CSV row per row error or warning, safe to open in a spreadsheet. */
function errorReport(file: string) {
  const out = createWriteStream(file);
  const csv = stringify({ header: true, columns: ["file", "row", "column", "value", "severity", "message"] });
  csv.pipe(out);
  let written = 0;
  return {
    add(name: string, issues: ImportIssue[]) {
      for (const i of issues) {
        written++;
        csv.write(
          [name, i.row, i.column ?? "", neutralizeCell(i.value ?? ""), i.severity, i.message].map((v) =>
            neutralizeCell(String(v)),
          ),
        );
      }
    },
    async close() {
      csv.end();
      await once(out, "close");
      return written;
    },
  };
}

const KIND_WORDS = {
  account: "accounts",
  contact: "contacts",
  opportunity: "opportunities",
  contact_role: "contact roles",
  product: "product list (to check product names)",
  team: "sales teams (not imported: map owners to members)",
};

/** `confidant import FILE…`: progress on a terminal, one summary line on stdout, row errors in a CSV report. */
export async function importCommand(config: Config, files: string[], raw: ImportCommandOptions) {
  const format = parse(importFormat, raw.format ?? "auto", "--format");
  const order =
    raw.dateFormat === undefined
      ? undefined
      : parse(dateFormat, raw.dateFormat.toUpperCase(), "--date-format");
  if (raw.encoding !== undefined && !knownEncoding(raw.encoding))
    throw new CliUsageError(
      `--encoding "${raw.encoding}" is not an encoding this import knows (e.g. utf-8, utf-16le, windows-1252)`,
    );
  const mapping = raw.map ? readMapping(raw.map) : undefined;
  const options = {
    format,
    encoding: raw.encoding,
    dateFormat: order ?? mapping?.dateFormat,
    mapping:
      mapping && (mapping.kind || mapping.columns || mapping.constants)
        ? { kind: mapping.kind, columns: mapping.columns, constants: mapping.constants }
        : undefined,
    mappings: mapping?.files,
    owners: mapping?.owners,
  };
  const reportPath = path.resolve(raw.report ?? defaultReportPath(files));
  const report = errorReport(reportPath);
  const bar = process.stderr.isTTY
    ? new SingleBar({
        format: "{name} [{bar}] {percentage}% | {rows}",
        stream: process.stderr,
        hideCursor: true,
      })
    : null;
  let barFile = -1;
  const hooks = {
    onIssues: (name: string, issues: ImportIssue[]) => report.add(name, issues),
    onProgress: (p: ImportProgress) => {
      if (!bar) return;
      const payload = {
        name: p.name,
        rows: `${p.counts.created} created, ${p.counts.updated} updated, ${p.counts.errors} errors`,
      };
      if (barFile !== p.file) {
        if (barFile !== -1) bar.stop();
        bar.start(p.bytes, 0, payload);
        barFile = p.file;
      }
      bar.update(Math.min(p.bytesRead, p.bytes), payload);
    },
  };
  try {
    await proposingMappings(() =>
      withDatabase(config, "confidant import", async ({ db }) => {
        const workspace = await workspaceForCommand(db, raw.workspace);
        const actor = { workspaceId: workspace.id, memberId: null };
        const result = raw.dryRun
          ? await dryRun(db, actor, files, options, hooks)
          : await importFiles(db, actor, files, options, {
              ...hooks,
              onStarted: (runId, _plans, resumed) => {
                if (resumed)
                  console.error(
                    `Resuming interrupted import ${runId} after row ${resumed.row} of file ${resumed.file + 1}.`,
                  );
              },
            });
        bar?.stop();
        for (const plan of result.plans) {
          console.error(
            `${plan.head.name}: ${plan.format} ${KIND_WORDS[plan.kind]} (${plan.head.encoding}${plan.filledDown.length ? `; grouped report, filled down: ${plan.filledDown.map((c) => plan.head.headers[c]).join(", ")}` : ""}${plan.unmapped.length ? `; not imported: ${plan.unmapped.slice(0, 8).join(", ")}${plan.unmapped.length > 8 ? ", …" : ""}` : ""})`,
          );
          if (plan.proposal)
            console.error(
              `  mapped from its values (${plan.proposal.said}): ${proposedColumns(plan.proposal)}`,
            );
          else if (raw.dryRun) console.error(`  ${matchedColumns(plan)}`);
        }
        const owners = Object.entries(result.unknownOwners);
        if (owners.length)
          console.error(
            `Owners not matched to a member (their decisions are kept by an admin until mapped): ${owners
              .sort((a, b) => b[1] - a[1])
              .slice(0, 10)
              .map(([name, n]) => `${name} (${n})`)
              .join(
                ", ",
              )}${owners.length > 10 ? `, and ${owners.length - 10} more` : ""}. Map them with "owners" in --map and import again.`,
          );
        const stages = Object.entries(result.unknownStages).sort((a, b) => b[1] - a[1]);
        if (stages.length)
          console.error(
            `Stages not recognized, imported as open and kept as the source stage: ${stages
              .slice(0, 10)
              .map(([stage, n]) => `${stage} (${n})`)
              .join(", ")}${stages.length > 10 ? `, and ${stages.length - 10} more` : ""}.`,
          );
        const c = result.counts;
        const summary = `${c.created} created, ${c.updated} updated, ${c.skipped} skipped, ${c.errors} errors`;
        console.log(raw.dryRun ? `dry run (nothing written): ${summary}` : `imported: ${summary}`);
      }),
    );
  } finally {
    bar?.stop();
    const written = await report.close();
    if (written) console.error(`Row errors and warnings (${written}): ${reportPath}`);
    else await rm(reportPath, { force: true });
  }
}

/** How well the headers matched: how many of the file's columns a field takes, and which. */
function matchedColumns(plan: { head: { headers: string[] }; columns: Record<string, string | undefined> }) {
  const pairs = Object.entries(plan.columns).filter(([, column]) => column);
  return `matched ${pairs.length} of ${plan.head.headers.length} columns: ${pairs
    .map(([field, column]) => `${column} → ${field}`)
    .join(", ")}`;
}

const ORDER: readonly string[] = FIELDS.opportunity;

/** Each field's column from the values, and how sure: "Vorhaben → name (85%)". */
const proposedColumns = (proposal: MappingProposal) =>
  Object.entries(proposal.fields)
    .sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b))
    .map(([field, f]) => `${f.column} → ${field} (${Math.round(f.confidence * 100)}%)`)
    .join(", ");

/**
 * A file whose mapping the values do not make clear stops the import; what they did suggest is written beside it
 * as a mapping file to check, complete and pass with --map.
 */
async function proposingMappings(work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof MappingNeededError ? error.cause : error;
    if (!(cause instanceof MappingNeededError) || !cause.proposal) throw error;
    const file = path.join(
      path.dirname(cause.head.path),
      `${path.basename(cause.head.path, path.extname(cause.head.path))}.mapping.json`,
    );
    writeFileSync(file, `${JSON.stringify(proposalAsMapping(cause.proposal), null, 2)}\n`);
    const found = Object.keys(cause.proposal.fields).length
      ? `what its values suggest (${proposedColumns(cause.proposal)})`
      : "an empty mapping";
    throw new UnusableFileError(
      cause.head.name,
      `${cause.message.replace(`${cause.head.name}: `, "")}. Wrote ${found} to ${file}: check it, give each field its column, and import again with --map ${file}`,
    );
  }
}
