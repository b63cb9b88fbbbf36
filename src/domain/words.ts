/** A field or record name as words: "currentApproach" and "plan_step" read "current approach" and "plan step". */
export const inWords = (key: string) =>
  key.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`).replace(/_/g, " ");

/** The same, starting with a capital: a label. */
export const asLabel = (key: string) => inWords(key).replace(/^\w/, (c) => c.toUpperCase());

// A formatter is costly to make (tens of microseconds) and read-only once made: one per currency.
const wholeMoneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount in minor units as whole money in words a seller reads: 123456789 USD → "$1,234,568". */
export function wholeMoney(minor: number, currency: string) {
  let format = wholeMoneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 0 });
    wholeMoneyFormats.set(currency, format);
  }
  return format.format(minor / 100);
}
