/**
 * Reading values from CRM exports and spreadsheets: amounts with currency symbols and either decimal
 * convention, and dates in ISO, US (month first) or day-first form. A date column's order is detected from
 * its values; a column that fits both orders is refused rather than guessed.
 */

export type DateOrder = "YMD" | "MDY" | "DMY";

// Longest first, so "R$" is read before "$".
const SYMBOLS: Record<string, string> = { R$: "BRL", $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY" };

export interface Amount {
  /** The amount in major units (dollars, euros). */
  value: number;
  currency: string | null;
}

/** "1,234.56", "1.234,56 €", "$2M", "40k", "(1,200)" → a number; null when it is not an amount. */
export function parseAmount(raw: string): Amount | null {
  let text = raw.trim();
  if (!text) return null;
  let currency: string | null = null;
  const code = /\b([A-Z]{3})\b/.exec(text);
  if (code) {
    currency = code[1]!;
    text = text.replace(code[0], "");
  }
  for (const [symbol, iso] of Object.entries(SYMBOLS)) {
    if (text.includes(symbol)) {
      currency ??= iso;
      text = text.replace(symbol, "");
    }
  }
  text = text.replace(/\s+/g, "");
  const negative = /^\(.*\)$/.test(text) || text.startsWith("-");
  text = text.replace(/^[(-]|\)$/g, "");
  const suffix = /([kKmMbB])$/.exec(text);
  const scale = suffix ? { k: 1e3, m: 1e6, b: 1e9 }[suffix[1]!.toLowerCase() as "k" | "m" | "b"] : 1;
  if (suffix) text = text.slice(0, -1);
  if (!/^\d[\d.,']*$/.test(text)) return null;
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  let normalized: string;
  if (lastComma > lastDot) {
    // "1.234,56" or "1234,5": the comma is the decimal mark when it has one or two digits after it.
    const decimals = text.length - lastComma - 1;
    normalized =
      decimals === 3 && lastDot === -1 ? text.replace(/,/g, "") : text.replace(/[.']/g, "").replace(",", ".");
  } else {
    normalized = text.replace(/[,']/g, "");
  }
  const value = Number(normalized) * scale;
  if (!Number.isFinite(value)) return null;
  return { value: negative ? -value : value, currency };
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASHED = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T][\d:]+(?:\s?[AaPp][Mm])?)?$/;
// "Mar 15, 2026", "March 15 2026", "15 Mar 2026", "15-Mar-2026" (with a time after, as some exports add).
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_FIRST = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})(?:[ T,]+[\d:]+(?:\s?[AaPp][Mm])?)?$/;
const DAY_FIRST = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})(?:[ T,]+[\d:]+(?:\s?[AaPp][Mm])?)?$/;

/** A date with its month named in English: unambiguous whatever the column's order. */
function namedMonth(text: string): [number, number, number] | null {
  const first = MONTH_FIRST.exec(text);
  const named = first ? [first[3], first[1], first[2]] : DAY_FIRST.exec(text)?.slice(1).reverse();
  if (!named) return null;
  const month = MONTHS.indexOf(named[1]!.slice(0, 3).toLowerCase()) + 1;
  return month ? [Number(named[0]), month, Number(named[2])] : null;
}

function valid(year: number, month: number, day: number) {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** One date in a known order → "YYYY-MM-DD", or an error saying why not (e.g. 31/02/2024). */
export function parseDate(raw: string, order: DateOrder): { date: string } | { error: string } {
  const text = raw.trim();
  const iso = ISO.exec(text);
  const named = iso ? null : namedMonth(text);
  let year: number;
  let month: number;
  let day: number;
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (named) [year, month, day] = named;
  else {
    const parts = SLASHED.exec(text);
    if (!parts) return { error: `"${raw}" is not a date` };
    const [a, b, c] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    if (parts[1]!.length === 4) [year, month, day] = [a, b, c];
    else if (order === "DMY") [day, month, year] = [a, b, c];
    else if (order === "MDY") [month, day, year] = [a, b, c];
    else [year, month, day] = [a, b, c];
    if (year < 100) year += year < 70 ? 2000 : 1900;
  }
  if (!valid(year, month, day))
    return {
      error: `"${raw}" is not a real date (${order === "DMY" ? "day/month/year" : order === "MDY" ? "month/day/year" : "year-month-day"})`,
    };
  return { date: `${year}-${pad(month)}-${pad(day)}` };
}

/**
 * The order of a column's dates, from its values: a first number above 12 means day-first, a second above 12
 * means month-first. A column where every value fits both is ambiguous and gets an error, not a guess.
 */
export function detectDateOrder(values: string[]): { order: DateOrder } | { error: string } {
  const detector = new DateOrderDetector();
  for (const value of values) detector.see(value);
  return detector.result();
}

/** The same detection fed one value at a time, so a million-row file is not held in memory. */
export class DateOrderDetector {
  private dayFirst = false;
  private monthFirst = false;
  private sawSlashed = false;

  see(raw: string) {
    const text = raw.trim();
    if (!text || ISO.test(text)) return;
    const parts = SLASHED.exec(text);
    if (!parts || parts[1]!.length === 4) return;
    this.sawSlashed = true;
    if (Number(parts[1]) > 12) this.dayFirst = true;
    if (Number(parts[2]) > 12) this.monthFirst = true;
  }

  /** Whether more values could still change the answer: not once one order is shown, nor while all are ISO. */
  decided() {
    return !this.sawSlashed || this.dayFirst !== this.monthFirst;
  }

  result(): { order: DateOrder } | { error: string } {
    if (!this.sawSlashed) return { order: "YMD" };
    if (this.dayFirst && this.monthFirst)
      return { error: "the column mixes day-first and month-first dates" };
    if (this.dayFirst) return { order: "DMY" };
    if (this.monthFirst) return { order: "MDY" };
    return {
      error: "every date fits both day/month and month/day: give the order with --date-format DMY or MDY",
    };
  }
}

/**
 * A CSV cell that a spreadsheet would run as a formula is prefixed with ' so it stays text. Spreadsheets skip
 * leading spaces and line breaks, and read full-width ＝＋－＠ as their ASCII forms, so those count too.
 */
export function neutralizeCell(value: string) {
  return /^[\t\r\n]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? `'${value}` : value;
}
