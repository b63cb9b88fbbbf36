import { mavenBacktest, olistBacktest, type Report } from "../domain/forecast/backtest.ts";
import { readDataset } from "./forecast-data.ts";

const figure = (x: number) => x.toFixed(4);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function table(report: Report) {
  const rows = [
    ["Brier score (lower is better)", report.brier],
    ["log loss (lower is better)", report.log_loss],
    ["AUC (higher is better)", report.auc],
    ["expected calibration error", report.ece],
    ...(report.revenue_3m_error
      ? [["revenue won within 3 months, error", report.revenue_3m_error] as const]
      : []),
  ] as const;
  return [
    `Forecast backtest on ${report.dataset}: ${report.n.toLocaleString("en")} scored decisions, replayed without leakage`,
    "",
    "| measure | model | baseline |",
    "|---|---|---|",
    ...rows.map(([name, v]) =>
      name.startsWith("revenue")
        ? `| ${name} | ${pct(v.model)} | ${pct(v.baseline)} |`
        : `| ${name} | ${figure(v.model)} | ${figure(v.baseline)} |`,
    ),
    "",
    `Relative Brier gain over the baseline: ${pct(report.relative_gain)} (95% bootstrap interval ${pct(report.ci95[0])} to ${pct(report.ci95[1])}, 2,000 resamples)`,
    "",
    ...report.notes,
  ].join("\n");
}

/**
 * `confidant forecast backtest --data DIR [--json]`: replays a CRM data set's history (Maven's pipeline or
 * Olist's leads, told by their files) and prints how the forecast did against the historical rate.
 */
export function backtestCommand(options: { data: string; json?: boolean }) {
  const dataset = readDataset(options.data);
  const report =
    dataset.kind === "maven"
      ? mavenBacktest(dataset.deals, dataset.context)
      : olistBacktest(dataset.leads, dataset.won);
  if (!options.json) return table(report);
  // The published shape: the figures, without the words and the per-bin and per-snapshot detail the page draws.
  const { notes: _, calibration: _bins, revenue: _snapshots, ...figures } = report;
  return JSON.stringify(figures);
}
