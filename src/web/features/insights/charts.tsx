// The few chart shapes Insights draws, on Recharts with the theme's colours.
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export const COLORS = [
  "var(--mantine-color-blue-7)",
  "var(--mantine-color-teal-7)",
  "var(--mantine-color-orange-7)",
  "var(--mantine-color-grape-7)",
  "var(--mantine-color-red-7)",
];

type Row = Record<string, string | number | null>;
export interface Series {
  key: string;
  name: string;
}

export function Bars(props: {
  data: Row[];
  x: string;
  series: Series[];
  format?: (v: number) => string;
  layout?: "horizontal" | "vertical";
}) {
  const vertical = props.layout === "vertical";
  return (
    <ResponsiveContainer>
      <BarChart data={props.data} layout={props.layout ?? "horizontal"} margin={{ left: vertical ? 120 : 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {vertical ? (
          <>
            <XAxis type="number" tickFormatter={props.format} />
            <YAxis type="category" dataKey={props.x} width={200} tick={{ fontSize: 12 }} />
          </>
        ) : (
          <>
            <XAxis dataKey={props.x} tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={props.format} />
          </>
        )}
        <Tooltip formatter={(v) => (props.format ? props.format(Number(v)) : String(v))} />
        {props.series.length > 1 && <Legend />}
        {props.series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={COLORS[i % COLORS.length]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function Lines(props: { data: Row[]; x: string; series: Series[]; format?: (v: number) => string }) {
  return (
    <ResponsiveContainer>
      <LineChart data={props.data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={props.x} tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={props.format} />
        <Tooltip formatter={(v) => (props.format ? props.format(Number(v)) : String(v))} />
        <Legend />
        {props.series.map((s, i) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={COLORS[i % COLORS.length]}
            strokeWidth={2}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Expected values as bars with their 90% range drawn as low and high marks. */
export function RangeBars(props: { data: Row[]; x: string; format: (v: number) => string }) {
  return (
    <ResponsiveContainer>
      <ComposedChart data={props.data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={props.x} tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={props.format} width={80} />
        <Tooltip formatter={(v) => props.format(Number(v))} />
        <Legend />
        <Bar dataKey="expected" name="Expected won value" fill={COLORS[0]} />
        <Line dataKey="high" name="High (90%)" stroke={COLORS[1]} strokeDasharray="4 4" />
        <Line dataKey="low" name="Low (90%)" stroke={COLORS[2]} strokeDasharray="4 4" />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Forecast chance against how often it happened: on the diagonal is well calibrated. */
export function Calibration(props: { data: { predicted: number; actual: number }[] }) {
  const diagonal = [
    { predicted: 0, ideal: 0 },
    { predicted: 100, ideal: 100 },
  ];
  const points = props.data.map((d) => ({
    predicted: Math.round(d.predicted * 100),
    actual: Math.round(d.actual * 100),
  }));
  return (
    <ResponsiveContainer>
      <ComposedChart>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" dataKey="predicted" domain={[0, 100]} unit="%" name="Forecast" />
        <YAxis type="number" domain={[0, 100]} unit="%" name="Happened" />
        <Tooltip />
        <Legend />
        <Line data={diagonal} dataKey="ideal" name="Perfectly calibrated" stroke={COLORS[3]} dot={false} />
        <Scatter data={points} dataKey="actual" name="How often it happened" fill={COLORS[0]} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
