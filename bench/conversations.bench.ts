// Conversation analysis: megabytes of transcript analysed per second on one core, against the bare reading
// and tokenizing of the same transcripts (turns, sentences, words) in the same run; and the whole AMI meeting
// corpus analysed end to end, as a robustness and speed check on real, disfluent speech.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { analyzeCall } from "../src/domain/conversations/analyze.ts";
import { sentencesOf, tokensOf } from "../src/domain/conversations/sentences.ts";
import { parseTranscript } from "../src/domain/conversations/transcript.ts";
import { table } from "./lib.ts";

const shared = path.resolve(import.meta.dirname, "../../shared");
const amiDir = path.join(shared, "data/ami-qmsum-product");
const callsDir = path.join(shared, "eval/calls");

/** Each AMI meeting as a plain `Role: text` transcript; the project manager stands in for the seller. */
function amiMeetings() {
  if (!existsSync(amiDir)) return [];
  return readdirSync(amiDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const meeting = JSON.parse(readFileSync(path.join(amiDir, f), "utf8")) as {
        meeting_transcripts: { speaker: string; content: string }[];
      };
      const text = meeting.meeting_transcripts
        .filter((u) => u.content.trim())
        .map((u) => `${u.speaker}: ${u.content.replace(/\s+/g, " ").trim()}`)
        .join("\n");
      return { name: f, text, sellers: ["Project Manager"] };
    });
}

function sharedCalls() {
  if (!existsSync(callsDir)) return [];
  return readdirSync(callsDir)
    .filter((f) => /\.(vtt|srt|txt|json)$/.test(f) && !f.endsWith(".truth.json"))
    .map((f) => {
      const truth = JSON.parse(readFileSync(path.join(callsDir, f.replace(/\.\w+$/, ".truth.json")), "utf8"));
      const sellers = truth.participants
        .filter((p: { side: string }) => p.side === "seller")
        .map((p: { name: string }) => p.name);
      return { name: f, text: readFileSync(path.join(callsDir, f), "utf8"), sellers };
    });
}

const fallback = () => {
  const text = readFileSync(path.resolve(import.meta.dirname, "../test/fixtures/calls/roastery.txt"), "utf8");
  return [{ name: "roastery.txt", text, sellers: ["Ravi Shah"] }];
};

const ami = amiMeetings();
const calls = sharedCalls();
const corpus = [...ami, ...calls];
if (!corpus.length) console.log("The shared transcripts are not here; measuring the fixture call instead.");
const transcripts = corpus.length ? corpus : fallback();
const megabytes = transcripts.reduce((sum, t) => sum + Buffer.byteLength(t.text), 0) / 1024 / 1024;
const rounds = Math.max(1, Math.ceil(Number(process.env.BENCH_MB ?? 20) / megabytes));

function measure(name: string, work: (t: (typeof transcripts)[number]) => unknown) {
  for (const t of transcripts.slice(0, 5)) work(t);
  const started = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of transcripts) work(t);
  const seconds = (performance.now() - started) / 1000;
  return { name, seconds, mbPerSecond: (megabytes * rounds) / seconds };
}

const tokenizer = measure("read turns + sentences + words (baseline)", (t) => {
  let n = 0;
  for (const turn of parseTranscript(t.text).turns)
    for (const s of sentencesOf(turn.text)) n += tokensOf(s).length;
  return n;
});
const analysis = measure("read turns + full analysis", (t) =>
  analyzeCall(parseTranscript(t.text).turns, t.sellers),
);

console.log(
  `Conversation analysis, one core: ${transcripts.length} transcripts (${ami.length} AMI meetings, ${calls.length} labelled calls), ${megabytes.toFixed(2)} MB, ${rounds} rounds\n`,
);
table(
  [tokenizer, analysis].map((m) => ({
    work: m.name,
    "MB/s": m.mbPerSecond.toFixed(2),
    "vs baseline": `${((m.mbPerSecond / tokenizer.mbPerSecond) * 100).toFixed(0)}%`,
  })),
);

if (ami.length) {
  const started = performance.now();
  let turns = 0;
  let failures = 0;
  for (const meeting of ami) {
    try {
      turns += analyzeCall(parseTranscript(meeting.text).turns, meeting.sellers).turns.total;
    } catch {
      failures++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nAMI corpus: ${ami.length} meetings, ${turns.toLocaleString("en")} turns, ${(Buffer.byteLength(ami.map((m) => m.text).join("")) / 1024 / 1024).toFixed(2)} MB analysed in ${seconds.toFixed(2)} s, ${failures} failures`,
  );
}
console.log(`\ntarget: ≥ 1 MB/s and ≥ 25% of the baseline`);
