import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeTranscript, TRANSCRIPT_LIMIT_BYTES } from "../../src/domain/conversations/decode.ts";
import {
  detectTranscriptFormat,
  parseTranscript,
  TranscriptError,
} from "../../src/domain/conversations/transcript.ts";

const fixture = (name: string) => readFileSync(path.resolve("test/fixtures/calls", name));
const read = (name: string) => parseTranscript(decodeTranscript(fixture(name)).text);

describe("transcripts in the formats people have", () => {
  const formats = {
    "roastery.vtt": "vtt",
    "roastery.zoom.vtt": "vtt",
    "roastery.srt": "srt",
    "roastery.txt": "txt",
    "roastery.otter.txt": "otter",
    "roastery.json": "json",
  } as const;

  it.each(Object.entries(formats))(
    "%s reads as %s with the same speakers and text as every other format",
    (file, format) => {
      const transcript = read(file);
      expect(transcript.format).toBe(format);
      const reference = read("roastery.json").turns;
      expect(transcript.turns.map((t) => [t.speaker, t.text])).toEqual(
        reference.map((t) => [t.speaker, t.text]),
      );
      expect(transcript.turns).toHaveLength(24);
      expect(transcript.warnings).toEqual([]);
    },
  );

  it("keeps the times where the transcript has them", () => {
    const vtt = read("roastery.vtt").turns;
    const json = read("roastery.json").turns;
    expect(vtt.map((t) => t.start)).toEqual(json.map((t) => t.start));
    expect(read("roastery.txt").turns[0]!.start).toBeNull();
    expect(read("roastery.otter.txt").turns[3]!.start).toBe(Math.floor(json[3]!.start!));
  });

  it("reads UTF-16 and Windows-1252 files, and a UTF-8 byte-order mark", () => {
    const text = "Ann Lee: Our café loses €400 a week.\nBo Chan: Really?\n";
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const cp1252 = Buffer.from(text.replace("€", "\u0080"), "latin1");
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    for (const bytes of [utf16, cp1252, bom])
      expect(parseTranscript(decodeTranscript(bytes).text).turns[0]!.text).toBe(
        "Our café loses €400 a week.",
      );
  });

  it("warns where a file mixes UTF-8 and Windows-1252, naming the line", () => {
    const bytes = Buffer.concat([
      Buffer.from("Ann Lee: Caf\xe9 first.\n", "latin1"),
      Buffer.from("Bo Chan: Then café.\n"),
    ]);
    expect(decodeTranscript(bytes).warnings).toEqual([
      { line: 2, message: expect.stringMatching(/mixes UTF-8 and Windows-1252/) },
    ]);
  });

  it("warns of times out of order and overlapping turns, naming the line", () => {
    const srt =
      "1\n00:00:05,000 --> 00:00:09,000\nAnn: One.\n\n2\n00:00:01,000 --> 00:00:02,000\nBo: Two.\n\n3\n00:00:01,500 --> 00:00:03,000\nAnn: Three.\n";
    expect(parseTranscript(srt).warnings).toEqual([
      { line: 6, message: expect.stringMatching(/starts before the turn above it/) },
      { line: 10, message: expect.stringMatching(/overlaps the turn above it/) },
    ]);
  });
});

describe("bad transcripts get a clear error naming the line", () => {
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(TranscriptError);
      return (error as Error).message;
    }
    throw new Error("expected a refusal");
  };

  it("refuses empty, binary and oversized files", () => {
    expect(refusal(() => decodeTranscript(new Uint8Array()))).toBe("the transcript is empty");
    expect(refusal(() => decodeTranscript(Buffer.from("Ann: hi\nBo: \u0001\u0002 there\n")))).toMatch(
      /^line 2: this is not a text file/,
    );
    expect(refusal(() => decodeTranscript(new Uint8Array(TRANSCRIPT_LIMIT_BYTES + 1)))).toMatch(
      /can be up to 5 MB/,
    );
    expect(refusal(() => parseTranscript("   \n"))).toBe("the transcript is empty");
  });

  it("names the line without a speaker, in each format", () => {
    expect(refusal(() => parseTranscript("Ann Lee: Hello.\nthen some words\n", "txt"))).toMatch(
      /^line 2: expected "Name: what they said"/,
    );
    expect(
      refusal(() => parseTranscript("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nno speaker here\n")),
    ).toMatch(/^line 4: a cue without a speaker/);
    expect(refusal(() => parseTranscript("some words first\nAnn Lee  0:03\nHello.\n", "otter"))).toMatch(
      /^line 1: text before any speaker/,
    );
    expect(refusal(() => parseTranscript('[{"speaker": "Ann", "text": "Hi", "start": -1}]'))).toMatch(
      /^line 1: entry 1: start must be seconds/,
    );
    expect(refusal(() => parseTranscript('[{"text": "Hi"}]'))).toMatch(/entry 1 has no speaker/);
    expect(refusal(() => parseTranscript("[not json"))).toMatch(/^not valid JSON/);
  });

  it("tells the formats apart from the content, not the file name", () => {
    expect(detectTranscriptFormat("WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\nA: hi")).toBe("vtt");
    expect(detectTranscriptFormat("1\n00:00:00,000 --> 00:00:01,000\nA: hi")).toBe("srt");
    expect(detectTranscriptFormat("Ann Lee  0:03\nHello.")).toBe("otter");
    expect(detectTranscriptFormat("Ann Lee: Hello.")).toBe("txt");
    expect(detectTranscriptFormat('[{"speaker":"A","text":"hi"}]')).toBe("json");
  });
});
