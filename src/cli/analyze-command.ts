import { readFileSync } from "node:fs";
import { analyzeCall } from "../domain/conversations/analyze.ts";
import { decodeTranscript } from "../domain/conversations/decode.ts";
import { asReport } from "../domain/conversations/report.ts";
import {
  parseTranscript,
  TranscriptError,
  type TranscriptFormat,
} from "../domain/conversations/transcript.ts";
import { CliUsageError } from "./usage-error.ts";

const FORMATS = ["auto", "vtt", "srt", "txt", "otter", "json"] as const;

/**
 * `confidant analyze FILE [--seller "Name,Name"] [--format …]`: the conversation analysis as one JSON object
 * with the field names of the labelled calls' truth files. Speakers not named in --seller are the customer
 * side. Warnings (times out of order, mixed encodings) go to stderr with their line.
 */
export function analyzeCommand(file: string, options: { seller?: string; format?: string }) {
  const format = (options.format ?? "auto") as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new CliUsageError(`--format must be one of ${FORMATS.join(", ")}, not "${options.format}"`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CliUsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    const decoded = decodeTranscript(bytes);
    const transcript = parseTranscript(decoded.text, format as TranscriptFormat | "auto");
    for (const w of [...decoded.warnings, ...transcript.warnings])
      process.stderr.write(`confidant: warning: ${file}: line ${w.line}: ${w.message}\n`);
    const speakers = [...new Set(transcript.turns.map((t) => t.speaker))];
    const sellers = (options.seller ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = sellers.filter((s) => !speakers.some((p) => p.toLowerCase() === s.toLowerCase()));
    if (unknown.length)
      throw new CliUsageError(
        `--seller names ${unknown.map((s) => `"${s}"`).join(", ")}, who ${unknown.length === 1 ? "does" : "do"} not speak in ${file} (the speakers are: ${speakers.join(", ")})`,
      );
    if (!sellers.length)
      process.stderr.write(
        `confidant: warning: no --seller given, so every speaker counts as the customer (the speakers are: ${speakers.join(", ")})\n`,
      );
    return JSON.stringify(asReport(analyzeCall(transcript.turns, sellers)));
  } catch (error) {
    if (error instanceof TranscriptError) throw new CliUsageError(`${file}: ${error.message}`);
    throw error;
  }
}
