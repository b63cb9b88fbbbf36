// `npm run eval:conversations [-- DIR]`: the conversation analysis against every labelled call (every format)
// in the shared calls folder, per call and pooled, beside the targets the conversations issue sets.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { analyzeCall } from "../src/domain/conversations/analyze.ts";
import { decodeTranscript } from "../src/domain/conversations/decode.ts";
import { sameSentence, scoreStatements } from "../src/domain/conversations/evaluation.ts";
import { asReport, type CallReport } from "../src/domain/conversations/report.ts";
import { parseTranscript } from "../src/domain/conversations/transcript.ts";
import { persuasionDialogues, relation } from "./persuasion.ts";

const dir =
  process.argv.slice(2).find((a) => !a.startsWith("--")) ??
  path.resolve(import.meta.dirname, "../../shared/eval/calls");
if (!existsSync(dir)) {
  console.error(
    `eval:conversations: no labelled calls at ${dir}. Pass a folder: npm run eval:conversations -- DIR`,
  );
  process.exit(2);
}

type Truth = CallReport & { id: string; files: string[] };
const truths = readdirSync(dir)
  .filter((f) => f.endsWith(".truth.json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Truth);

const pooled = {
  qTruth: 0,
  qOurs: 0,
  stTruth: 0,
  stOurs: 0,
  stHit: 0,
  checks: 0,
  failed: 0,
  topicTurns: 0,
  topicRight: 0,
  typed: 0,
  typeRight: 0,
};
const rows: string[] = [];
const misses: string[] = [];

for (const truth of truths) {
  const sellers = truth.participants.filter((p) => p.side === "seller").map((p) => p.name);
  for (const file of truth.files) {
    const { text } = decodeTranscript(readFileSync(path.join(dir, file)));
    const ours = asReport(analyzeCall(parseTranscript(text).turns, sellers));
    const check = (name: string, ok: boolean, detail = "") => {
      pooled.checks++;
      if (!ok) {
        pooled.failed++;
        misses.push(`  ${file}: ${name} ${detail}`);
      }
      return ok ? "ok" : "MISS";
    };
    check(
      "turns",
      JSON.stringify(ours.turns) === JSON.stringify(truth.turns),
      `${JSON.stringify(ours.turns)} vs ${JSON.stringify(truth.turns)}`,
    );
    check(
      "words",
      JSON.stringify(ours.words) === JSON.stringify(truth.words),
      `${JSON.stringify(ours.words)} vs ${JSON.stringify(truth.words)}`,
    );
    check("share", Math.abs(ours.seller_word_share - truth.seller_word_share) <= 0.005);
    check(
      "backchannels",
      ours.minimal_backchannel_turns === truth.minimal_backchannel_turns,
      `${ours.minimal_backchannel_turns} vs ${truth.minimal_backchannel_turns}`,
    );
    check("monologue", ours.longest_seller_monologue.words === truth.longest_seller_monologue.words);
    check("stretch", ours.longest_seller_side_stretch.words === truth.longest_seller_side_stretch.words);
    const insight = Math.abs(ours.insight_questions_seller.length - truth.insight_questions_seller.length);
    check(
      "insight ±1",
      insight <= 1,
      `${ours.insight_questions_seller.length} vs ${truth.insight_questions_seller.length}`,
    );
    check(
      "next step",
      ours.next_step.agreed === truth.next_step.agreed,
      `${ours.next_step.agreed} vs ${truth.next_step.agreed}`,
    );
    if (truth.next_step.agreed)
      check(
        "next-step owner",
        ours.next_step.owner === truth.next_step.owner,
        `${ours.next_step.owner} vs ${truth.next_step.owner}`,
      );
    check("discount", ours.discount_offered.offered === truth.discount_offered.offered);
    check("call type", ours.call_type === truth.call_type, `${ours.call_type} vs ${truth.call_type}`);
    for (const t of truth.seller_turn_topics) {
      pooled.topicTurns++;
      if (ours.seller_turn_topics.find((o) => o.turn === t.turn)?.topic === t.topic) pooled.topicRight++;
    }
    for (const q of truth.questions_list) {
      const found = ours.questions_list.find((o) => o.turn === q.turn && sameSentence(o.text, q.text));
      if (!found) continue;
      pooled.typed++;
      if (found.type === q.type) pooled.typeRight++;
    }
    pooled.qTruth += truth.questions.seller;
    pooled.qOurs += ours.questions.seller;
    const { hit, found, expected, missed, extra } = scoreStatements(
      truth.customer_statements,
      ours.customer_statements,
    );
    for (const m of missed) misses.push(`  ${file}: missed ${m.label}: ${m.text}`);
    for (const m of extra) misses.push(`  ${file}: extra ${m.label}: ${m.text}`);
    pooled.stTruth += expected;
    pooled.stOurs += found;
    pooled.stHit += hit;
    rows.push(
      `${file.padEnd(26)} turns ${ours.turns.seller}/${ours.turns.customer}  words ${ours.words.seller}/${ours.words.customer}  share ${ours.seller_word_share.toFixed(3)} (${truth.seller_word_share.toFixed(3)})  seller Qs ${ours.questions.seller} (${truth.questions.seller})  insight ${ours.insight_questions_seller.length} (${truth.insight_questions_seller.length})  next ${ours.next_step.agreed ? "yes" : "no"} (${truth.next_step.agreed ? "yes" : "no"})  discount ${ours.discount_offered.offered ? "yes" : "no"} (${truth.discount_offered.offered ? "yes" : "no"})  type ${ours.call_type} (${truth.call_type})  statements P ${(hit / Math.max(found, 1)).toFixed(2)} R ${(hit / Math.max(expected, 1)).toFixed(2)}`,
    );
  }
}

console.log(
  `Conversation analysis on ${rows.length} transcripts of ${truths.length} labelled calls (ours, truth in brackets)\n`,
);
for (const row of rows) console.log(row);
const qError = Math.abs(pooled.qOurs - pooled.qTruth) / pooled.qTruth;
const precision = pooled.stHit / Math.max(pooled.stOurs, 1);
const recall = pooled.stHit / Math.max(pooled.stTruth, 1);
console.log(
  `\npooled seller questions: ${pooled.qOurs} vs ${pooled.qTruth} — error ${(qError * 100).toFixed(1)}% (target ≤ 15%)`,
);
console.log(
  `seller turn topics: ${pooled.topicRight} of ${pooled.topicTurns} turns labelled as the truth (${((pooled.topicRight / pooled.topicTurns) * 100).toFixed(0)}%)`,
);
console.log(`question types: ${pooled.typeRight} of ${pooled.typed} matched questions typed as the truth`);
console.log(
  `customer statements: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} (target both ≥ 0.60)`,
);
console.log(
  `exact checks (turns, words, share, backchannels, monologue, stretch, insight ±1, next step, discount, call type): ${pooled.checks - pooled.failed} of ${pooled.checks} right`,
);
if (process.argv.includes("--misses")) console.log(`\nmisses:\n${misses.join("\n")}`);

const persuasionDir = path.resolve(dir, "../../data/persuasionforgood");
if (existsSync(persuasionDir)) {
  const dialogues = persuasionDialogues(persuasionDir);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const pts = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} pts`;
  console.log(
    `\nPersuasionForGood: ${dialogues.length} real chats; persuader ≈ seller, persuadee ≈ buyer; outcome: the persuadee donated (${pct(dialogues.filter((d) => d.donated).length / dialogues.length)} did)`,
  );
  for (const [name, measure] of [
    ["persuader talk share", (d: (typeof dialogues)[number]) => d.share],
    ["persuader questions", (d: (typeof dialogues)[number]) => d.questions],
  ] as const) {
    const r = relation(dialogues, measure);
    console.log(
      `  ${name} above the median (${Number(r.cut.toFixed(3))}): donated ${pct(r.above)}; at or below: ${pct(r.below)}; difference ${pts(r.difference)} (95% bootstrap CI ${pts(r.low)} to ${pts(r.high)})`,
    );
  }
}
