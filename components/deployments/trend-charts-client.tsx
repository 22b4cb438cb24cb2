"use client";
// Weekly trend charts (recharts). Each chart has a text alternative: the table under it in a <details>.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { WeeklyPoint } from "@/lib/deployments/dora";

const axis = { fontSize: 12, fill: "currentColor" };

export function TrendCharts({ trend }: { trend: WeeklyPoint[] }) {
  return (
    <>
    <div className="grid gap-6 lg:grid-cols-2">
      <figure aria-label="Deployments and failures per week" className="text-fg-muted">
        <figcaption className="mb-2 text-sm font-medium text-fg">Deployments and failures per week</figcaption>
        <div className="h-56">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={trend}>
              <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
              <XAxis dataKey="week" tick={axis} />
              <YAxis allowDecimals={false} tick={axis} />
              <Tooltip />
              <Legend />
              <Bar dataKey="deployments" name="Deployments" fill="#4f46e5" />
              <Bar dataKey="failures" name="Failures" fill="#dc2626" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure aria-label="Median lead time per week, in hours" className="text-fg-muted">
        <figcaption className="mb-2 text-sm font-medium text-fg">Median lead time per week (hours)</figcaption>
        <div className="h-56">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={trend}>
              <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
              <XAxis dataKey="week" tick={axis} />
              <YAxis tick={axis} />
              <Tooltip />
              <Line type="monotone" dataKey="leadTimeMedianHours" name="Median lead time (h)" stroke="#0891b2" connectNulls dot={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
    <details className="mt-4 text-sm">
      <summary className="cursor-pointer text-fg-muted">The numbers behind the charts</summary>
      <table className="mt-2 w-full text-left tabular-nums">
        <caption className="sr-only">Deployments, failures and median lead time per week</caption>
        <thead><tr><th scope="col">Week of</th><th scope="col">Deployments</th><th scope="col">Failures</th><th scope="col">Median lead time (h)</th></tr></thead>
        <tbody>
          {trend.map((point) => (
            <tr key={point.week}><td>{point.week}</td><td>{point.deployments}</td><td>{point.failures}</td><td>{point.leadTimeMedianHours ?? "—"}</td></tr>
          ))}
        </tbody>
      </table>
    </details>
    </>
  );
}
