import model from "wink-eng-lite-web-model";
import winkNLP, { type ItemToken } from "wink-nlp";

/** One English pipeline for the process; the model ships inside the package, so nothing is fetched. */
let instance: ReturnType<typeof winkNLP> | undefined;
export function nlp() {
  instance ??= winkNLP(model, ["sbd", "pos", "ner", "negation"]);
  return instance;
}

export interface Token {
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  type: string;
  /** Index of the clause the token belongs to (clauses split at contrast words and strong punctuation). */
  clause: number;
  sentence: number;
}

/** Tokens with their part of speech and lemma, and entities wink recognized (money, dates, durations …). */
export function analyse(text: string) {
  const n = nlp();
  const its = n.its;
  const doc = n.readDoc(text);
  const tokens: Token[] = [];
  doc.sentences().each((sentence, sentenceIndex) => {
    sentence.tokens().each((token: ItemToken) => {
      tokens.push({
        text: token.out(),
        lower: token.out(its.normal),
        lemma: token.out(its.lemma as unknown as typeof its.normal),
        pos: token.out(its.pos),
        type: token.out(its.type),
        clause: 0,
        sentence: sentenceIndex,
      });
    });
  });
  const entities = doc.entities().out(its.detail) as unknown as { value: string; type: string }[];
  return { tokens, entities };
}
