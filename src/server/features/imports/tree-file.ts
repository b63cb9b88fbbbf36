import { readFile } from "node:fs/promises";
import { UnusableFileError } from "./read-file.ts";

/** `sf data tree` files are read whole; bigger exports come as CSV. */
export const TREE_FILE_LIMIT = 50 * 1024 * 1024;

interface TreeRecord {
  attributes?: { type?: string; referenceId?: string };
  [field: string]: unknown;
}

/**
 * A Salesforce `sf data tree` JSON file as rows: its reference ids become the `Id` column and `@AccountRef1`
 * references become plain ids, so it maps like a Data Loader export of the same object.
 */
export async function readTreeFile(filePath: string, name: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(filePath, "utf8"));
  } catch (error) {
    throw new UnusableFileError(name, `is not valid JSON (${(error as Error).message})`);
  }
  const records = (parsed as { records?: unknown })?.records;
  if (!Array.isArray(records))
    throw new UnusableFileError(name, 'is not a Salesforce data tree file (no "records" list)');
  const types = new Set(records.map((r: TreeRecord) => r?.attributes?.type));
  if (types.size !== 1) throw new UnusableFileError(name, "mixes record types; give one object per file");
  const headers = ["Id"];
  for (const record of records as TreeRecord[])
    for (const key of Object.keys(record))
      if (key !== "attributes" && !headers.includes(key)) headers.push(key);
  const rows = (records as TreeRecord[]).map((record) =>
    headers.map((header) => {
      const value = header === "Id" ? record.attributes?.referenceId : record[header];
      if (value === null || value === undefined) return "";
      const text = typeof value === "object" ? JSON.stringify(value) : String(value);
      return text.startsWith("@") ? text.slice(1) : text;
    }),
  );
  return { headers, rows, type: [...types][0] as string | undefined };
}
