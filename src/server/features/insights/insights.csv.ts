// Every table of the Insights page as CSV rows: the same figures the page shows, one line per row.
import type { Kysely } from "kysely";
import type { Forecast, INSIGHT_TABLES, Insights, Quarters, Risks } from "../../../contract/insights.ts";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { csvCell, csvLine } from "../exports/export.service.ts";
import { forecastView, insightsView, quartersView, risksView, type ScopeQuery } from "./insights.service.ts";

type Table = (string | number | null)[][];

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
const money = (minor: number | null) => (minor === null ? null : Math.round(minor) / 100);

function sellersTable(view: Insights): Table {
  const keys = view.metrics.map((m) => m.key);
  return [
    [
      "seller",
      "open",
      ...keys.map((k) => `${k}_pct`),
      "closed",
      "won",
      "lost",
      "no_decision",
      "win_rate_pct",
      "no_decision_rate_pct",
      "cycle_days",
      "conversations",
      "talk_share_pct",
      "insight_questions_per_conversation",
      "steps_added",
      "changes_logged",
      "reviews",
      "seller_centric_reviews_pct",
    ],
    ...[...view.sellers, { ...view.total, name: "All shown" }].map((s) => [
      s.name,
      s.open,
      ...keys.map((k) => pct(s.help[k]?.rate ?? null)),
      s.outcomes.closed,
      s.outcomes.won,
      s.outcomes.lost,
      s.outcomes.noDecision,
      pct(s.outcomes.winRate),
      pct(s.outcomes.noDecisionRate),
      s.outcomes.cycleDays,
      s.activity.conversations,
      pct(s.conversations.talkShare),
      s.conversations.insightQuestions,
      s.activity.stepsAdded,
      s.activity.changes,
      s.activity.reviews,
      pct(s.sellerCentricReviews.rate),
    ]),
  ];
}

function relationsTable(view: Insights): Table {
  return [
    [
      "metric",
      "with_n",
      "with_win_rate_pct",
      "with_no_decision_rate_pct",
      "with_cycle_days",
      "without_n",
      "without_win_rate_pct",
      "without_no_decision_rate_pct",
      "without_cycle_days",
      "enough_data",
      "summary",
    ],
    ...view.relations.map((r) => [
      r.label,
      r.withIt.n,
      pct(r.withIt.winRate),
      pct(r.withIt.noDecisionRate),
      r.withIt.cycleDays,
      r.without.n,
      pct(r.without.winRate),
      pct(r.without.noDecisionRate),
      r.without.cycleDays,
      r.enough ? "yes" : "no",
      r.summary,
    ]),
  ];
}

const trendTable = (view: Insights): Table => [
  [
    "month_opened",
    "opened",
    "won",
    "no_decision",
    "problem_in_words",
    "cost_quantified",
    "economic_buyer",
    "buyer_confirmed",
  ],
  ...view.trend.map((t) => [
    t.month,
    t.opened,
    t.won,
    t.noDecision,
    t.problemInWords,
    t.costQuantified,
    t.economicBuyer,
    t.buyerConfirmed,
  ]),
];

const risksTable = (view: Risks): Table => [
  [
    "decision",
    "account",
    "owner",
    "value",
    "currency",
    "milestone",
    "readiness",
    "flag",
    "evidence",
    "help",
    "advice",
  ],
  ...view.items.flatMap((i) =>
    i.flags.map((f) => [
      i.title,
      i.accountName,
      i.ownerName,
      money(i.valueAmount),
      i.currency,
      i.milestone,
      i.readiness,
      f.title,
      f.evidence,
      f.helpLabel,
      f.advice,
    ]),
  ),
];

const forecastTable = (view: Forecast): Table => [
  [
    "decision",
    "account",
    "owner",
    "value",
    "currency",
    "category",
    "p_won",
    "p_lost",
    "p_no_decision",
    "expected_close_month",
    "close_why",
    "why",
  ],
  ...view.items.map((i) => [
    i.title,
    i.accountName,
    i.ownerName,
    money(i.valueAmount),
    i.currency,
    i.category,
    pct(i.won),
    pct(i.lost),
    pct(i.noDecision),
    i.closeMonth,
    i.closeWhy,
    i.why.join(" "),
  ]),
];

const monthsTable = (view: Forecast): Table => [
  ["month", "decisions", "expected_won_value", "low_90", "high_90", "currency"],
  ...view.byMonth.map((m) => [
    m.month,
    m.count,
    money(m.expected),
    money(m.low),
    money(m.high),
    view.currency,
  ]),
];

const weeksTable = (view: Quarters): Table => [
  ["week_of_quarter", "closes", "won_below_list_price", "mean_discount_pct"],
  ...view.weeks.map((w) => [w.week, w.closes, w.discounted, pct(w.meanDepth)]),
];

export const toCsv = (table: Table) => table.map((row) => csvLine(row.map(csvCell))).join("");

/** Every row of one table, not just the page's first ones. */
const ALL = 500;

export async function insightsTable(
  db: Kysely<Database>,
  actor: SignedIn,
  table: (typeof INSIGHT_TABLES)[number],
  query: ScopeQuery & { from?: string | undefined; to?: string | undefined },
): Promise<Table> {
  switch (table) {
    case "sellers":
      return sellersTable(await insightsView(db, actor, query));
    case "relations":
      return relationsTable(await insightsView(db, actor, query));
    case "trend":
      return trendTable(await insightsView(db, actor, query));
    case "risks":
      return risksTable(await risksView(db, actor, { ...query, limit: ALL }));
    case "forecast":
      return forecastTable(await forecastView(db, actor, { ...query, limit: ALL }));
    case "months":
      return monthsTable(await forecastView(db, actor, { ...query, limit: ALL }));
    case "weeks":
      return weeksTable(await quartersView(db, actor, query));
  }
}
