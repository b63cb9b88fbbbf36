import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dryRun, importFiles } from "../../src/server/features/imports/imports.service.ts";
import { createTestApp, type TestApp } from "../app.ts";
import { collectIssues, importWorkspace, tally, tempFile } from "./import-helpers.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const HEADER = "Id,Name,AccountName,StageName,Amount,CloseDate\n";

/** Every case: the workspace is as it was before, except for what the message says was imported. */
async function refused(content: string | Uint8Array, name: string, message: RegExp, options = {}) {
  const { actor } = await importWorkspace(t, `Refused ${Math.random()}`);
  await expect(importFiles(t.db, actor, [tempFile(name, content)], options)).rejects.toThrow(message);
  expect(await tally(t, actor.workspaceId)).toMatchObject({ accounts: 0, decisions: 0 });
  const runs = await t.db
    .selectFrom("import_run")
    .select("status")
    .where("workspace_id", "=", actor.workspaceId)
    .execute();
  expect(runs.every((r) => r.status === "failed")).toBe(true);
}

describe("files that cannot be imported are refused, with the file and the reason", () => {
  it("an empty file", () => refused("", "empty.csv", /empty\.csv: is empty/));
  it("a header without rows", () => refused(HEADER, "header.csv", /has a header row but no data rows/));
  it("a zip file or Excel workbook", () =>
    refused(
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]),
      "book.xlsx",
      /zip file or Excel workbook/,
    ));
  it("binary data", () =>
    refused(
      new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 37) % 256)),
      "data.csv",
      /not a text file|not recognized/,
    ));
  it("headers no format has", () =>
    refused("foo,bar\n1,2\n", "odd.csv", /not recognized from its headers \(foo, bar\)/));
  it("dates that fit day/month and month/day alike", () =>
    refused(
      `${HEADER}1,A,Acme,Prospecting,10,03/04/2027\n2,B,Acme,Prospecting,10,05/06/2027\n`,
      "ambiguous.csv",
      /--date-format DMY or MDY/,
    ));
  it("a UTF-16 file read as UTF-8", () =>
    refused(
      Buffer.from(`${HEADER}1,A,Acme,Prospecting,10,2027-01-01\n`, "utf16le"),
      "wide.csv",
      /does not read as utf-8/,
      { encoding: "utf-8" },
    ));

  it("an unclosed quote found before writing (reading the dates) is refused", () =>
    refused(`${HEADER}1,"A,Acme,Prospecting,10,2027-01-01\n`, "early-quote.csv", /never closed/));

  it("an unclosed quote: the import stops and what it had written is undone", async () => {
    const { actor } = await importWorkspace(t, "Unclosed quote");
    // No date column, so nothing reads the file to its end before the import starts writing.
    const rows = Array.from({ length: 4500 }, (_, i) => `${i},Deal ${i},Acme,Prospecting,10`).join("\n");
    const file = tempFile(
      "quote.csv",
      `Id,Name,AccountName,StageName,Amount\n${rows}\n9999,"Broken,Acme,Prospecting,10\n`,
    );
    await expect(importFiles(t.db, actor, [file], { mapping: { kind: "opportunity" } })).rejects.toThrow(
      /quote\.csv: cannot be read as CSV: a quote opened before line \d+ is never closed/,
    );
    expect(await tally(t, actor.workspaceId)).toMatchObject({ accounts: 0, decisions: 0 });
    const run = await t.db
      .selectFrom("import_run")
      .selectAll()
      .where("workspace_id", "=", actor.workspaceId)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe("failed");
    expect(run.error).toContain("never closed");
    // Two batches had been committed before the broken row was reached; undoing them is in the change log.
    const undone = await sql<{ n: number }>`SELECT count(*)::int AS n FROM change_log
      WHERE workspace_id = ${actor.workspaceId} AND via = ${`undo import:${run.id}`} AND action = 'delete'`.execute(
      t.db,
    );
    expect(undone.rows[0]!.n).toBeGreaterThanOrEqual(4000);
  });
});

