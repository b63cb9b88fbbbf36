// A mapping for a CSV no system's labels describe, proposed from what its columns hold: dates, amounts, emails,
// a pipeline's stage words, percentages, and which text differs on every row (a title) or repeats (an account,
// an owner). Each field says how sure the proposal is and why, so a person can check it; only a clear proposal
// is used without asking (`proposalIsClear`).
import { type ColumnMap, suggestColumns } from "./fields.ts";
import { outcomeOf } from "./outcome.ts";
import { parseAmount, parseDate } from "./values.ts";

export interface ProposedField {
  column: string;
  /** 0–1: 1 when the header names the field, less the more a value-based guess could be wrong. */
  confidence: number;
  why: string;
}

export interface MappingProposal {
  kind: "opportunity" | null;
  fields: Record<string, ProposedField>;
  /** Whether it is clear enough to import without asking, and in words what was (or was not) found. */
  clear: boolean;
  said: string;
}

/** At or above this, a field is taken as found. */
export const SURE = 0.8;

interface Profile {
  header: string;
  values: string[];
  distinct: number;
  dates: number;
  amounts: number;
  emails: number;
  stages: number;
  percents: number;
  /** Mean of the dates (ms), to tell an opened date from a close date. */
  dateMean: number;
  meanLength: number;
  /** Whether every value differs and is a whole number or a code (no spaces, digits in it): an id, not words. */
  idLike: boolean;
  /** Whether most values are codes (no spaces, digits and letters or dashes in them), as ids and references
   * are; titles are words. */
  codeLike: boolean;
}

const share = (n: number, of: number) => (of ? n / of : 0);
const examples = (values: string[]) =>
  [...new Set(values)]
    .slice(0, 3)
    .map((v) => `“${v.slice(0, 30)}”`)
    .join(", ");

function dateOf(value: string) {
  for (const order of ["YMD", "DMY", "MDY"] as const) {
    const parsed = parseDate(value, order);
    if ("date" in parsed) return parsed.date;
  }
  return null;
}

