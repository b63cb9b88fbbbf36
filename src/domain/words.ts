/** A field or record name as words: "currentApproach" and "plan_step" read "current approach" and "plan step". */
export const inWords = (key: string) =>
  key.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`).replace(/_/g, " ");

/** The same, starting with a capital: a label. */
export const asLabel = (key: string) => inWords(key).replace(/^\w/, (c) => c.toUpperCase());
