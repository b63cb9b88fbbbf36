/**
 * Transcripts in the formats people have — WebVTT (Zoom, Teams, Meet: voice tags with or without `</v>`,
 * cue ids or not), SRT, plain `Name: text` lines, Otter/Fireflies-style text (`Name  0:03` on its own line,
 * then what they said) and JSON `[{speaker, text, start, end}]` — read into one list of turns. Pure: the
 * caller decodes the bytes; every refusal names the line.
 */

export type TranscriptFormat = "vtt" | "srt" | "txt" | "otter" | "json";

export interface Turn {
  /** 1-based position in the call. */
  turn: number;
  speaker: string;
  text: string;
  /** Seconds from the start of the call, where the transcript has times. */
  start: number | null;
  end: number | null;
  /** The line of the file the turn starts on (1-based; for JSON, the entry's position). */
  line: number;
}

export interface TranscriptNotice {
  line: number;
  message: string;
}

export interface Transcript {
  format: TranscriptFormat;
  turns: Turn[];
  /** Things worth a look that do not stop the reading: times out of order or overlapping. */
  warnings: TranscriptNotice[];
}

/** A transcript that cannot be read; `line` says where (0 when it is about the whole file). */
export class TranscriptError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(line ? `line ${line}: ${message}` : message);
  }
}

const TIMING =
  /^\s*(\d{1,2}:)?(\d{1,2}):(\d{2})[.,](\d{1,3})\s*-->\s*(\d{1,2}:)?(\d{1,2}):(\d{2})[.,](\d{1,3})/;
const OTTER_HEADER = /^(.{1,80}?)\s{2,}(\d{1,2}:)?\d{1,2}:\d{2}\s*$/;
const NAMED_LINE = /^([^:]{1,80}?): (.*)$/;

const seconds = (h: string | undefined, m: string, s: string, ms: string) =>
  Number(h ? h.slice(0, -1) : 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms.padEnd(3, "0")) / 1000;

const clockSeconds = (clock: string) =>
  clock
    .split(":")
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);

/** The format, from the content (never trusting a file name alone). */
export function detectTranscriptFormat(text: string): TranscriptFormat {
  const start = text.trimStart();
  if (start.startsWith("WEBVTT")) return "vtt";
  if (start.startsWith("[")) return "json";
  const lines = start.split(/\r?\n/).slice(0, 20);
  if (lines.some((line) => TIMING.test(line))) return "srt";
  if (lines.some((line) => OTTER_HEADER.test(line))) return "otter";
  return "txt";
}

export function parseTranscript(text: string, format: TranscriptFormat | "auto" = "auto"): Transcript {
  if (!text.trim()) throw new TranscriptError(0, "the transcript is empty");
  const chosen = format === "auto" ? detectTranscriptFormat(text) : format;
  const read = READERS[chosen];
  const turns = read(text.replace(/^\uFEFF/, ""));
  if (!turns.length)
    throw new TranscriptError(0, `no turns found: is this a ${NAMES[chosen]} transcript with speaker names?`);
  return { format: chosen, turns, warnings: timingWarnings(turns) };
}

const NAMES: Record<TranscriptFormat, string> = {
  vtt: "WebVTT",
  srt: "SRT",
  txt: "plain-text (Name: text)",
  otter: "Otter-style (Name  0:03, then the text)",
  json: "JSON ([{speaker, text, start, end}])",
};

type Draft = Omit<Turn, "turn">;

const numbered = (drafts: Draft[]): Turn[] => drafts.map((d, i) => ({ turn: i + 1, ...d }));

/** Cue blocks (VTT and SRT): an optional id, the timing line, then the text lines. */
function readCues(text: string, voiceTags: boolean): Turn[] {
  const lines = text.split(/\r?\n/);
  const drafts: Draft[] = [];
  let i = 0;
  while (i < lines.length) {
    const timing = TIMING.exec(lines[i] ?? "");
    if (!timing) {
      i++;
      continue;
    }
    const line = i + 1;
    const [, h1, m1, s1, ms1, h2, m2, s2, ms2] = timing;
    const body: string[] = [];
    i++;
    while (i < lines.length && lines[i]!.trim() !== "" && !TIMING.test(lines[i]!))
      body.push(lines[i++]!.trim());
    // A cue id on the line before the next timing is not text.
    if (body.length && i < lines.length && TIMING.test(lines[i] ?? "") && /^\S+$/.test(body.at(-1)!))
      body.pop();
    const joined = body.join(" ").trim();
    if (!joined) continue;
    const spoken = voiceTags ? voiced(joined) : null;
    const named = spoken ?? namedLine(joined);
    if (!named)
      throw new TranscriptError(line + 1, 'a cue without a speaker: expected <v Name> or "Name: text"');
    drafts.push({
      speaker: named.speaker,
      text: named.text,
      start: seconds(h1, m1!, s1!, ms1!),
      end: seconds(h2, m2!, s2!, ms2!),
      line,
    });
  }
  return numbered(drafts);
}

