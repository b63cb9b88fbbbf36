import type { Kysely } from "kysely";
import { productMatcher } from "../../../domain/import/lookups.ts";
import { type ImportIssue, type ImportRecord, readRow } from "../../../domain/import/record.ts";
import { BLANK_LINE, FillDown, reportLine } from "../../../domain/import/report-lines.ts";
import { SeenIds } from "../../../domain/import/seen-ids.ts";
import type { Database } from "../../db/schema.ts";
import { refreshStatistics } from "./imports.repo.ts";
import type { FilePlan } from "./plan.ts";
import { readRows } from "./read-file.ts";
import { type Counts, ImportWriter, type Located } from "./writer.ts";

export interface ImportProgress {
  file: number;
  name: string;
  bytesRead: number;
  bytes: number;
  counts: Counts;
}

export interface Checkpoint {
  file: number;
  row: number;
}

export interface EngineOptions {
  write: boolean;
  via: string;
  workspaceId: string;
  memberId: string | null;
  owners?: Record<string, string> | undefined;
  currency?: string;
  /** Resume after this point: rows up to it were committed by an earlier, interrupted run. */
  resumeFrom?: Checkpoint | undefined;
  counts?: Counts | undefined;
  onIssues?: (file: string, issues: ImportIssue[]) => Promise<void> | void;
  onProgress?: (progress: ImportProgress) => void;
  /** Runs inside each batch's transaction, so the checkpoint moves with the data it describes. */
  onBatchCommitted?: (
    trx: Kysely<Database>,
    checkpoint: Checkpoint,
    counts: Counts,
    file: string,
    issues: ImportIssue[],
  ) => Promise<void>;
}

export const emptyCounts = (): Counts => ({ created: 0, updated: 0, skipped: 0, errors: 0, warnings: 0 });

const BATCH_ROWS = 2000;

/**
 * Reads every planned file in batches and hands each batch's records to the writer — in one transaction per
 * batch together with the checkpoint when writing, or only counting in a dry run.
 */
