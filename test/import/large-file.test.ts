import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readRow } from "../../src/domain/import/record.ts";
import { SeenIds } from "../../src/domain/import/seen-ids.ts";
import { planFiles } from "../../src/server/features/imports/plan.ts";
import { readRows } from "../../src/server/features/imports/read-file.ts";
import { tempFile } from "./import-helpers.ts";

async function writeLargeFile(bytes: number) {
  const file = tempFile("large.csv", "Id,Name,AccountId,StageName,Amount,CloseDate,OwnerId,Description\n");
  const out = createWriteStream(file, { flags: "a" });
  let written = 0;
  for (let i = 0; written < bytes; i++) {
    const line = `OPP${i},"Deal ${i}, widgets",ACC${i % 5000},Prospecting,${i % 997}.50,2027-0${1 + (i % 9)}-15,005U${i % 40},"Note for deal ${i}"\n`;
    written += line.length;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "close");
  return file;
}

describe("a 200 MB export", () => {
  // Reading, mapping and checking rows is the same on both databases; the embedded run covers it.
  it.skipIf(Boolean(process.env.DATABASE_URL))(
    "is streamed: every row is read, mapped and checked while memory grows by far less than 300 MB",
    async () => {
      const file = await writeLargeFile(200 * 1024 * 1024);
      expect((await stat(file)).size).toBeGreaterThanOrEqual(200 * 1024 * 1024);
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sample = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 25);
      try {
        const [plan] = await planFiles([file]);
        const seen = new SeenIds();
        let rows = 0;
        let errors = 0;
        const index = new Map(plan!.head.headers.map((h, i) => [h, i]));
        for await (const batch of readRows(plan!.head)) {
          for (const { row, values } of batch.rows) {
            const result = readRow(plan!.kind, (c) => values[index.get(c) ?? -1], {
              row,
              columns: plan!.columns,
              dateOrders: plan!.dateOrders,
            });
            if (
              !result.record ||
              ("sourceId" in result.record && seen.firstRow(result.record.sourceId, row) !== null)
            )
              errors++;
            rows++;
          }
        }
        expect(rows).toBeGreaterThan(2_000_000);
        expect(errors).toBe(0);
      } finally {
        clearInterval(sample);
        await rm(file);
      }
      expect(peak - before).toBeLessThan(300 * 1024 * 1024);
    },
    300_000,
  );
});
