// Weekly trend charts, drawn on the server as SVG from lib/deployments/trend-chart.ts: complete in the
// HTML (no script, no draw-in animation), every week of the table in every chart. Each chart has a text
// alternative: the table under them, and a <title> per week for pointer users.
import type { WeeklyPoint } from "@/lib/deployments/dora";
import { FRAME, trendChart, type TrendChart } from "@/lib/deployments/trend-chart";

const COLOURS = { deployments: "#4f46e5", failures: "#dc2626", lead: "#0891b2" };
const base = FRAME.height - FRAME.bottom;

function Axes({ chart, ticks }: { chart: TrendChart; ticks: { value: number; y: number }[] }) {
  return (
    <g fontSize="11" fill="currentColor">
      {ticks.map((tick) => (
        <g key={tick.value}>
          <line x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={tick.y} y2={tick.y} stroke="currentColor" strokeOpacity={0.15} strokeDasharray="3 3" />
          <text x={FRAME.left - 6} y={tick.y} textAnchor="end" dominantBaseline="middle">{tick.value}</text>
        </g>
      ))}
      <line x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={base} y2={base} stroke="currentColor" strokeOpacity={0.5} />
      {chart.weeks.map((week) => (week.label ? <text key={week.week} x={week.x} y={base + 16} textAnchor="middle">{week.label}</text> : null))}
    </g>
  );
}

function Legend({ items }: { items: [string, string][] }) {
  return (
    <ul className="mt-1 flex flex-wrap justify-center gap-4 text-xs" aria-hidden="true">
      {items.map(([label, colour]) => (
        <li key={label} className="flex items-center gap-1.5"><span className="inline-block size-2.5 rounded-sm" style={{ background: colour }} />{label}</li>
      ))}
    </ul>
  );
}

export function TrendCharts({ trend }: { trend: WeeklyPoint[] }) {
  const chart = trendChart(trend);
  const viewBox = `0 0 ${FRAME.width} ${FRAME.height}`;
  const byWeek = new Map(trend.map((point) => [point.week, point]));
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-2">
        <figure className="text-fg-muted">
          <figcaption id="trend-deployments" className="mb-2 text-sm font-medium text-fg">Deployments and failures per week</figcaption>
          <svg viewBox={viewBox} role="img" aria-labelledby="trend-deployments" className="h-auto w-full" data-chart="deployments">
            <Axes chart={chart} ticks={chart.yTicks.counts} />
            {chart.weeks.map((week) => {
              const point = byWeek.get(week.week)!;
              return (
                <g key={week.week} data-week={week.week}>
                  <title>{`Week of ${week.week}: ${point.deployments} deployments, ${point.failures} failures`}</title>
                  {chart.bars.filter((bar) => bar.week === week.week).map((bar) => (
                    <rect key={bar.series} x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={COLOURS[bar.series]} />
                  ))}
                </g>
              );
            })}
          </svg>
          <Legend items={[["Deployments", COLOURS.deployments], ["Failures", COLOURS.failures]]} />
        </figure>
        <figure className="text-fg-muted">
          <figcaption id="trend-lead-time" className="mb-2 text-sm font-medium text-fg">Median lead time per week (hours)</figcaption>
          <svg viewBox={viewBox} role="img" aria-labelledby="trend-lead-time" className="h-auto w-full" data-chart="lead-time">
            <Axes chart={chart} ticks={chart.yTicks.hours} />
            {chart.leadSegments.map((path) => <path key={path} d={path} fill="none" stroke={COLOURS.lead} strokeWidth={2} strokeLinejoin="round" />)}
            {chart.leadPoints.map((point) => (
              <circle key={point.week} cx={point.x} cy={point.y} r={3} fill={COLOURS.lead} data-week={point.week}>
                <title>{`Week of ${point.week}: median lead time ${point.value} h`}</title>
              </circle>
            ))}
          </svg>
          <Legend items={[["Median lead time (h)", COLOURS.lead]]} />
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
