import { PRODUCT, QUANTITY } from "./lexicon.ts";
import { tokensOf } from "./sentences.ts";

const QUANTITY_START = new RegExp(`^(?:about |around |roughly |maybe )?${QUANTITY.source}`, "i");

/**
 * Whether a sentence is a question by the counting rules (docs/conversations.md), and of which type. The
 * rules look at the form of the sentence — how it opens, how it ends, whom it is about — never at the topic.
 */

export type QuestionType = "open" | "closed" | "insight";
export type NotCounted = "rhetorical" | "tag" | "phatic" | "preface" | "idiom" | "echo" | "wh_statement";

export type SentenceReading =
  | { counted: true; type: QuestionType; hasQuestionMark: boolean }
  | { counted: false; reason: NotCounted }
  | null;

export interface SentenceContext {
  side: "seller" | "customer";
  /** The next sentence of the same turn, if any. */
  next: string | undefined;
  /** What the other side said in the turn before, for echoes. */
  previousTurn: string | undefined;
}

// Discourse openers that do not change what a sentence is: "And so, okay, how many…".
const OPENERS =
  /^(?:(?:and|but|so|okay|ok|now|well|oh|right|alright|all right|great|perfect|cool|also|then|um|uh|hmm|like|just|sure|yeah|yes|got it|i see|interesting|wow|ah|see)\b[,.!]?\s+)+/;
