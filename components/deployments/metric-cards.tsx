import { Badge } from "@/components/ui/badge";
import type { DoraMetrics } from "@/lib/deployments/dora";
import { BAND_LABEL, formatSpan } from "@/lib/deployments/labels";

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);

function Metric({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-lg border border-line bg-surface p-4">
      <dt className="text-sm text-fg-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-fg">{value}</dd>
      {detail ? <dd className="mt-1 text-xs text-fg-muted">{detail}</dd> : null}
    </div>
  );
}

/** The four keys and the band, as a definition list so each number keeps its name for screen readers. */
export function MetricCards({ metrics, target }: { metrics: DoraMetrics; target?: string | null }) {
  return (
    <div className="mb-6 space-y-3">
      <p className="text-sm">
        DORA performance band:{" "}
        {metrics.band ? <Badge tone={metrics.band === "ELITE" || metrics.band === "HIGH" ? "success" : metrics.band === "MEDIUM" ? "warning" : "danger"}>{BAND_LABEL[metrics.band]}</Badge> : <span className="text-fg-muted">no production deployments in the period</span>}
      </p>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Metric
          label="Deployment frequency"
          value={`${Math.round(metrics.perWeek * 10) / 10} / week`}
          detail={`${metrics.deployments} to production${target ? ` · target ${target.toLowerCase()}: ${metrics.meetsTarget ? "met" : "missed"}` : ""}`}
        />
        <Metric label="Lead time for changes" value={formatSpan(metrics.leadTimeMedianMs)} detail={`median · p90 ${formatSpan(metrics.leadTimeP90Ms)}`} />
        <Metric label="Change failure rate" value={percent(metrics.changeFailureRate)} detail={`${metrics.failures} failed or rolled back`} />
        <Metric
          label="Time to restore"
          value={formatSpan(metrics.timeToRestoreMedianMs)}
          detail={metrics.unrestored ? "median · a failure is not yet restored" : "median, failed deployment → next healthy one"}
        />
      </dl>
    </div>
  );
}