describe("rows that cannot be imported are row errors; the rest is imported", () => {
  it("reports row, column, value and why for each, and imports the good rows", async () => {
    const { actor } = await importWorkspace(t, "Row errors");
    const content = [
      HEADER.trim(),
      '1,Good deal,Acme,Prospecting,"1.234,56 €",31/01/2027',
      "2,Too many,Acme,Prospecting,10,31/01/2027,extra",
      "3,Short row,Acme",
      "4,Bad date,Acme,Prospecting,10,31/02/2024",
      "5,Bad amount,Acme,Prospecting,lots,15/02/2027",
      "6,Negative,Acme,Prospecting,-5,15/02/2027",
      "1,Same id again,Acme,Prospecting,10,15/02/2027",
      '7,"=HYPERLINK(""http://evil.example"",""Click"")",Acme,Closed Won,10,15/02/2020',
      '8,"Multi',
      'line name",Acme,Prospecting,10,15/02/2027',
    ].join("\n");
    const { issues, onIssues } = collectIssues();
    const result = await importFiles(t.db, actor, [tempFile("rows.csv", content)], {}, { onIssues });
    expect(result.counts).toMatchObject({ created: 4, errors: 5 });
    expect(issues.filter((i) => i.message.includes("no account"))).toEqual([]);
    const byRow = Object.fromEntries(issues.map((i) => [i.row, i]));
    expect(byRow[3]).toMatchObject({
      severity: "error",
      message: "has 7 columns where the header has 6: the row is not imported",
    });
    expect(byRow[4]).toMatchObject({
      severity: "warning",
      message: expect.stringContaining("read as empty"),
    });
    expect(byRow[5]).toMatchObject({
      column: "CloseDate",
      value: "31/02/2024",
      message: '"31/02/2024" is not a real date (day/month/year)',
    });
    expect(byRow[6]).toMatchObject({ column: "Amount", value: "lots", message: "is not an amount" });
    expect(byRow[7]).toMatchObject({ column: "Amount", value: "-5", message: "must not be negative" });
    expect(byRow[8]).toMatchObject({
      column: "Id",
      value: "1",
      message: "the same id is on row 2; only the first is imported",
    });
    const good = await t.db
      .selectFrom("decision")
      .select(["title", "value_amount", "currency", "target_date"])
      .where("workspace_id", "=", actor.workspaceId)
      .where("source_id", "=", "1")
      .executeTakeFirstOrThrow();
    expect(good).toEqual({
      title: "Good deal",
      value_amount: 123_456,
      currency: "EUR",
      target_date: "2027-01-31",
    });
    // A formula is kept as the text it is, and a quoted line break stays in the name.
    const titles = (
      await t.db
        .selectFrom("decision")
        .select("title")
        .where("workspace_id", "=", actor.workspaceId)
        .execute()
    ).map((d) => d.title);
    expect(titles).toContain('=HYPERLINK("http://evil.example","Click")');
    expect(titles).toContain("Multi\nline name");
  });

  it("bytes not valid in the encoding given are row errors that suggest another encoding", async () => {
    const { actor } = await importWorkspace(t, "Wrong encoding");
    const latin1 = Buffer.concat([
      Buffer.from(HEADER),
      Buffer.from("1,Caf"),
      Buffer.from([0xe9]),
      Buffer.from(",Acme,Prospecting,10,2027-01-01\n2,Plain,Acme,Prospecting,10,2027-01-01\n"),
    ]);
    const file = tempFile("latin1.csv", latin1);
    const { issues, onIssues } = collectIssues();
    const forced = await dryRun(t.db, actor, [file], { encoding: "utf-8" }, { onIssues });
    expect(forced.counts).toMatchObject({ created: 1, errors: 1 });
    expect(issues[0]!.message).toMatch(/not valid utf-8: is the file in another encoding/);
    // Left to detection, the file is read as Windows-1252 and every row imports.
    const detected = await importFiles(t.db, actor, [file], {});
    expect(detected.plans[0]!.head.encoding).toBe("windows-1252");
    expect(detected.counts.errors).toBe(0);
    expect(
      (
        await t.db
          .selectFrom("decision")
          .select("title")
          .where("workspace_id", "=", actor.workspaceId)
          .where("source_id", "=", "1")
          .executeTakeFirstOrThrow()
      ).title,
    ).toBe("Café");
  });

  it("UTF-16 with a byte-order mark, tab-separated, as Excel saves 'Unicode text'", async () => {
    const { actor } = await importWorkspace(t, "UTF-16");
    const text =
      "Id\tName\tAccountName\tStageName\tAmount\tCloseDate\r\n1\tZürich rollout\tHelvetia AG\tClosed Won\t1000\t2026-01-15\r\n";
    const file = tempFile(
      "unicode.txt",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    );
    const result = await importFiles(t.db, actor, [file], {});
    expect(result.plans[0]!.head).toMatchObject({ encoding: "utf-16le", delimiter: "\t" });
    expect(await tally(t, actor.workspaceId)).toMatchObject({ decisions: 1, outcomes: { won: 1 } });
  });

  it("dates given as MDY are read month first", async () => {
    const { actor } = await importWorkspace(t, "Month first");
    const file = tempFile("us.csv", `${HEADER}1,A,Acme,Prospecting,10,03/04/2027\n`);
    await importFiles(t.db, actor, [file], { dateFormat: "MDY" });
    const row = await sql<{
      target_date: string;
    }>`SELECT target_date FROM decision WHERE workspace_id = ${actor.workspaceId}`.execute(t.db);
    expect(row.rows[0]!.target_date).toBe("2027-03-04");
  });
});
