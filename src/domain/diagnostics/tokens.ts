// The answer's words, read without a language model: which carry content and which name someone or
// something. Function words are a closed class of English, so a list covers them; a capitalised word inside
// a sentence is a name. This is what the rules need of an answer, at a fraction of a tagger's cost.

export interface Token {
  text: string;
  lower: string;
  /** A noun, verb, adjective or number rather than a function word. */
  content: boolean;
  /** A name: capitalised inside a sentence ("Dana", "Ridgeline"), or an acronym ("CFO", "SAP"). */
  named: boolean;
}

const FUNCTION_WORDS = new Set(
  `a an the and or but nor so yet for of to in on at by with from into onto over under about above below
  between through during before after since until while as than then that this these those there here
  i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
  who whom whose which what when where why how whether if because though although unless
  am is are was were be been being do does did doing done have has had having will would shall should
  can could may might must ought not no yes all any some each every both either neither few more most
  much many such own same other another only just also too very really quite rather still even ever
  again already almost enough else up down out off away back there's it's that's they're we're i'm
  don't doesn't didn't can't won't isn't aren't wasn't weren't haven't hasn't hadn't wouldn't
  shouldn't couldn't let's via per etc ok okay well oh yeah`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}$€£%][\p{L}\p{N}'’.,$€£%/-]*[\p{L}\p{N}%]|[\p{L}\p{N}$€£%]/gu;

export function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const lower = word.toLowerCase().replace(/’/g, "'");
    const before = text.slice(0, match.index).trimEnd();
    const sentenceStart = before === "" || /[.!?:;\-–—"“(]$/.test(before);
    const capitalised = /^\p{Lu}/u.test(word);
    tokens.push({
      text: word,
      lower,
      content: lower.length > 1 && !FUNCTION_WORDS.has(lower),
      named: /^\p{Lu}{2,}s?$/u.test(word) || (capitalised && !sentenceStart && !FUNCTION_WORDS.has(lower)),
    });
  }
  return tokens;
}
