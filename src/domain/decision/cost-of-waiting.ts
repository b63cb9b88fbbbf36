import { DAY_MS } from "../time.ts";
import type { Impact, Period } from "./model.ts";

const MONTHS_PER: Record<Period, number> = { week: 12 / 52, month: 1, quarter: 3, year: 12 };
const AVERAGE_MONTH_DAYS = 365.25 / 12;

export interface CostOfWaiting {
  /** Whether anyone has put a figure on the recurring cost; when not, 0 per month means unknown, not free. */
  quantified: boolean;
  /** Recurring cost of inaction per month, in minor units. */
  perMonth: number;
  /** Expected one-off losses: each risk's amount times its likelihood, in minor units. */
  riskExposure: number;
  /** Months from today to the customer's target date (0 when it has passed or is not set). */
  monthsToTarget: number;
  /** What waiting until the target date costs: recurring cost for those months, in minor units. */
  untilTarget: number;
}

/** The computed cost of waiting. `today` is passed in: domain code has no clock. */
export function costOfWaiting(
  impact: Impact,
  targetDate: string | null | undefined,
  today: Date,
): CostOfWaiting {
  const recurring = impact.recurringCost;
  const perMonth = recurring ? Math.round(recurring.amount / MONTHS_PER[recurring.period]) : 0;
  const riskExposure = Math.round(
    (impact.risks ?? []).reduce((sum, risk) => sum + risk.amount * (risk.likelihood / 100), 0),
  );
  const target = targetDate ? Date.parse(`${targetDate}T00:00:00Z`) : Number.NaN;
  const monthsToTarget = Number.isNaN(target)
    ? 0
    : Math.max(0, Math.round(((target - today.getTime()) / DAY_MS / AVERAGE_MONTH_DAYS) * 10) / 10);
  return {
    quantified: Boolean(recurring),
    perMonth,
    riskExposure,
    monthsToTarget,
    untilTarget: Math.round(perMonth * monthsToTarget),
  };
}

/** The recurring cost of a period expressed per another period (for the calculator). */
export function perMonth(amount: number, period: Period) {
  return Math.round(amount / MONTHS_PER[period]);
}
