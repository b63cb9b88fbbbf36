/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS =
  /(?:^|\s)(?:mr|mrs|ms|dr|prof|st|vs|etc|inc|ltd|co|corp|jr|sr|approx|no|e\.g|i\.e|a\.m|p\.m|u\.s)\.$/i;

/**
 * A turn's sentences: each ends at `.`, `?` or `!` (closing quotes kept with it), or at a final `—` where the
 * speaker was cut off. A period inside a number ("3.5") or after a common abbreviation does not end one.
 */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const ends = /[.?!]+["'”’)]*(?=\s|$)/g;
  for (let match = ends.exec(text); match; match = ends.exec(text)) {
    const end = match.index + match[0].length;
    const candidate = text.slice(start, end);
    if (match[0].startsWith(".") && match[0].length === 1 && ABBREVIATIONS.test(candidate)) continue;
    if (candidate.trim()) out.push(candidate.trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Whitespace-separated tokens: "mm-hm", "3.5", "INV-2291-B", "60/40" and "they'll" are one word each. */
export const tokensOf = (text: string) => text.split(/\s+/).filter(Boolean);

/** The number of tokens, counted without building them (every turn and sentence is counted). */
export function wordCount(text: string) {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code <= 32 ? code === 32 || (code >= 9 && code <= 13) : code >= 160 && /\s/.test(text[i]!);
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}