const VOCATIVE = /^[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s+/;
const AUX =
  /^(?:do|does|did|is|are|was|were|am|can|could|would|will|won't|wouldn't|have|has|had|should|shall|may|might|must|isn't|aren't|don't|doesn't|didn't|haven't|hasn't|can't|couldn't)\b/;
const WH = /^(?:how|why|what|what's|whats|when|where|who|who's|whom|whose|which)\b/;
const REQUEST =
  /^(?:(?:could|can|would|will) you (?:please )?|please )?(?:talk me through|walk me through|walk us through|take me through|tell me|tell us|describe|explain|remind me|help me understand|say more|give me a sense|give me an idea|paint me a picture|fill me in|share (?:a bit |a little |more )?(?:about|how|what|why))\b/;
const WISH_TO_HEAR =
  /^(?:i'm|i am) (?:curious|wondering) (?:about|how|what|why|whether|if|who|when|where)\b|^i'd (?:love|like) to (?:hear|understand|know|learn)\b|^i wonder (?:if|whether|how|what|why|who)\b/;
const SINGLE_FACT =
  /^(?:how (?:many|much|long|often|soon|big|far|old|large|fast)|when|who|who's|whom|whose|where|which|what (?:time|day|date|year|month|week|version|percentage|percent|number|size|price|system|tool|software|platform|vendor|budget|headcount)|what (?:does|do|would|will|did) (?:\w+ ){0,2}cost)\b/;
const QUESTION_OPENING =
  /^(?:how|why|what|what's|when|where|who|who's|whom|whose|which|do|does|did|is|are|was|were|can|could|would|will|have|has|should|shall)\b/;

/** The clause that carries the question: the last one that opens like one ("From a compliance standpoint, what worries you…"). */
function questionClause(asked: string) {
  const parts = asked.split(/,\s+/);
  for (let i = parts.length - 1; i > 0; i--)
    if (QUESTION_OPENING.test(parts[i]!)) return parts.slice(i).join(", ");
  return asked;
}
const STOPWORDS = new Set([
  "the",
  "and",
  "that",
  "this",
  "what",
  "with",
  "for",
  "you",
  "your",
  "our",
  "are",
  "was",
  "its",
  "it's",
  "they",
  "them",
  "there",
  "then",
  "than",
  "have",
  "has",
  "had",
  "not",
  "but",
  "all",
  "any",
  "one",
]);
const ASK_WRAPPER =
  /^(?:can|could|may|might) i ask(?: you)?,?\s+(?=(?:how|why|what|when|where|who|whom|whose|which|if|whether)\b)/;
// Asking leave to ask or to speak ("Can I ask something a bit blunt?", "Could I push back on one thing?"),
// with no question of its own inside.
const PREFACE =
  /^(?:can|could|may|might) i (?:ask|push back|challenge|say|suggest|offer|add|be (?:honest|blunt|frank|direct)|play devil's advocate|throw (?:something|an idea) out)\b(?!.*\b(?:how|why|what|when|where|who|whom|whose|which|if|whether)\b)/;
const PHATIC =
  /^(?:(?:hi|hello|hey)\b.*|how(?:'s| is| are| was| have)\s+(?:you|everyone|everybody|things|it going|y'all|your (?:day|week|morning|weekend|afternoon)|the (?:day|week|weekend|morning)|everything|life|work)(?:\s+(?:all|both|guys|folks|doing|been|going|holding up|treating you|so far|today|this (?:morning|week|afternoon)|at [\w\s'-]+|over there|on your end|with you))*|(?:can|could) (?:you|everyone|everybody|y'all)(?: all| both)? (?:hear|see) (?:me|us|my screen|the screen|that|it)\b.*|(?:is|are) (?:my|the) (?:screen|audio|sound|mic|microphone|video)\b.*|(?:am i|are we) (?:on mute|muted|audible|coming through)\b.*|did (?:you|everyone|everybody) have a (?:good|nice|great) \w+.*)$/;
const IDIOM =
  /^(?:who knows|what can you do|go figure|how about that|what do you know|what else is new|you know what|guess what|why not|who cares)\b[?!.]*$/;
const TAG =
  /,\s*(?:right|correct|yeah|no|true|huh|eh|yes|okay|ok|isn't it|doesn't it|don't they|aren't they|wasn't it|didn't it|won't it|wouldn't it|isn't that|don't you think|you know|am i right|is that right|isn't that right|does that make sense)\?$/;
const LONE_TAG = /^(?:right|correct|yeah|true|huh|eh|no|isn't it|you know|see|yes)\?$/;
const RHETORICAL =
  /^what if i (?:told|said|showed) you\b|^(?:who|what \w+|which \w+) (?:\w+ly )?(?:enjoys|likes|loves|wants to|has time|has the time|needs|would want|would ever|would rather|doesn't want|can afford)\b|^(?:isn't that|wouldn't it be|wouldn't that be) (?:great|nice|amazing|something|better|the dream)\b/;
const INSIGHT =
  /^what if\b|^have you (?:ever )?(?:considered|thought about|thought of|tried|looked at|explored)\b|^why not\b|^what would (?:it look like|happen|change) if\b|^why (?:do|does|did|are|is) .*\b(?:that way|this way|rather than|instead of|still|by hand|manually)\b|^why (?:wouldn't|don't) you\b/;
const YOU = /\b(?:you|your|you're|you've|you'll|you'd|yours|y'all)\b/;
const ME = /\b(?:i|we|our|us|my|me|i'm|we're|we've|i've|ours)\b/;
const EVALUATION =
  /\b(?:simple|easy|neat|cool|great|nice|clear|makes sense|adds up|fair|obvious|pretty|amazing|powerful|slick)\b/;

const normalise = (sentence: string) =>
  sentence
    .replace(/^[\s"“'(]+/, "")
    .replace(VOCATIVE, "")
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(OPENERS, "")
    .trim();

const endsWithQuestionMark = (sentence: string) => /\?["'”’)]*$/.test(sentence.trim());
const cutOff = (sentence: string) => /(?:—|–|--)["'”’)]*$/.test(sentence.trim());

/** A question's type, from how it is asked. */
function typeOf(asked: string, side: "seller" | "customer"): QuestionType {
  if (side === "seller" && INSIGHT.test(asked)) return "insight";
  const core = questionClause(asked);
  if (side === "seller" && INSIGHT.test(core)) return "insight";
  if (REQUEST.test(core) || WISH_TO_HEAR.test(core)) {
    const inner = core.replace(REQUEST, "").replace(WISH_TO_HEAR, "").trim();
    return SINGLE_FACT.test(inner) ? "closed" : "open";
  }
  if (SINGLE_FACT.test(core)) return "closed";
  if (WH.test(core)) return "open";
  return "closed";
}

/** True when the short question repeats words the other side just said ("Forty days?"). */
function echoes(core: string, previousTurn: string | undefined) {
  if (!previousTurn) return false;
  const bare = (t: string) => t.replace(/[^\p{L}\p{N}'-]/gu, "");
  const said = new Set(tokensOf(previousTurn.toLowerCase()).map(bare));
  return tokensOf(core)
    .map(bare)
    .some((t) => t.length > 2 && !STOPWORDS.has(t) && said.has(t));
}

export function readSentence(sentence: string, context: SentenceContext): SentenceReading {
  const core = normalise(sentence);
  if (!core) return null;
  const asked = endsWithQuestionMark(sentence);
  const body = core.replace(/[?!.…"'”’)\s]+$/, "");

  if (asked) {
    if (LONE_TAG.test(core)) return { counted: false, reason: "tag" };
    if (PHATIC.test(body) && tokensOf(body).length <= 14) return { counted: false, reason: "phatic" };
    if (IDIOM.test(core)) return { counted: false, reason: "idiom" };
    if (PREFACE.test(body)) return { counted: false, reason: "preface" };
    if (RHETORICAL.test(core) || /,\s*what,\s/.test(core)) return { counted: false, reason: "rhetorical" };
    const tag = TAG.exec(core);
    if (tag) {
      const clause = core.slice(0, tag.index);
      // A tag asks the listener to confirm their own facts; on our claims (our product) it is filler.
      const ours = ME.test(clause) || EVALUATION.test(clause) || new RegExp(PRODUCT.source, "i").test(clause);
      const aboutThem = YOU.test(clause) || (!ours && tokensOf(clause).length > 4);
      return aboutThem
        ? { counted: true, type: "closed", hasQuestionMark: true }
        : { counted: false, reason: "tag" };
    }
    const words = tokensOf(body).length;
    const isForm = AUX.test(core) || WH.test(core) || ASK_WRAPPER.test(core) || REQUEST.test(core);
    // The speaker answers it at once with a figure: "So what does that add up to? Sixty hours a week…".
    if (words <= 8 && WH.test(core) && context.next && QUANTITY_START.test(context.next.trim()))
      return { counted: false, reason: "rhetorical" };
    if (words <= 5 && context.next && !endsWithQuestionMark(context.next)) {
      // A short question the speaker answers at once is rhetorical ("And the result? Chaos.") unless it
      // repeats what the other side said, doubting it ("Forty days? …").
      if (echoes(core, context.previousTurn) && !WH.test(core))
        return { counted: true, type: "closed", hasQuestionMark: true };
      if (!AUX.test(core) || !YOU.test(core)) return { counted: false, reason: "rhetorical" };
    }
    if (!isForm && words <= 4) return { counted: true, type: "closed", hasQuestionMark: true };
    return {
      counted: true,
      type: typeOf(core.replace(ASK_WRAPPER, ""), context.side),
      hasQuestionMark: true,
    };
  }

  if (
    cutOff(sentence) &&
    (AUX.test(core)
      ? YOU.test(core) || /^(?:is|are|was|were) (?:there|it|that)\b/.test(core)
      : WH.test(core) && !/^(?:what|how) (?:we|i)\b/.test(core))
  )
    return { counted: true, type: typeOf(core, context.side), hasQuestionMark: false };
  if (REQUEST.test(core) || WISH_TO_HEAR.test(core))
    return { counted: true, type: typeOf(core, context.side), hasQuestionMark: false };
  if (
    AUX.test(core) &&
    /^\w+(?:n't)? you\b/.test(core) &&
    !/^(?:can|could|will|would) you (?:see|imagine|believe)\b/.test(core)
  )
    return { counted: true, type: typeOf(core, context.side), hasQuestionMark: false };
  return null;
}

/** Two question sentences in a row where the second only rephrases the first ("…? Like, what's the logic?"). */
export const rephrases = (next: string) =>
  /^(?:like|i mean|in other words|or rather|that is|put another way|so basically)\b/i.test(
    normalise(next).length ? next.trim().replace(/^[\s"“']+/, "") : "",
  );
