// Forecast backtests on CRM history, replayed without leakage: at each moment the model learns only from
// what had closed before it, and is scored on what was still open then. Protocols in docs/forecast.md.
import { DAY_MS } from "../time.ts";
import { beatsBaseRate, type Features, fitLogistic, probability } from "./logistic.ts";
import { auc, brier, calibration, ece, logLoss, relativeGain, type Scored } from "./scoring.ts";

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;
const addMonths = (iso: string, months: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

export interface Report {
  dataset: string;
  n: number;
  brier: { model: number; baseline: number };
  relative_gain: number;
  ci95: [number, number];
  log_loss: { model: number; baseline: number };
  auc: { model: number; baseline: number };
  ece: { model: number; baseline: number };
  revenue_3m_error?: { model: number; baseline: number };
  /** What the model used at each fit, in words. */
  notes: string[];
  /** The model's forecasts in ten bins: how often what it said would happen did. */
  calibration: ReturnType<typeof calibration>;
  /** Per snapshot: the won revenue expected within the window, by the model and the baseline, and what came. */
  revenue?: { at: string; model: number; baseline: number; actual: number }[];
}

function report(dataset: string, model: number[], baseline: number[], y: (0 | 1)[], notes: string[]): Report {
  const m: Scored[] = y.map((v, i) => ({ p: model[i]!, y: v }));
  const b: Scored[] = y.map((v, i) => ({ p: baseline[i]!, y: v }));
  const { gain, ci95 } = relativeGain(model, baseline, y);
  return {
    dataset,
    n: y.length,
    brier: { model: brier(m), baseline: brier(b) },
    relative_gain: gain,
    ci95,
    log_loss: { model: logLoss(m), baseline: logLoss(b) },
    auc: { model: auc(m), baseline: auc(b) },
    ece: { model: ece(m), baseline: ece(b) },
    notes,
    calibration: calibration(m),
  };
}

// ---------- Maven: monthly snapshots of a B2B pipeline ----------

export interface PipelineDeal {
  id: string;
  agent: string;
  product: string;
  account: string;
  stage: string;
  engage: string | null;
  close: string | null;
  value: number | null;
}

export interface PipelineContext {
  listPrice: Map<string, number>;
  sector: Map<string, string>;
  team: Map<string, { manager: string; office: string }>;
}

export const MAVEN_SNAPSHOTS = Array.from({ length: 9 }, (_, i) => addMonths("2017-04-01", i));
const REVENUE_UNTIL = "2017-10-01";

/** The months a pipeline is replayed at, and the last one whose revenue window has fully closed. */
export interface Replay {
  dataset: string;
  snapshots: string[];
  revenueUntil: string;
}

export const MAVEN_REPLAY: Replay = {
  dataset: "maven",
  snapshots: MAVEN_SNAPSHOTS,
  revenueUntil: REVENUE_UNTIL,
};

function dealFeatures(deal: PipelineDeal, context: PipelineContext): Features {
  const f: Features = new Map();
  f.set(`product:${deal.product}`, 1);
  f.set(`agent:${deal.agent}`, 1);
  const team = context.team.get(deal.agent);
  if (team) {
    f.set(`manager:${team.manager}`, 1);
    f.set(`office:${team.office}`, 1);
  }
  const sector = context.sector.get(deal.account);
  if (sector) f.set(`sector:${sector}`, 1);
  return f;
}

/**
 * The chance a deal open for `age` days at `t` is won within the next `window` days, from the history known at
 * `t`: among the deals watched long enough (engaged at least age + window days before `t`) and still open at
 * that age, the share won within the window. Deals that never closed count as not won — so stale deals, open
 * longer than deals usually take, are expected to bring little. Fewer than 20 such deals: nothing is expected.
 */
export function wonWithin(
  known: { engage: string; closedBy: string | null; won: boolean }[],
  t: string,
  age: number,
  window: number,
) {
  let atRisk = 0;
  let won = 0;
  for (const d of known) {
    if (days(d.engage, t) < age + window) continue;
    const cycle = d.closedBy ? days(d.engage, d.closedBy) : Number.POSITIVE_INFINITY;
    if (cycle <= age) continue;
    atRisk++;
    if (d.won && cycle <= age + window) won++;
  }
  return atRisk >= 20 ? won / atRisk : 0;
}

export const mavenBacktest = (deals: PipelineDeal[], context: PipelineContext, l2 = 5) =>
  pipelineBacktest(deals, context, MAVEN_REPLAY, l2);

/**
 * A pipeline replayed at each snapshot: learn from the deals closed before it, score the deals open at it.
 * Maven's protocol (docs/forecast.md); a workspace's own history is replayed the same way.
 */
export function pipelineBacktest(
  deals: PipelineDeal[],
  context: PipelineContext,
  replay: Replay,
  l2 = 5,
): Report {
  const model: number[] = [];
  const baseline: number[] = [];
  const outcomes: (0 | 1)[] = [];
  const notes: string[] = [];
  const revenueErrors = { model: [] as number[], baseline: [] as number[] };
  const revenue: NonNullable<Report["revenue"]> = [];
  for (const t of replay.snapshots) {
    const closed = deals.filter(
      (d) => d.close && d.engage && d.close < t && (d.stage === "Won" || d.stage === "Lost"),
    );
    const open = deals.filter((d) => d.engage && d.engage < t && (!d.close || d.close >= t));
    if (!closed.length || !open.length) continue;
    const rows = closed.map((d) => ({
      features: dealFeatures(d, context),
      y: (d.stage === "Won" ? 1 : 0) as 0 | 1,
    }));
    const rate = rows.reduce((s, r) => s + r.y, 0) / rows.length;
    const useModel = beatsBaseRate(rows, l2);
    const fitted = useModel ? fitLogistic(rows, l2) : null;
    notes.push(
      `${t}: ${closed.length} closed before, win rate ${(rate * 100).toFixed(1)}%; ${useModel ? "the model beat the rate on held-out folds: used" : "the model did not beat the rate on held-out folds: the rate is used"}`,
    );
    const pWin = (d: PipelineDeal) => (fitted ? probability(fitted, dealFeatures(d, context)) : rate);
    for (const d of open) {
      if (!d.close || (d.stage !== "Won" && d.stage !== "Lost")) continue;
      model.push(pWin(d));
      baseline.push(rate);
      outcomes.push(d.stage === "Won" ? 1 : 0);
    }
    if (t > replay.revenueUntil) continue;
    const end = addMonths(t, 3);
    const window = days(t, end);
    const known = deals
      .filter((d) => d.engage && d.engage < t)
      .map((d) => {
        const closedBy = d.close && d.close < t ? d.close : null;
        return { engage: d.engage!, closedBy, won: closedBy !== null && d.stage === "Won" };
      });
    const wonValue = new Map<string, number[]>();
    for (const d of closed)
      if (d.stage === "Won" && d.value !== null) {
        const values = wonValue.get(d.product) ?? [];
        values.push(d.value);
        wonValue.set(d.product, values);
      }
    const expectedValue = (d: PipelineDeal) => {
      const won = wonValue.get(d.product);
      return won?.length
        ? won.reduce((a, b) => a + b, 0) / won.length
        : (context.listPrice.get(d.product) ?? 0);
    };
    const byWeek = new Map<number, number>();
    let predicted = 0;
    let naive = 0;
    for (const d of open) {
      const week = Math.floor(days(d.engage!, t) / 7) * 7;
      if (!byWeek.has(week)) byWeek.set(week, wonWithin(known, t, week, window));
      // The model's view of this deal tilts the history's chance, when it has one.
      predicted += byWeek.get(week)! * (pWin(d) / rate) * expectedValue(d);
      naive += rate * expectedValue(d);
    }
    const actual = open
      .filter((d) => d.stage === "Won" && d.close && d.close >= t && d.close < end)
      .reduce((s, d) => s + (d.value ?? 0), 0);
    revenue.push({ at: t, model: predicted, baseline: naive, actual });
    if (actual > 0) {
      revenueErrors.model.push(Math.abs(predicted - actual) / actual);
      revenueErrors.baseline.push(Math.abs(naive - actual) / actual);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
  return {
    ...report(replay.dataset, model, baseline, outcomes, notes),
    revenue_3m_error: { model: mean(revenueErrors.model), baseline: mean(revenueErrors.baseline) },
    revenue,
  };
}

// ---------- Olist: marketing-qualified leads and which became deals ----------

export interface Lead {
  id: string;
  firstContact: string;
  landingPage: string;
  origin: string;
}

/**
 * A lead's features: its origin and landing page, and the month it came in — conversion drifted from 1% to
 * 13% a month over the training period, so page effects are learned within months, and new leads are scored
 * as of the latest month.
 */
function leadFeatures(lead: Lead, pages: Set<string>, month = lead.firstContact.slice(0, 7)): Features {
  const f: Features = new Map();
  f.set(`month:${month}`, 1);
  f.set(`origin:${lead.origin || "unknown"}`, 1);
  if (pages.has(lead.landingPage)) f.set(`page:${lead.landingPage}`, 1);
  return f;
}

const L2_CHOICES = [0.5, 1, 2, 5, 10, 30, 100];

export function olistBacktest(leads: Lead[], won: Set<string>, l2?: number, minPageLeads = 10): Report {
  const train = leads.filter((l) => l.firstContact < "2018-02-01");
  const test = leads.filter((l) => l.firstContact >= "2018-02-01" && l.firstContact <= "2018-05-31");
  const january = leads.filter((l) => l.firstContact >= "2018-01-01" && l.firstContact < "2018-02-01");
  const y = (l: Lead) => (won.has(l.id) ? 1 : 0) as 0 | 1;
  const rate = january.reduce((s, l) => s + y(l), 0) / Math.max(january.length, 1);
  const counts = new Map<string, number>();
  for (const l of train) counts.set(l.landingPage, (counts.get(l.landingPage) ?? 0) + 1);
  const pages = new Set([...counts].filter(([, n]) => n >= minPageLeads).map(([p]) => p));
  const rows = (list: Lead[]) => list.map((l) => ({ features: leadFeatures(l, pages), y: y(l) }));
  // The penalty is chosen the way the test is run, inside the training period: learn on the months before
  // the last one, and score the last one as of the month before it.
  const last = train.filter((l) => l.firstContact >= "2018-01-01");
  const earlier = train.filter((l) => l.firstContact < "2018-01-01");
  const chosen =
    l2 ??
    L2_CHOICES.map((penalty) => {
      const m = fitLogistic(rows(earlier), penalty);
      const scored = last.map((l) => ({ p: probability(m, leadFeatures(l, pages, "2017-12")), y: y(l) }));
      return { penalty, score: logLoss(scored) };
    }).sort((a, b) => a.score - b.score)[0]!.penalty;
  const fitted = fitLogistic(rows(train), chosen);
  return report(
    "olist",
    test.map((l) => probability(fitted, leadFeatures(l, pages, "2018-01"))),
    test.map(() => rate),
    test.map(y),
    [
      `${train.length} leads first contacted before 2018-02-01 train the model (origin, month, and the ${pages.size} landing pages with at least ${minPageLeads} of them; L2 penalty ${chosen}, chosen on January 2018 learning from the months before); ${test.length} leads of 2018-02-01…2018-05-31 are scored; baseline: January 2018's conversion ${(rate * 100).toFixed(1)}%`,
    ],
  );
}