function profileOf(header: string, values: string[]): Profile {
  let dates = 0;
  let dateSum = 0;
  let amounts = 0;
  let emails = 0;
  let stages = 0;
  let percents = 0;
  let whole = 0;
  let codes = 0;
  for (const value of values) {
    const date = dateOf(value);
    if (date) {
      dates++;
      dateSum += Date.parse(date);
    } else if (/\d/.test(value) && parseAmount(value)) amounts++;
    if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(value)) emails++;
    if (/^\d{1,3}(\.\d+)?\s*%?$/.test(value) && Number.parseFloat(value) <= 100) percents++;
    if (/^\d+$/.test(value)) whole++;
    if (/^[\w.:/#-]+$/.test(value) && /\d/.test(value) && /[A-Za-z_#:/-]/.test(value)) codes++;
    if (!/\d/.test(value) && outcomeOf({ stage: value }).known && value.split(/\s+/).length <= 4) stages++;
  }
  const distinct = new Set(values).size;
  return {
    header,
    values,
    distinct,
    dates,
    amounts,
    emails,
    stages,
    percents,
    dateMean: dates ? dateSum / dates : 0,
    meanLength: values.reduce((s, v) => s + v.length, 0) / (values.length || 1),
    idLike: distinct === values.length && (whole === values.length || codes === values.length),
    codeLike: share(codes, values.length) >= 0.9,
  };
}

/** Most of a column's values are of a kind: nine in ten. */
const mostly = (p: Profile, count: number) => p.values.length > 0 && share(count, p.values.length) >= 0.9;

/** Proposes which column gives each field of an opportunity, from the headers and the first records. */
export function proposeMapping(headers: string[], records: string[][]): MappingProposal {
  const fields: Record<string, ProposedField> = {};
  const taken = new Set<string>();
  const take = (field: string, column: string, confidence: number, why: string) => {
    fields[field] = { column, confidence: Math.round(confidence * 100) / 100, why };
    taken.add(column);
  };
  // What a system's labels name, any system's: as sure as a header can be.
  const labelled: ColumnMap = suggestColumns("opportunity", headers);
  for (const [field, column] of Object.entries(labelled))
    if (column) take(field, column, 1, `its header “${column}” names it`);

  const profiles = headers
    .map((header, i) => profileOf(header, records.map((r) => (r[i] ?? "").trim()).filter(Boolean)))
    .filter((p) => p.values.length && p.header.trim());
  const free = () => profiles.filter((p) => !taken.has(p.header));

  if (!fields.stage) {
    // A pipeline's stages: stage words, few of them, repeating.
    const stage = free().find(
      (p) => share(p.stages, p.values.length) >= 0.6 && p.distinct <= Math.max(8, p.values.length / 3),
    );
    if (stage)
      take("stage", stage.header, 0.9, `its values are a pipeline's stages: ${examples(stage.values)}`);
  }
  const dates = free()
    .filter((p) => mostly(p, p.dates))
    .sort((a, b) => b.dateMean - a.dateMean);
  if (!fields.closeDate && dates[0]) {
    const [close, ...earlier] = dates;
    take(
      "closeDate",
      close.header,
      earlier.length ? 0.7 : 0.85,
      earlier.length
        ? `its values are the latest of ${dates.length} date columns: ${examples(close.values)}`
        : `its values are dates: ${examples(close.values)}`,
    );
    const opened = earlier.at(-1);
    if (!fields.openedDate && opened)
      take("openedDate", opened.header, 0.6, `its values are the earliest dates: ${examples(opened.values)}`);
  }
  if (!fields.amount) {
    const amounts = free()
      .filter((p) => mostly(p, p.amounts) && !p.idLike && !mostly(p, p.percents))
      .sort((a, b) => median(b) - median(a));
    const [amount, other] = amounts;
    if (amount)
      take(
        "amount",
        amount.header,
        other ? 0.6 : 0.9,
        other
          ? `its values are the largest amounts of ${amounts.length} columns: ${examples(amount.values)}`
          : `its values are amounts: ${examples(amount.values)}`,
      );
  }
  if (!fields.probability) {
    const percent = free().find((p) => mostly(p, p.percents) && p.distinct <= 11 && !p.idLike);
    if (percent)
      take("probability", percent.header, 0.6, `its values are percentages: ${examples(percent.values)}`);
  }
  if (!fields.ownerEmail) {
    const email = free().find((p) => mostly(p, p.emails));
    if (email)
      take("ownerEmail", email.header, 0.7, `its values are email addresses: ${examples(email.values)}`);
  }
  if (!fields.id) {
    const id = free().find((p) => p.idLike && !mostly(p, p.dates));
    if (id)
      take("id", id.header, 0.6, `its values are numbers or codes, each different: ${examples(id.values)}`);
  }
  const texts = free().filter((p) => !mostly(p, p.dates + p.amounts) && !p.idLike && !p.codeLike);
  let rivalTitle: string | null = null;
  if (!fields.name) {
    // The title differs on every row; of several such columns, the one with the longest text, surely only when
    // no other comes close.
    const unique = texts
      .filter((p) => p.distinct === p.values.length && p.values.length >= 2)
      .sort((a, b) => b.meanLength - a.meanLength);
    const [title, rival] = unique;
    if (title) {
      const close = rival && rival.meanLength >= title.meanLength * 0.7;
      if (close) rivalTitle = rival.header;
      take(
        "name",
        title.header,
        close ? 0.5 : 0.85,
        close
          ? `its values differ on every row, as “${rival.header}”'s do: ${examples(title.values)}`
          : `its values differ on every row and are the longest text: ${examples(title.values)}`,
      );
    }
  }
  if (!fields.accountName) {
    // The account repeats across deals, and titles often begin with it.
    const title = fields.name ? profiles.find((p) => p.header === fields.name!.column) : undefined;
    const candidates = free().filter((p) => !mostly(p, p.dates + p.amounts + p.emails) && !p.idLike);
    const begins = (p: Profile) =>
      title
        ? share(p.values.filter((v) => title.values.some((t) => t.startsWith(v))).length, p.values.length)
        : 0;
    const account = candidates.sort((a, b) => begins(b) - begins(a))[0];
    if (account && begins(account) >= 0.5)
      take(
        "accountName",
        account.header,
        0.9,
        `the titles begin with its values: ${examples(account.values)}`,
      );
  }
  const found = (field: string) => (fields[field]?.confidence ?? 0) >= SURE;
  const kind = fields.name && (fields.stage || fields.amount || fields.closeDate) ? "opportunity" : null;
  const clear = found("name") && (found("stage") || found("amount") || found("closeDate"));
  const which = (field: string) => `${WORDS[field]} (“${fields[field]!.column}”)`;
  return {
    kind,
    fields,
    clear,
    said: clear
      ? `its values show ${["name", "stage", "amount", "closeDate"].filter(found).map(which).join(", ")}`
      : !fields.name
        ? "no column can be told to hold the titles"
        : rivalTitle
          ? `the titles could be in “${fields.name.column}” or “${rivalTitle}”`
          : "no stage, amount or date column was found with confidence",
  };
}

const WORDS: Record<string, string> = {
  name: "the title",
  stage: "the stage",
  amount: "the amount",
  closeDate: "the date",
};

function median(p: Profile) {
  const sorted = p.values.map((v) => parseAmount(v)?.value ?? 0).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The proposal as a mapping file's content (`--map`): what a person edits. */
export const proposalAsMapping = (proposal: MappingProposal) => ({
  kind: proposal.kind ?? "opportunity",
  columns: Object.fromEntries(Object.entries(proposal.fields).map(([field, f]) => [field, f.column])),
});
