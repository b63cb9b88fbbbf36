import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { CsvError, parse } from "csv-parse";
import iconv from "iconv-lite";
import {
  detectDelimiter,
  detectEncoding,
  type Encoding,
  firstControlCharacter,
} from "../../../domain/import/detect.ts";
import { readTreeFile, TREE_FILE_LIMIT } from "./tree-file.ts";

/** A file that cannot be imported at all: it says which file and why, and nothing of it is written. */
export class UnusableFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export interface FileHead {
  name: string;
  path: string;
  bytes: number;
  encoding: string;
  bomLength: number;
  delimiter: string;
  headers: string[];
  /** "csv", or "tree" for Salesforce `sf data tree` JSON. */
  shape: "csv" | "tree";
}

export interface Row {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  values: string[];
}

const HEAD_BYTES = 64 * 1024;

/** Reads the first bytes of a file: its encoding, delimiter and header, or why it cannot be imported. */
export async function inspectFile(filePath: string, encoding?: string): Promise<FileHead> {
  const name = path.basename(filePath);
  let bytes: number;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new UnusableFileError(name, "is not a file");
    bytes = info.size;
  } catch (error) {
    if (error instanceof UnusableFileError) throw error;
    throw new UnusableFileError(name, "cannot be read (no such file, or no permission)");
  }
  if (bytes === 0) throw new UnusableFileError(name, "is empty");
  const head = await readHead(filePath);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
    throw new UnusableFileError(name, "is a zip file or Excel workbook: save or extract it as CSV first");
  const detected = detectEncoding(head);
  const chosen = encoding ?? detected.encoding;
  const bomLength = encoding && encoding !== detected.encoding ? 0 : detected.bomLength;
  const text = iconv.decode(Buffer.from(head.subarray(bomLength)), chosen);
  if (firstControlCharacter(text.slice(0, 4096)) >= 0)
    throw new UnusableFileError(
      name,
      encoding
        ? `does not read as ${encoding} (control characters): is it in another encoding?`
        : "is not a text file (it holds binary data)",
    );
  const firstChar = text.trimStart()[0];
  if ((firstChar === "{" || firstChar === "[") && /\.json$/i.test(name)) {
    if (bytes > TREE_FILE_LIMIT)
      throw new UnusableFileError(name, "is a JSON file over 50 MB: export it as CSV instead");
    const tree = await readTreeFile(filePath, name);
    return {
      name,
      path: filePath,
      bytes,
      encoding: chosen,
      bomLength,
      delimiter: ",",
      headers: tree.headers,
      shape: "tree",
    };
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = detectDelimiter(firstLine);
  const headers = await firstRecord(filePath, chosen, bomLength, delimiter, name);
  if (!headers.some((h) => h.trim())) throw new UnusableFileError(name, "has no header row");
  return { name, path: filePath, bytes, encoding: chosen, bomLength, delimiter, headers, shape: "csv" };
}

async function readHead(filePath: string) {
  const handle = await open(filePath, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return new Uint8Array(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

async function firstRecord(
  filePath: string,
  encoding: string,
  bomLength: number,
  delimiter: string,
  name: string,
) {
  for await (const batch of parseRows(filePath, { encoding, bomLength, delimiter, name }, 1))
    return batch.rows[0]!.values;
  throw new UnusableFileError(name, "has no header row");
}

/**
 * Streams a file's data rows (after the header) in batches, decoded from its encoding. A structural error —
 * an unclosed quote — ends the stream with an UnusableFileError naming the line.
 */
export async function* readRows(
  head: FileHead,
  batchSize = 2000,
): AsyncGenerator<{ rows: Row[]; bytesRead: number }> {
  if (head.shape === "tree") {
    const tree = await readTreeFile(head.path, head.name);
    yield { rows: tree.rows.map((values, index) => ({ row: index + 2, values })), bytesRead: head.bytes };
    return;
  }
  let skipHeader = true;
  for await (const batch of parseRows(head.path, head, batchSize)) {
    if (skipHeader) {
      skipHeader = false;
      batch.rows.shift();
    }
    if (batch.rows.length) yield batch;
  }
}

async function* parseRows(
  filePath: string,
  options: { encoding: string; bomLength: number; delimiter: string; name: string },
  batchSize: number,
): AsyncGenerator<{ rows: Row[]; bytesRead: number }> {
  const source = createReadStream(filePath, { start: options.bomLength, highWaterMark: 1024 * 1024 });
  const parser = parse({
    delimiter: options.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
  });
  const utf8 = options.encoding.toLowerCase().replace("-", "") === "utf8";
  const decoder = utf8 ? null : iconv.decodeStream(options.encoding);
  source.on("error", (error) => parser.destroy(error));
  decoder?.on("error", (error: Error) => parser.destroy(error));
  if (decoder) source.pipe(decoder).pipe(parser);
  else source.pipe(parser);
  let row = 0;
  let batch: Row[] = [];
  try {
    // Records are taken a batch at a time: awaiting once per record costs more than parsing it.
    for await (const chunk of batchesOf(parser, batchSize)) {
      for (const values of chunk) batch.push({ row: ++row, values });
      if (batch.length >= batchSize) {
        yield { rows: batch, bytesRead: source.bytesRead };
        batch = [];
      }
    }
    if (batch.length) yield { rows: batch, bytesRead: source.bytesRead };
  } catch (error) {
    if (error instanceof CsvError)
      throw new UnusableFileError(options.name, `cannot be read as CSV: ${csvReason(error)}`);
    throw new UnusableFileError(options.name, `cannot be read: ${(error as Error).message}`);
  } finally {
    source.destroy();
  }
}

/** Records a batch at a time, with back-pressure: the parser pauses while batches wait to be taken. */
async function* batchesOf(parser: ReturnType<typeof parse>, size: number): AsyncGenerator<string[][]> {
  const ready: string[][][] = [];
  let current: string[][] = [];
  let ended = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  parser.on("data", (record: string[]) => {
    current.push(record);
    if (current.length >= size) {
      ready.push(current);
      current = [];
      if (ready.length > 4) parser.pause();
      signal();
    }
  });
  parser.on("end", () => {
    if (current.length) ready.push(current);
    ended = true;
    signal();
  });
  parser.on("error", (error: Error) => {
    failure = error;
    signal();
  });
  while (true) {
    const next = ready.shift();
    if (next) {
      if (ready.length <= 1) parser.resume();
      yield next;
      continue;
    }
    if (failure) throw failure;
    if (ended) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}

function csvReason(error: CsvError) {
  const line = (error as CsvError & { lines?: number }).lines;
  if (error.code === "CSV_QUOTE_NOT_CLOSED") return `a quote opened before line ${line} is never closed`;
  return `${error.message.replace(/^Invalid \w+: /, "")}`;
}

/** The encodings a user may name; detection covers the common ones. */
export function knownEncoding(name: string): name is Encoding {
  return iconv.encodingExists(name);
}