function voiced(cue: string) {
  const match = /^<v(?:\.[^\s>]+)?\s+([^>]+)>(.*)$/s.exec(cue);
  if (!match) return null;
  return { speaker: match[1]!.trim(), text: stripTags(match[2]!) };
}

const stripTags = (text: string) =>
  text
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/\s+/g, " ")
    .trim();

function namedLine(line: string) {
  const match = NAMED_LINE.exec(line);
  if (!match || !match[1]!.trim() || /^\d/.test(match[1]!)) return null;
  return { speaker: match[1]!.trim(), text: stripTags(match[2]!) };
}

function readPlain(text: string): Turn[] {
  const drafts: Draft[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    const named = namedLine(raw.trim());
    if (!named)
      throw new TranscriptError(
        index + 1,
        'expected "Name: what they said" (the speaker, a colon and a space)',
      );
    drafts.push({ speaker: named.speaker, text: named.text, start: null, end: null, line: index + 1 });
  });
  return numbered(drafts);
}

/** Otter and Fireflies exports: a `Name  0:03` header line, then one or more lines of what they said. */
function readOtter(text: string): Turn[] {
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const header = OTTER_HEADER.exec(raw.trim());
    if (header) {
      if (current?.text) drafts.push(current);
      const clock = raw.trim().slice(header[1]!.length).trim();
      current = {
        speaker: header[1]!.trim(),
        text: "",
        start: clockSeconds(clock),
        end: null,
        line: index + 1,
      };
      return;
    }
    if (!raw.trim()) return;
    if (!current)
      throw new TranscriptError(index + 1, 'text before any speaker: expected a "Name  0:03" line first');
    current.text = current.text ? `${current.text} ${raw.trim()}` : raw.trim();
  });
  if (current && (current as Draft).text) drafts.push(current);
  return numbered(drafts);
}

function readJson(text: string): Turn[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new TranscriptError(0, `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data))
    throw new TranscriptError(0, "expected a JSON array of {speaker, text, start, end}");
  return data.map((entry, index) => {
    const at = index + 1;
    if (!entry || typeof entry !== "object") throw new TranscriptError(at, `entry ${at} is not an object`);
    const { speaker, text: said, start, end } = entry as Record<string, unknown>;
    if (typeof speaker !== "string" || !speaker.trim())
      throw new TranscriptError(at, `entry ${at} has no speaker`);
    if (typeof said !== "string") throw new TranscriptError(at, `entry ${at} has no text`);
    const time = (value: unknown, name: string) => {
      if (value === undefined || value === null) return null;
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
        throw new TranscriptError(at, `entry ${at}: ${name} must be seconds (a number of at least 0)`);
      return value;
    };
    return {
      turn: at,
      speaker: speaker.trim(),
      text: said.trim(),
      start: time(start, "start"),
      end: time(end, "end"),
      line: at,
    };
  });
}

const READERS: Record<TranscriptFormat, (text: string) => Turn[]> = {
  vtt: (text) => readCues(text, true),
  srt: (text) => readCues(text, false),
  txt: readPlain,
  otter: readOtter,
  json: readJson,
};

function timingWarnings(turns: Turn[]): TranscriptNotice[] {
  const warnings: TranscriptNotice[] = [];
  for (let i = 1; i < turns.length; i++) {
    const before = turns[i - 1]!;
    const turn = turns[i]!;
    if (turn.start === null || before.start === null) continue;
    if (turn.start < before.start)
      warnings.push({
        line: turn.line,
        message: `starts before the turn above it (${turn.start}s < ${before.start}s)`,
      });
    else if (before.end !== null && turn.start < before.end - 0.001)
      warnings.push({
        line: turn.line,
        message: `overlaps the turn above it (starts ${turn.start}s, that one ends ${before.end}s)`,
      });
  }
  return warnings;
}
