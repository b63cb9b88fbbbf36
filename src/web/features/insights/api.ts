import { queryOptions } from "@tanstack/react-query";
import type { Backtest, Forecast, Insights, Quarters, Risks } from "../../../contract/insights.ts";
import { get } from "../../lib/api.ts";

export interface InsightsFilter {
  teamId: string | null;
  from: string | null;
}

const search = (filter: InsightsFilter, extra: Record<string, string> = {}) => {
  const query = new URLSearchParams(extra);
  if (filter.teamId) query.set("teamId", filter.teamId);
  if (filter.from) query.set("from", filter.from);
  return query.toString();
};

export const insightsQuery = (filter: InsightsFilter) =>
  queryOptions({
    queryKey: ["insights", filter],
    queryFn: () => get<Insights>(`/api/v1/insights?${search(filter)}`),
  });

export const risksQuery = (filter: InsightsFilter) =>
  queryOptions({
    queryKey: ["insights", "risks", filter.teamId],
    queryFn: () => get<Risks>(`/api/v1/insights/risks?${search({ ...filter, from: null }, { limit: "20" })}`),
  });

export const forecastQuery = (filter: InsightsFilter) =>
  queryOptions({
    queryKey: ["insights", "forecast", filter.teamId],
    queryFn: () =>
      get<Forecast>(`/api/v1/insights/forecast?${search({ ...filter, from: null }, { limit: "15" })}`),
  });

export const backtestQuery = queryOptions({
  queryKey: ["insights", "backtest"],
  queryFn: () => get<Backtest>("/api/v1/insights/backtest"),
});

export const quartersQuery = (filter: InsightsFilter) =>
  queryOptions({
    queryKey: ["insights", "quarters", filter],
    queryFn: () => get<Quarters>(`/api/v1/insights/quarters?${search(filter)}`),
  });

/** Where one Insights table downloads as CSV, for the same filter. */
export const csvUrl = (table: string, filter: InsightsFilter) =>
  `/api/v1/insights/export/${table}?${search(filter)}`;
