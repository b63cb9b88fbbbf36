// What the forecast learns from the workspace's history, as a pure function of the rows read: the model, the
// cycle times expected closes are read from, the history replayed as the published backtests are, and the
// chances of each open decision with that model. Pure so it can run off the request thread (`learner.ts`):
// learning from thousands of decisions takes seconds, and so does forecasting thousands with the new model.
import type { Backtest, Forecast } from "../../../contract/insights.ts";
import { pipelineBacktest } from "../../../domain/forecast/backtest.ts";
import { expectedClose } from "../../../domain/forecast/close-month.ts";
import {
  chancesOf,
  type DecisionModel,
  type Example,
  fitDecisionModel,
  forecastDecision,
} from "../../../domain/forecast/decision-forecast.ts";
import { describeFeature, forecastFeatures } from "../../../domain/insights/forecast-features.ts";
import type { DecisionSignals } from "../../../domain/insights/signals.ts";
import { DAY_MS } from "../../../domain/time.ts";
import type { ForecastRow, HistoryRow } from "./insights.repo.ts";
import { shownDecision } from "./shown.ts";

export interface Learning {
  model: DecisionModel;
  /** Days from opened to decided of each closed decision learned from, shortest first. */
  cycles: number[];
  /** The workspace's history replayed as the backtest does (what the forecast's trust and its actuals show). */
  replay: { backtest: Backtest; revenue: Forecast["actual"] };
  /** Each open decision's chances and expected close month with this model, in the order they were given. */
  chances: Chance[];
}

/** One decision's chances and the month it is expected to close: what totals need of each decision. */
export interface Chance {
  won: number;
  lost: number;
  noDecision: number;
  closeMonth: string;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** What the forecast reads of a decision as of a day. */
export const featuresOf = (r: ForecastRow, asOf: string) =>
  forecastFeatures({
    signals: r.signals as Partial<DecisionSignals>,
    readiness: r.readiness,
    ageDays: Math.max(0, daysBetween(r.opened, asOf)),
    owner: r.owner_name,
    product: r.product_line,
    sector: r.sector,
    source: r.source_system,
  });

const closeOf = (cycles: number[], r: ForecastRow, now: Date) =>
  expectedClose({ targetDate: r.target_date, ageDays: daysBetween(r.opened, isoDay(now)) }, cycles, now);

/** One open decision's chances with `model`, and when it is expected to close. */
export function chanceOf(model: DecisionModel, cycles: number[], r: ForecastRow, now: Date): Chance {
  return { ...chancesOf(model, featuresOf(r, isoDay(now))), closeMonth: closeOf(cycles, r, now).month };
}

/** One open decision's forecast as shown: its chances and expected close, each with why. */
export function forecastItem(
  model: DecisionModel,
  cycles: number[],
  r: ForecastRow,
  now: Date,
): Forecast["items"][number] {
  const f = forecastDecision(model, featuresOf(r, isoDay(now)), describeFeature);
  const close = closeOf(cycles, r, now);
  return {
    ...shownDecision(r),
    category: r.forecast_category,
    won: f.won,
    lost: f.lost,
    noDecision: f.noDecision,
    closeMonth: close.month,
    closeWhy: close.why,
    why: f.why,
  };
}

/**
 * Learns from the latest closed decisions, replays the history of the workspace's pipeline, and forecasts the
 * open decisions with what was learned.
 */
export function learn(
  closed: ForecastRow[],
  history: HistoryRow[],
  open: ForecastRow[],
  now: Date,
): Learning {
  const examples: Example[] = closed.map((r) => ({
    features: featuresOf(r, r.outcome_date!),
    outcome: r.outcome as Example["outcome"],
  }));
  const model = fitDecisionModel(examples);
  const cycles = closed.map((r) => Math.max(0, daysBetween(r.opened, r.outcome_date!))).sort((a, b) => a - b);
  return {
    model,
    cycles,
    replay: replayOf(history, now),
    chances: open.map((r) => chanceOf(model, cycles, r, now)),
  };
}

const firstOfMonth = (d: Date, back: number) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 10);

/**
 * The workspace's own history replayed like the published backtests: at the first of each of the last twelve
 * months, learn from what had closed and score what was open (docs/forecast.md).
 */
function replayOf(history: HistoryRow[], now: Date): Learning["replay"] {
  const latest = history.reduce((m, h) => (h.outcome_date && h.outcome_date > m ? h.outcome_date : m), "");
  const anchor = latest && latest < isoDay(now) ? new Date(`${latest}T00:00:00Z`) : now;
  const snapshots = Array.from({ length: 12 }, (_, i) => firstOfMonth(anchor, 11 - i));
  const deals = history.map((h) => ({
    id: h.id,
    agent: h.owner,
    product: h.product ?? "",
    account: h.account,
    stage: h.outcome === "won" ? "Won" : h.outcome === "open" ? "Open" : "Lost",
    engage: h.opened,
    close: h.outcome === "open" ? null : h.outcome_date,
    value: h.value,
  }));
  const sector = new Map(history.filter((h) => h.sector).map((h) => [h.account, h.sector!]));
  const report = pipelineBacktest(
    deals,
    { listPrice: new Map(), sector, team: new Map() },
    { dataset: "workspace", snapshots, revenueUntil: firstOfMonth(anchor, 3) },
  );
  const enough = report.n >= 30;
  const backtest: Backtest = {
    enough,
    why: enough
      ? `${report.n} decisions that were open at the first of a month and closed later, replayed over ${snapshots[0]} to ${snapshots.at(-1)}.`
      : `Only ${report.n} decisions were open at the first of a month and closed later in the last twelve months; at least 30 are needed to say how much to trust the forecast.`,
    report: report.n
      ? {
          n: report.n,
          brier: report.brier,
          relativeGain: report.relative_gain,
          ci95: report.ci95,
          logLoss: report.log_loss,
          auc: report.auc,
          ece: report.ece,
          revenueError: report.revenue_3m_error ?? null,
          calibration: report.calibration,
          notes: report.notes,
        }
      : null,
  };
  return { backtest, revenue: report.revenue ?? [] };
}
