import { Group, Loader, Select, Stack, Tabs } from "@mantine/core";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PageHeader } from "../../components/PageHeader.tsx";
import { meQuery } from "../auth/api.ts";
import { ConversationTrends } from "../conversations/ConversationTrends.tsx";
import { teamsQuery } from "../members/api.ts";
import { deliveredQuery } from "../success/api.ts";
import { Delivered } from "../success/Delivered.tsx";
import {
  backtestQuery,
  forecastQuery,
  type InsightsFilter,
  insightsQuery,
  quartersQuery,
  risksQuery,
} from "./api.ts";
import { Forecast } from "./Forecast.tsx";
import { HelpFirst } from "./HelpFirst.tsx";
import { Quarters } from "./Quarters.tsx";
import { Risks } from "./Risks.tsx";

const PERIODS = [
  { value: "all", label: "All time" },
  { value: "30", label: "Last 30 days" },
  { value: "90", label: "Last 90 days" },
  { value: "365", label: "Last 12 months" },
];

const since = (days: string) =>
  days === "all" ? null : new Date(Date.now() - Number(days) * 86_400_000).toISOString().slice(0, 10);

// Each tab asks for its own figures when it opens (panels are not kept mounted): the forecast and its
// backtest are the heaviest, and a manager reading the help-first metrics should not wait on them.
function HelpFirstTab({ filter }: { filter: InsightsFilter }) {
  const { data } = useQuery(insightsQuery(filter));
  return data ? <HelpFirst data={data} filter={filter} /> : <Loader />;
}

function RisksTab({ filter }: { filter: InsightsFilter }) {
  const { data } = useQuery(risksQuery(filter));
  return data ? <Risks data={data} filter={filter} /> : <Loader />;
}

function ForecastTab({ filter }: { filter: InsightsFilter }) {
  const forecast = useQuery(forecastQuery(filter));
  const backtest = useQuery(backtestQuery);
  return forecast.data && backtest.data ? (
    <Forecast data={forecast.data} backtest={backtest.data} filter={filter} />
  ) : (
    <Loader />
  );
}

function DeliveredTab({ filter }: { filter: InsightsFilter }) {
  const { data } = useQuery(deliveredQuery({ teamId: filter.teamId ?? undefined }));
  return data ? <Delivered data={data} /> : <Loader />;
}

function QuartersTab({ filter }: { filter: InsightsFilter }) {
  const { data } = useQuery(quartersQuery(filter));
  return data ? <Quarters data={data} filter={filter} /> : <Loader />;
}

export function InsightsPage() {
  const { data: me } = useSuspenseQuery(meQuery);
  const seller = me?.member.role === "seller";
  const { data: teams } = useQuery({ ...teamsQuery, enabled: !seller });
  const [teamId, setTeamId] = useState<string | null>(null);
  const [period, setPeriod] = useState("all");
  const filter: InsightsFilter = { teamId, from: since(period) };
  return (
    <Stack maw={1200}>
      <PageHeader
        title="Insights"
        description={
          seller
            ? "How well you help your customers decide, measured from their evidence."
            : "How well the team helps customers decide, measured from the customer's evidence."
        }
      />
      <Group>
        {!seller && (
          <Select
            label="Team"
            placeholder="All teams I see"
            clearable
            data={(teams ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={teamId}
            onChange={setTeamId}
          />
        )}
        <Select
          label="Period for activity and closed decisions"
          data={PERIODS}
          value={period}
          onChange={(v) => setPeriod(v ?? "all")}
          allowDeselect={false}
        />
      </Group>
      <Tabs defaultValue="help" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="help">Help-first metrics</Tabs.Tab>
          <Tabs.Tab value="risk">No-decision risk</Tabs.Tab>
          <Tabs.Tab value="forecast">Forecast</Tabs.Tab>
          <Tabs.Tab value="quarter">Discounts and the quarter</Tabs.Tab>
          <Tabs.Tab value="conversations">Conversations</Tabs.Tab>
          <Tabs.Tab value="delivered">After the sale</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="help" pt="md">
          <HelpFirstTab filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="risk" pt="md">
          <RisksTab filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="forecast" pt="md">
          <ForecastTab filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="quarter" pt="md">
          <QuartersTab filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="conversations" pt="md">
          <ConversationTrends />
        </Tabs.Panel>
        <Tabs.Panel value="delivered" pt="md">
          <DeliveredTab filter={filter} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
