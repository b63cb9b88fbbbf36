import { NumberInput, type NumberInputProps } from "@mantine/core";
import { MAX_MINOR } from "../../contract/common.ts";
import { toMajor } from "../lib/format.ts";

/**
 * An amount typed in major units (dollars, euros). It never clamps silently — a typed "-500" stays visible and
 * `amountError` says on the field what is wrong with it.
 */
export function MoneyInput(props: NumberInputProps) {
  return <NumberInput thousandSeparator="," clampBehavior="none" decimalScale={2} {...props} />;
}

/** What is wrong with an amount the user typed, in their words; null when it is fine or left empty. */
export function amountError(value: number | string, currency: string, what = "The amount") {
  if (value === "" || value === undefined) return null;
  const amount = Number(value);
  if (!Number.isFinite(amount)) return `${what} must be a number`;
  if (amount < 0) return `${what} can't be negative`;
  if (amount > toMajor(MAX_MINOR, currency))
    return `${what} is more than any deal is worth — check the figure`;
  return null;
}