export async function runFiles(db: Kysely<Database>, plans: FilePlan[], options: EngineOptions) {
  const counts = options.counts ?? emptyCounts();
  const writer = await ImportWriter.open(db, options, { write: options.write, owners: options.owners });
  const statistics = new FreshStatistics();
  let products = productMatcher([]);
  const listPrices = new Map<string, number>();
  const knownProducts: string[] = [];
  // One batch is written while the next is read and checked: the database and this process work at once.
  // Batches still commit one after another, in file order, so the checkpoint always means "all rows up to here".
  let inFlight: Promise<void> = Promise.resolve();
  try {
    for (const [fileIndex, plan] of plans.entries()) {
      const resume = options.resumeFrom;
      if (resume && fileIndex < resume.file && plan.kind !== "product") continue;
      const skipThrough = resume && fileIndex === resume.file ? resume.row : 0;
      const firstRows = new SeenIds();
      const columnsAt = headerIndex(plan.head.headers);
      const groups = new FillDown(plan.filledDown ?? []);
      for await (const batch of readRows(plan.head, BATCH_ROWS)) {
        const issues: ImportIssue[] = [];
        const located: Located<ImportRecord>[] = [];
        const tally = { errors: 0, skipped: 0 };
        let lastRow = 0;
        for (const { row, values: read } of batch.rows) {
          lastRow = row;
          // A report's own lines (totals, notices) are noted and skipped, never read as records or errors.
          const notRecord = reportLine(read);
          if (notRecord) {
            if (row > skipThrough && notRecord !== BLANK_LINE)
              issues.push({
                row,
                column: null,
                value: null,
                message: `not a record, skipped: ${notRecord}`,
                severity: "warning",
              });
            continue;
          }
          const values = groups.fill(read);
          const rowIssues: ImportIssue[] = [];
          const width = plan.head.headers.length;
          // Spreadsheets and report exports drop empty cells at the end of a row; more cells than headers is damage.
          if (values.length !== width)
            rowIssues.push({
              row,
              column: null,
              value: null,
              message:
                values.length > width
                  ? `has ${values.length} columns where the header has ${width}: the row is not imported`
                  : `has ${values.length} columns where the header has ${width}: the missing ones are read as empty`,
              severity: values.length > width ? "error" : "warning",
            });
          if (values.some((value) => value.includes("\uFFFD")))
            rowIssues.push({
              row,
              column: null,
              value: null,
              message: `has bytes that are not valid ${plan.head.encoding}: is the file in another encoding (e.g. windows-1252)?`,
              severity: "error",
            });
          const result = rowIssues.some((i) => i.severity === "error")
            ? { record: null, issues: [] }
            : readRow(plan.kind, (column) => values[columnsAt.get(column) ?? -1], {
                row,
                columns: plan.columns,
                constants: plan.constants,
                dateOrders: plan.dateOrders,
                exactOutcome: plan.format === "confidant",
              });
          rowIssues.push(...result.issues);
          let record = result.record;
          if (record && "sourceId" in record) {
            const key = `${record.kind}:${record.sourceId}`;
            const first = firstRows.firstRow(key, row);
            if (first !== null) {
              rowIssues.push({
                row,
                column: plan.columns.id ?? null,
                value: record.sourceId,
                message: `the same id is on row ${first}; only the first is imported`,
                severity: "error",
              });
              record = null;
            }
          }
          if (record?.kind === "product") {
            knownProducts.push(record.name);
            if (record.price !== null) listPrices.set(record.name, record.price);
          }
          if (record?.kind === "opportunity" && record.productLine) {
            const match = products(record.productLine);
            if (match.warning)
              rowIssues.push({
                row,
                column: plan.columns.product ?? null,
                value: record.productLine,
                message: match.warning,
                severity: "warning",
              });
            record.productLine = match.name;
            record.listAmount = listPrices.get(match.name) ?? null;
          }
          // Rows an interrupted run already committed are read again only to know their ids.
          if (row <= skipThrough) continue;
          issues.push(...rowIssues);
          if (rowIssues.some((i) => i.severity === "error")) tally.errors++;
          else if (result.skipped || !record || record.kind === "product") tally.skipped++;
          else located.push({ row, record });
        }
        if (plan.kind === "product") products = productMatcher(knownProducts);
        if (lastRow <= skipThrough) continue;
        const writeBatch = async (trx: Kysely<Database>) => {
          counts.errors += tally.errors;
          counts.skipped += tally.skipped;
          await writeRecords(trx, writer, plan, located, counts, issues, options.currency ?? "USD");
          counts.warnings += issues.filter((i) => i.severity === "warning").length;
          if (options.write)
            await options.onBatchCommitted?.(
              trx,
              { file: fileIndex, row: lastRow },
              counts,
              plan.head.name,
              issues,
            );
        };
        const commit = async () => {
          if (options.write) {
            await db.transaction().execute(writeBatch);
            await statistics.after(db, located.length);
          } else await writeBatch(db);
          if (issues.length) await options.onIssues?.(plan.head.name, issues);
          options.onProgress?.({
            file: fileIndex,
            name: plan.head.name,
            bytesRead: batch.bytesRead,
            bytes: plan.head.bytes,
            counts,
          });
        };
        await inFlight;
        inFlight = commit();
        // Awaited before the next batch or at the end; until then a failure must not count as unhandled.
        inFlight.catch(() => {});
      }
    }
    await inFlight;
  } finally {
    // A file that breaks part-way must not leave a batch still being written behind the error.
    await inFlight.catch(() => {});
  }
  return {
    counts,
    unknownOwners: Object.fromEntries(writer.unknownOwners),
    unknownStages: Object.fromEntries(writer.unknownStages),
  };
}

/**
 * A bulk load outgrows the planner's picture of the tables: looking up a batch's ids in a table it still
 * believes nearly empty turns into a scan per id. The statistics are refreshed each time the rows written
 * have doubled, about twenty times for a million rows.
 */
class FreshStatistics {
  private written = 0;
  private next = 1000;

  async after(db: Kysely<Database>, rows: number) {
    this.written += rows;
    if (this.written < this.next) return;
    this.next = this.written * 2;
    await refreshStatistics(db);
  }
}

/** Where each header is; with a repeated header the first one counts. */
function headerIndex(headers: string[]) {
  const index = new Map<string, number>();
  headers.forEach((header, i) => {
    if (!index.has(header)) index.set(header, i);
  });
  return index;
}

/** A file of one kind can hold records of another (a report's account-only rows): parents are written first. */
async function writeRecords(
  db: Kysely<Database>,
  writer: ImportWriter,
  plan: FilePlan,
  located: Located<ImportRecord>[],
  counts: Counts,
  issues: ImportIssue[],
  currency: string,
) {
  const of = <K extends ImportRecord["kind"]>(kind: K) =>
    located.filter((l) => l.record.kind === kind) as Located<Extract<ImportRecord, { kind: K }>>[];
  const accounts = of("account");
  if (accounts.length) await writer.accounts(db, plan.format, accounts, counts);
  const contacts = of("contact");
  if (contacts.length) await writer.contacts(db, plan.format, contacts, counts, issues);
  const opportunities = of("opportunity");
  if (opportunities.length)
    await writer.opportunities(db, plan.format, opportunities, counts, issues, currency);
  const roles = of("contact_role");
  if (roles.length) await writer.contactRoles(db, plan.format, roles, counts, issues);
}
