import { Stack, Text } from "@mantine/core";
import type { Quarters as QuartersView } from "../../../contract/insights.ts";
import { money, percent } from "../../lib/format.ts";
import { csvUrl, type InsightsFilter } from "./api.ts";
import { ChartCard } from "./ChartCard.tsx";
import { Bars } from "./charts.tsx";

export function Quarters(props: { data: QuartersView; filter: InsightsFilter }) {
  const { data } = props;
  const closes = data.weeks.reduce((s, w) => s + w.closes, 0);
  return (
    <Stack>
      <ChartCard
        title="When in the quarter customers decide"
        description={data.said}
        empty={closes ? null : "Appears once decisions close."}
        csv={csvUrl("weeks", props.filter)}
        chart={
          <Bars
            data={data.weeks}
            x="week"
            series={[
              { key: "closes", name: "Decided" },
              { key: "discounted", name: "Won below list price" },
            ]}
          />
        }
        table={{
          columns: ["Week of quarter", "Decided", "Won below list price", "Mean discount"],
          rows: data.weeks.map((w) => [w.week, w.closes, w.discounted, percent(w.meanDepth)]),
        }}
      />
      <ChartCard
        title="Discount depth by week of the quarter"
        description={`Margin given away below list price: ${money(data.marginGiven, data.currency)}.`}
        empty={
          data.weeks.some((w) => w.discounted)
            ? null
            : "Appears once won decisions carry a list price to compare with (an import with a product price list)."
        }
        chart={
          <Bars
            data={data.weeks.map((w) => ({
              week: w.week,
              depth: w.meanDepth === null ? 0 : Math.round(w.meanDepth * 1000) / 10,
            }))}
            x="week"
            series={[{ key: "depth", name: "Mean discount %" }]}
          />
        }
        table={{
          columns: ["Week", "Mean discount"],
          rows: data.weeks.map((w) => [w.week, percent(w.meanDepth)]),
        }}
      />
      <Text size="sm">
        <b>Concessions.</b> {data.concessions.summary}
      </Text>
      <Text size="sm">
        {data.trainedToWait.length
          ? `Trained to wait: ${data.trainedToWait.map((a) => `${a.accountName} (${a.discountedAtQuarterEnd} of ${a.decided} won discounted at quarter end)`).join("; ")}.`
          : "No account has most of its decisions closing discounted at quarter end."}
      </Text>
    </Stack>
  );
}
