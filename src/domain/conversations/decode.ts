import iconv from "iconv-lite";
import { detectEncoding, firstControlCharacter } from "../import/detect.ts";
import type { TranscriptNotice } from "./transcript.ts";
import { TranscriptError } from "./transcript.ts";

/** The largest transcript read at once: a three-hour call is about 200 KB of text, so 5 MB is generous. */
export const TRANSCRIPT_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * A transcript's bytes as text: UTF-8 (with or without a byte-order mark), UTF-16 or Windows-1252, told apart
 * from the bytes. Binary data and files over the limit are refused; a file that mixes UTF-8 and Windows-1252
 * is read with a warning naming the first line where it shows.
 */
export function decodeTranscript(bytes: Uint8Array): {
  text: string;
  encoding: string;
  warnings: TranscriptNotice[];
} {
  if (bytes.length > TRANSCRIPT_LIMIT_BYTES)
    throw new TranscriptError(
      0,
      `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; a transcript can be up to ${TRANSCRIPT_LIMIT_BYTES / 1024 / 1024} MB`,
    );
  if (!bytes.length) throw new TranscriptError(0, "the transcript is empty");
  const { encoding, bomLength } = detectEncoding(bytes);
  // iconv-lite, not TextDecoder: Node's TextDecoder reads "windows-1252" as Latin-1 (0x80 is not "€").
  const text = iconv.decode(Buffer.from(bytes.subarray(bomLength)), encoding);
  const binary = firstControlCharacter(text);
  if (binary >= 0)
    throw new TranscriptError(lineAt(text, binary), "this is not a text file (it holds binary data)");
  const warnings: TranscriptNotice[] = [];
  const mixed = encoding === "windows-1252" ? /Ã[\u0080-\u00bf]|â€/.exec(text) : null;
  if (mixed)
    warnings.push({
      line: lineAt(text, mixed.index),
      message: "the file mixes UTF-8 and Windows-1252 text; some characters may read wrongly from here",
    });
  return { text, encoding, warnings };
}

const lineAt = (text: string, index: number) => text.slice(0, index).split("\n").length;
