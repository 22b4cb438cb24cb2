import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import type { TreacleSignals as Signals } from "@/lib/changes/treacle";

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);
const hours = (value: number | null) => (value === null ? "—" : value < 48 ? `${value.toFixed(1)} h` : `${(value / 24).toFixed(1)} d`);

export function TreacleSignals({ signals }: { signals: Signals }) {
  const max = Math.max(1, ...signals.leadTimeTrend.map((point) => point.medianHours ?? 0));
  const through = signals.productionDeployments;
  return (
    <Card aria-labelledby="treacle-title">
      <CardHeader titleId="treacle-title" title="Change treacle signals" description={`Production deployments over the last ${signals.days} days. Treacle: every deployment through the CAB, services without a pattern, lead times growing.`} />
      <CardContent className="grid gap-6 md:grid-cols-3">
        <div>
          <h3 className="text-sm font-medium">Through the CAB</h3>
          <p className="text-2xl font-semibold tabular-nums">{percent(signals.cabShare)}</p>
          <p className="text-xs text-fg-muted">
            of {through} deployments: {signals.byChangeType.standard} standard, {signals.byChangeType.normal} normal, {signals.byChangeType.emergency} emergency, {signals.byChangeType.none} without a change.
            Median CAB wait {hours(signals.cabWaitMedianHours)}.
          </p>
          {signals.cabShare !== null && signals.cabShare > 0.5 ? <Badge tone="warning">Most deployments wait for the CAB</Badge> : null}
        </div>
        <div>
          <h3 className="text-sm font-medium">Services with no pattern</h3>
          <p className="text-2xl font-semibold tabular-nums">{signals.servicesWithoutPattern.length} <span className="text-sm font-normal text-fg-muted">of {signals.servicesTotal}</span></p>
          <ul className="text-xs">
            {signals.servicesWithoutPattern.slice(0, 6).map((service) => <li key={service.slug}><TextLink href={`/services/${service.slug}`} className="font-normal">{service.name}</TextLink></li>)}
          </ul>
          <TextLink href="/changes/patterns" className="text-xs">Deployment patterns</TextLink>
        </div>
        <div>
          <h3 className="text-sm font-medium">Lead time trend (median per week)</h3>
          <table className="mt-1 w-full text-xs">
            <caption className="sr-only">Median lead time per week</caption>
            <tbody>
              {signals.leadTimeTrend.map((point) => (
                <tr key={point.weekStart.toISOString()}>
                  <th scope="row" className="whitespace-nowrap pr-2 text-left font-normal text-fg-muted">{point.weekStart.toISOString().slice(5, 10)}</th>
                  <td className="w-full"><span className="block h-2 rounded bg-brand-500" style={{ width: `${((point.medianHours ?? 0) / max) * 100}%` }} aria-hidden="true" /></td>
                  <td className="pl-2 text-right tabular-nums whitespace-nowrap">{hours(point.medianHours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </CardContent>
    </Card>
  );
}
