import { inWords } from "../../domain/words.ts";
import type { ApiError } from "./api.ts";

/** What each field the API names is called on the page. */
const FIELD_NAMES: Record<string, string> = {
  title: "The decision's name",
  valueAmount: "Our estimated value",
  currency: "The currency",
  targetDate: "The target decision date",
  notes: "Notes",
  "problem.statement": "The problem",
  "problem.rootCause": "The root cause",
  "problem.currentApproach": "How they do it today",
  "impact.recurringCost.amount": "The recurring cost",
  "impact.assumptions": "The assumptions",
  "trigger.event": "What makes them act now",
  "trigger.date": "The date behind 'why now'",
  outcomeReason: "Why they decided",
  outcomeDate: "The decision date",
};

export const nameOf = (path: string) => {
  const field = path.replace(/^body\./, "");
  if (FIELD_NAMES[field]) return FIELD_NAMES[field];
  if (/^impact\.risks\.\d+\.amount$/.test(field)) return "A risk's amount";
  if (/^impact\.risks\.\d+\.likelihood$/.test(field)) return "A risk's likelihood";
  const last = field.split(".").pop() ?? field;
  return `The ${inWords(last)}`;
};

/** The API's precise message, said the way a seller would say it. */
export function plainly(message: string, sent: unknown) {
  const tooLong = /must be at most ([\d,]+) characters|expected string to have <=(\d+) characters/.exec(
    message,
  );
  if (tooLong)
    return `can be up to ${Number((tooLong[1] ?? tooLong[2])?.replace(/,/g, "")).toLocaleString("en")} characters${typeof sent === "string" ? ` — this is ${sent.length.toLocaleString("en")}` : ""}`;
  if (/must not be empty|expected string to have >=1 characters|is required/.test(message))
    return "can't be empty";
  if (/must not be negative/.test(message)) return "can't be negative";
  if (/whole number of minor units/.test(message)) return "must be a whole number of cents";
  if (/not a plausible amount/.test(message)) return "is more than any deal is worth — check the figure";
  if (/must be a date/.test(message)) return "must be a date";
  return message;
}

export const valueAt = (body: unknown, path: string) =>
  path
    .replace(/^body\./, "")
    .split(".")
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined,
      body,
    );

/** An input error as sentences on the form: "The problem can be up to 10,000 characters — this is 20,000." */
export function fieldErrorsOf(error: ApiError, sent: unknown) {
  return error.body.fields.map(
    (field) => `${nameOf(field.path)} ${plainly(field.message, valueAt(sent, field.path))}.`,
  );
}

/** One input's refusal, under the input: "Can be up to 200 characters — this is 250." */
export function onTheField(message: string, sent: unknown) {
  const said = plainly(message, sent);
  return `${said.charAt(0).toUpperCase()}${said.slice(1)}.`;
}
