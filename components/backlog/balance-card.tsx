// The balance of operational against product work: the planned share (open items by estimate) and
// the done share per ISO week (UTC) against the product manager's target, as a server-drawn SVG with
// the numbers in a table as its text alternative. The reliability signal, when a service needs it.
import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { recentDoneShare, verdict, DONE_SHARE_WEEKS } from "@/lib/backlog/balance";
import type { TeamBalance } from "@/lib/backlog/queries";
import { shareLabel } from "./words";

const FRAME = { width: 560, height: 180, left: 40, right: 12, top: 10, bottom: 26 };
const COLOURS = { operational: "#2563eb", target: "#1f2937" };
const plotHeight = FRAME.height - FRAME.top - FRAME.bottom;
const y = (percent: number) => FRAME.top + plotHeight * (1 - percent / 100);

const REASON_WORDS: Record<string, string> = { FAST_BURN: "burning its error budget fast", SLOW_BURN: "burning its budget", BUDGET_SPENT: "has spent its 28-day error budget", OFF_TARGET: "is off its availability target" };

export function BalanceSignal({ signal }: { signal: NonNullable<TeamBalance["signal"]> }) {
  return (
    <div role="note" aria-label="Reliability signal" className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200" data-testid="balance-signal">
      <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <p>
        <strong className="font-semibold">Reliability needs operational work first:</strong>{" "}
        {signal.services.map((service, index) => (
          <span key={service.slug}>
            {index ? "; " : ""}
            <Link href={`/services/${service.slug}`} className="underline">{service.name}</Link> {service.reasons.filter((r) => r !== "SLOW_BURN").map((r) => REASON_WORDS[r]).join(" and ")}
          </span>
        ))}
        .
      </p>
    </div>
  );
}

export function BalanceSummary({ balance }: { balance: TeamBalance }) {
  const done = recentDoneShare(balance.doneByWeek);
  const against = verdict(balance.planned.share, balance.target);
  return (
    <dl className="grid gap-4 sm:grid-cols-3" data-testid="balance-summary">
      <div>
        <dt className="text-sm text-fg-muted">Planned operational share</dt>
        <dd className="text-2xl font-semibold tabular-nums" data-testid="planned-share">{shareLabel(balance.planned.share)}</dd>
        <dd className="text-xs text-fg-muted">
          {balance.planned.operational} of {balance.planned.total} open points
          {balance.planned.unestimated ? `; ${balance.planned.unestimated} open item${balance.planned.unestimated === 1 ? "" : "s"} not estimated (counted as 0)` : ""}
        </dd>
      </div>
      <div>
        <dt className="text-sm text-fg-muted">Target</dt>
        <dd className="text-2xl font-semibold tabular-nums" data-testid="target-share">{balance.target === null ? "Not set" : `${balance.target} %`}</dd>
        {against ? <dd className="text-xs text-fg-muted">{against === "UNDER" ? "Planned work is under the target." : against === "OVER" ? "Planned work is over the target." : "Planned work is on target."}</dd> : null}
      </div>
      <div>
        <dt className="text-sm text-fg-muted">Done, last {DONE_SHARE_WEEKS} weeks</dt>
        <dd className="text-2xl font-semibold tabular-nums">{shareLabel(done.share)}</dd>
        <dd className="text-xs text-fg-muted">{done.operational} of {done.total} points done were operational</dd>
      </div>
    </dl>
  );
}

export function DoneShareChart({ balance, id = "done-share" }: { balance: TeamBalance; id?: string }) {
  const weeks = balance.doneByWeek;
  const slot = (FRAME.width - FRAME.left - FRAME.right) / weeks.length;
  const base = y(0);
  return (
    <figure className="text-fg-muted">
      <figcaption id={id} className="mb-2 text-sm font-medium text-fg">Operational share of the work done per week (ISO weeks, Monday 00:00 UTC){balance.target !== null ? ` against the ${balance.target} % target` : ""}</figcaption>
      <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-labelledby={id} className="h-auto w-full" data-chart="done-share">
        <g fontSize="11" fill="currentColor">
          {[0, 25, 50, 75, 100].map((tick) => (
            <g key={tick}>
              <line x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={y(tick)} y2={y(tick)} stroke="currentColor" strokeOpacity={0.15} strokeDasharray="3 3" />
              <text x={FRAME.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle">{tick}%</text>
            </g>
          ))}
          {weeks.map((week, index) => (index % 2 === weeks.length % 2 ? <text key={week.week} x={FRAME.left + slot * index + slot / 2} y={base + 16} textAnchor="middle">{week.week.slice(5)}</text> : null))}
        </g>
        {weeks.map((week, index) =>
          week.share === null ? null : (
            <rect key={week.week} x={FRAME.left + slot * index + slot * 0.15} y={y(week.share)} width={slot * 0.7} height={base - y(week.share)} fill={COLOURS.operational} data-week={week.week}>
              <title>{`Week of ${week.week}: ${shareLabel(week.share)} operational (${week.operational} of ${week.total} points)`}</title>
            </rect>
          ),
        )}
        {balance.target !== null ? <line x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={y(balance.target)} y2={y(balance.target)} stroke={COLOURS.target} strokeWidth={1.5} strokeDasharray="5 3" /> : null}
      </svg>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer">The numbers behind the chart</summary>
        <table className="mt-2 w-full text-left tabular-nums">
          <caption className="sr-only">Points done per week, operational and in all</caption>
          <thead><tr><th scope="col">Week of</th><th scope="col">Operational points</th><th scope="col">All points</th><th scope="col">Operational share</th></tr></thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.week}><td>{week.week}</td><td>{week.operational}</td><td>{week.total}</td><td>{shareLabel(week.share)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
