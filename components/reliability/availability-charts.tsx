// Weekly availability against the target, drawn on the server as SVG from lib/reliability/availability-chart.ts
// (complete in the HTML, no script). The table under it is the text alternative.
import { AVAILABILITY_FRAME as FRAME, availabilityChart, percentLabel } from "@/lib/reliability/availability-chart";
import type { WeekAvailability } from "@/lib/reliability/report";
import { formatDuration } from "@/lib/catalog/availability";

const COLOURS = { met: "#059669", missed: "#dc2626", target: "#1f2937" };
const base = FRAME.height - FRAME.bottom;
const duration = (ms: number) => formatDuration(Math.round(ms / 1000));

export function WeeklyAvailabilityChart({ weeks }: { weeks: WeekAvailability[] }) {
  const chart = availabilityChart(weeks);
  return (
    <figure className="text-fg-muted">
      <figcaption id="availability-weekly" className="mb-2 text-sm font-medium text-fg">Availability per week (Monday to Monday, London time) against the target</figcaption>
      <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-labelledby="availability-weekly" className="h-auto w-full" data-chart="availability">
        <g fontSize="11" fill="currentColor">
          {chart.ticks.map((tick) => (
            <g key={tick.label}>
              <line x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={tick.y} y2={tick.y} stroke="currentColor" strokeOpacity={0.15} strokeDasharray="3 3" />
              <text x={FRAME.left - 6} y={tick.y} textAnchor="end" dominantBaseline="middle">{tick.label}</text>
            </g>
          ))}
          <line x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={base} y2={base} stroke="currentColor" strokeOpacity={0.5} />
          {chart.weeks.map((bar) => (bar.label ? <text key={bar.week} x={bar.x + bar.width / 2} y={base + 16} textAnchor="middle">{bar.label}</text> : null))}
        </g>
        {chart.weeks.map((bar) => (
          <rect key={bar.week} x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={bar.onTarget ? COLOURS.met : COLOURS.missed} data-week={bar.week} data-on-target={bar.onTarget}>
            <title>{`Week of ${bar.week}: ${percentLabel(bar.availability)} against ${percentLabel(bar.target)}${bar.onTarget ? "" : " (missed)"}`}</title>
          </rect>
        ))}
        <path d={chart.targetPath} fill="none" stroke={COLOURS.target} strokeWidth={1.5} strokeDasharray="5 3" />
      </svg>
      <ul className="mt-1 flex flex-wrap justify-center gap-4 text-xs" aria-hidden="true">
        <li className="flex items-center gap-1.5"><span className="inline-block size-2.5 rounded-sm" style={{ background: COLOURS.met }} />On target</li>
        <li className="flex items-center gap-1.5"><span className="inline-block size-2.5 rounded-sm" style={{ background: COLOURS.missed }} />Missed</li>
        <li className="flex items-center gap-1.5"><span className="inline-block h-0.5 w-4" style={{ background: COLOURS.target }} />Target</li>
      </ul>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-fg-muted">The numbers behind the chart</summary>
        <table className="mt-2 w-full text-left tabular-nums">
          <caption className="sr-only">Availability, target and unavailable time per week</caption>
          <thead><tr><th scope="col">Week of</th><th scope="col">Availability</th><th scope="col">Target</th><th scope="col">Unavailable</th><th scope="col">Tolerated</th></tr></thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.week}>
                <td>{week.week}</td><td>{percentLabel(week.availability)}</td><td>{percentLabel(week.target)}</td>
                <td>{duration(week.unavailableMs)}</td><td>{duration(week.budgetMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** The 28-day budget as a bar: used (red once past the whole budget) against what the targets tolerate. */
export function BudgetBar({ usedMs, budgetMs }: { usedMs: number; budgetMs: number }) {
  const share = budgetMs > 0 ? Math.min(usedMs / budgetMs, 1) : usedMs > 0 ? 1 : 0;
  const spent = usedMs > 0 && usedMs >= budgetMs;
  const width = 560;
  return (
    <svg viewBox={`0 0 ${width} 16`} role="img" aria-label={`${Math.round((budgetMs > 0 ? usedMs / budgetMs : 0) * 100)}% of the 28-day error budget used`} className="h-4 w-full" data-chart="budget">
      <rect x={0} y={0} width={width} height={16} rx={4} fill="currentColor" fillOpacity={0.12} />
      <rect x={0} y={0} width={Math.round(width * share * 100) / 100} height={16} rx={4} fill={spent ? COLOURS.missed : share > 0.75 ? "#d97706" : COLOURS.met} />
    </svg>
  );
}
